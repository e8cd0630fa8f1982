using System.Collections.Immutable;
using KernelGen.Generators.Diagnostics;
using KernelGen.Generators.Helpers;
using KernelGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KernelGen.Generators;

public sealed partial class KernelGenerator
{
    /// <summary>
    /// Turns an attributed method into a <see cref="KernelSpec"/> or into diagnostics. It never throws on user
    /// code: every way a declaration can be wrong is a diagnostic, and a declaration the compiler already rejects
    /// (an attribute argument that does not bind) yields nothing.
    /// </summary>
    internal static class Parser
    {
        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, KernelAttribute attribute, CancellationToken cancellationToken)
        {
            var diagnostics = new List<Diagnostic>();
            if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax
                || context.Attributes.Length == 0)
            {
                return new ParseResult(null, EquatableArray<Diagnostic>.Empty);
            }

            AttributeData data = context.Attributes[0];
            if (!ReportSecondKernelAttribute(method, syntax, attribute, diagnostics))
            {
                // Another KernelGen attribute sits on this method; the first one in source order reports it.
                return Result(null, diagnostics);
            }

            if (data.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
                || data.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error)
                || data.AttributeConstructor is null
                || CompilerRejectsDeclaration(method, syntax))
            {
                return Result(null, diagnostics); // the compiler reports the broken attribute or declaration itself
            }

            cancellationToken.ThrowIfCancellationRequested();
            Location attributeLocation = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? syntax.Identifier.GetLocation();
            var arguments = new AttributeArguments(data, attribute, attributeLocation, cancellationToken);

            CheckDeclaration(method, syntax, diagnostics);
            ElementType? element = CheckParameters(method, syntax, attribute, arguments.HasConstantWeights, out bool hasBias, out bool packedWeights, diagnostics);
            KernelOptions? options = arguments.Read(element ?? ElementType.Float, diagnostics);

            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || element is null || options is null)
            {
                return Result(null, diagnostics);
            }

            ReportLooping(attribute, options, attributeLocation, diagnostics);
            var spec = new KernelSpec(attribute.Name, attribute.Operation, attribute.Is2D, element.Value, options, hasBias,
                DescribeMethod(method, syntax), packedWeights);
            return Result(spec, diagnostics);
        }

        private static ParseResult Result(KernelSpec? spec, List<Diagnostic> diagnostics) => new(spec, diagnostics.ToEquatableArray());

        // Returns false when this attribute is not the one that speaks for the method (another KernelGen attribute came first).
        private static bool ReportSecondKernelAttribute(IMethodSymbol method, MethodDeclarationSyntax syntax, KernelAttribute attribute, List<Diagnostic> diagnostics)
        {
            List<AttributeData> kernelAttributes = method.GetAttributes().Where(IsKernelAttribute).ToList();
            if (kernelAttributes.Count < 2)
            {
                return true;
            }

            string first = ShortName(kernelAttributes[0]), second = ShortName(kernelAttributes[1]);
            if (first != attribute.Name)
            {
                return false;
            }

            Location location = kernelAttributes[1].ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? syntax.Identifier.GetLocation();
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MultipleKernelAttributes, location, method.Name, first, second));
            return false;
        }

        // Declarations the compiler already rejects, for which an implementation could only add errors or collide on
        // its hint name: a method outside a type (e.g. among top-level statements), a type, method or parameter
        // without a name (while typing), an abstract partial method, a second method with the same signature.
        private static bool CompilerRejectsDeclaration(IMethodSymbol method, MethodDeclarationSyntax syntax)
            => syntax.Parent is not TypeDeclarationSyntax
               || syntax.Identifier.IsMissing
               || syntax.ParameterList.Parameters.Any(p => p.Identifier.IsMissing)
               || syntax.Ancestors().OfType<BaseTypeDeclarationSyntax>().Any(t => t.Identifier.IsMissing)
               || syntax.Modifiers.Any(SyntaxKind.AbstractKeyword)
               || method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(other =>
                   !SymbolEqualityComparer.Default.Equals(other, method)
                   && !SymbolEqualityComparer.Default.Equals(other, method.PartialDefinitionPart)
                   && !SymbolEqualityComparer.Default.Equals(other, method.PartialImplementationPart)
                   && other.Arity == method.Arity
                   && other.Parameters.Length == method.Parameters.Length
                   && other.Parameters.Zip(method.Parameters, (a, b) => a.RefKind == b.RefKind && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same));

        private static bool IsKernelAttribute(AttributeData data)
            => data.AttributeClass is { } type
               && type.ContainingNamespace is { Name: KernelAttribute.Namespace, ContainingNamespace.IsGlobalNamespace: true }
               && KernelAttribute.All.Any(a => a.Name + "Attribute" == type.Name);

        private static string ShortName(AttributeData data)
        {
            string name = data.AttributeClass!.Name;
            return name.Substring(0, name.Length - "Attribute".Length);
        }

        private static void CheckDeclaration(IMethodSymbol method, MethodDeclarationSyntax syntax, List<Diagnostic> diagnostics)
        {
            bool isPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword);
            // A hand-written implementation part elsewhere, or 'extern', is a body too: the generated one would be a second implementation.
            if (!isPartial || syntax.Body is not null || syntax.ExpressionBody is not null || method.PartialImplementationPart is not null
                || syntax.Modifiers.Any(SyntaxKind.ExternKeyword))
            {
                string access = SyntaxFacts.GetText(method.DeclaredAccessibility);
                string prefix = (access.Length > 0 ? access : "private") + (method.IsStatic ? " static" : "");
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MethodNotPartial, syntax.Identifier.GetLocation(), method.Name, prefix));
            }

            if (!method.ReturnsVoid)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ReturnNotVoid, syntax.ReturnType.GetLocation(),
                    method.Name, method.ReturnType.ToDisplayString()));
            }

            if (method.IsGenericMethod)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.GenericMethod,
                    syntax.TypeParameterList?.GetLocation() ?? syntax.Identifier.GetLocation(), method.Name));
            }

            foreach (TypeDeclarationSyntax type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
            {
                if (type is InterfaceDeclarationSyntax)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedContainingType, type.Identifier.GetLocation(),
                        method.Name, $"interface '{type.Identifier.Text}'"));
                }
                else if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.TypeNotPartial, type.Identifier.GetLocation(),
                        type.Identifier.Text, method.Name, TypeKeyword(type)));
                }
                else if (type.Modifiers.Any(SyntaxKind.FileKeyword))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedContainingType, type.Identifier.GetLocation(),
                        method.Name, $"the file-local type '{type.Identifier.Text}'"));
                }
            }
        }

        private static ElementType? CheckParameters(
            IMethodSymbol method, MethodDeclarationSyntax syntax, KernelAttribute attribute, bool constantWeights,
            out bool hasBias, out bool packedWeights, List<Diagnostic> diagnostics)
        {
            hasBias = false;
            packedWeights = false;
            ImmutableArray<IParameterSymbol> parameters = method.Parameters;
            Location listLocation = syntax.ParameterList.GetLocation();
            ParameterShape[] withoutBias = ParameterShape.For(attribute, withBias: false, constantWeights);
            ParameterShape[] withBias = ParameterShape.For(attribute, withBias: true, constantWeights);
            ParameterShape[]? shape = parameters.Length == withoutBias.Length ? withoutBias
                : parameters.Length == withBias.Length && attribute.IsConvolution ? withBias
                : null;

            // A parameter whose type does not bind is the compiler's error to report; an implementation would not match it.
            if (parameters.Any(p => ContainsErrorType(p.Type)))
            {
                return null;
            }

            // The element type is read from the spans first: a wrong element type is its own mistake, not a wrong list.
            List<ITypeSymbol> elements = parameters.Select(p => SpanElement(p.Type)).Where(t => t is not null).ToList()!;
            ITypeSymbol? first = elements.FirstOrDefault();
            ElementType? element = first?.SpecialType switch
            {
                SpecialType.System_Single => ElementType.Float,
                SpecialType.System_Double => ElementType.Double,
                _ => null,
            };

            string typeName = element == ElementType.Double ? "double" : "float";
            if (first is not null && element is null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedElementType, listLocation, method.Name, first.ToDisplayString()));
                return null;
            }

            if (elements.Any(e => !SymbolEqualityComparer.Default.Equals(e, first)))
            {
                bool allFloatingPoint = elements.All(e => e.SpecialType is SpecialType.System_Single or SpecialType.System_Double);
                diagnostics.Add(allFloatingPoint
                    ? Diagnostic.Create(DiagnosticDescriptors.MixedElementTypes, listLocation, method.Name, typeName)
                    : Diagnostic.Create(DiagnosticDescriptors.UnsupportedElementType, listLocation, method.Name,
                        elements.First(e => e.SpecialType is not (SpecialType.System_Single or SpecialType.System_Double)).ToDisplayString()));
                return null;
            }

            bool matches = shape is not null && element is not null;
            for (int i = 0; matches && i < parameters.Length; i++)
            {
                IParameterSymbol parameter = parameters[i];
                matches = parameter.RefKind == RefKind.None && !parameter.IsParams && parameter.ScopedKind == ScopedKind.None
                    && shape![i].Matches(parameter.Type);
            }

            if (!matches)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.WrongParameters, listLocation,
                    method.Name, attribute.Name, ParameterShape.Describe(attribute, typeName, constantWeights)));
                return null;
            }

            hasBias = shape == withBias && withBias.Length != withoutBias.Length;
            int weights = Array.FindIndex(shape!, p => p.Kind == ParameterKind.Weights);
            packedWeights = weights >= 0 && ParameterShape.PackedWeightsElement(parameters[weights].Type) is not null;
            if (hasBias && constantWeights)
            {
                ReportBiasNamedAsWeights(method, syntax, attribute, diagnostics);
            }

            return element;
        }

        // With constant weights the span after the input is the bias (input, bias, output, sizes); named like weights,
        // it most likely holds them, and would be added to every output without any error.
        private static void ReportBiasNamedAsWeights(IMethodSymbol method, MethodDeclarationSyntax syntax, KernelAttribute attribute, List<Diagnostic> diagnostics)
        {
            IParameterSymbol bias = method.Parameters[1];
            if (WeightsLikeName.Matches(bias.Name))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.BiasNamedAsWeights, syntax.ParameterList.Parameters[1].GetLocation(),
                    attribute.Name, method.Name, bias.Name));
            }
        }

        private static bool ContainsErrorType(ITypeSymbol type)
            => type.TypeKind == TypeKind.Error
               || (type is INamedTypeSymbol named && named.TypeArguments.Any(ContainsErrorType));

        // The element type of a span, or of the PackedWeights<T> the weights slot may take instead.
        private static ITypeSymbol? SpanElement(ITypeSymbol type)
            => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
               && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
               && named.Name is "Span" or "ReadOnlySpan"
                ? named.TypeArguments[0]
                : ParameterShape.PackedWeightsElement(type);

        private static void ReportLooping(KernelAttribute attribute, KernelOptions options, Location location, List<Diagnostic> diagnostics)
        {
            var plan = Planning.TapLayouts.For(options.KernelHeight, options.KernelWidth);
            if (plan != Planning.TapLayout.Unrolled)
            {
                string how = plan == Planning.TapLayout.RowsLooped
                    ? "its rows are looped and each row is unrolled"
                    : "its rows and columns are looped";
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.RowsLooped, location, attribute.Name,
                    (long)options.KernelHeight * options.KernelWidth, Planning.TapLayouts.MaxUnrolledTaps, how));
            }
        }

        private static MethodShape DescribeMethod(IMethodSymbol method, MethodDeclarationSyntax syntax)
        {
            var types = new List<ContainingType>();
            for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                string name = Escape(type.Name);
                if (type.TypeParameters.Length > 0)
                {
                    name += "<" + string.Join(", ", type.TypeParameters.Select(t => Escape(t.Name))) + ">";
                }

                string keyword = type.IsRecord
                    ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                    : (type.TypeKind == TypeKind.Struct ? "struct" : "class");
                keyword = "partial " + keyword;
                if (type.IsRefLikeType)
                {
                    keyword = "ref " + keyword; // 'ref partial struct': partial must come right before 'struct'
                }

                types.Insert(0, new ContainingType(keyword, name, type.MetadataName));
            }

            string ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
            return new MethodShape(
                ns,
                types.ToEquatableArray(),
                string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
                Escape(method.Name),
                method.Parameters.Select(p => p.Name).ToEquatableArray(),
                method.IsExtensionMethod);
        }

        private static string Escape(string identifier)
            => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

        private static string TypeKeyword(TypeDeclarationSyntax type) => type switch
        {
            RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
            RecordDeclarationSyntax => "record",
            StructDeclarationSyntax => "struct",
            _ => "class",
        };
    }
}
