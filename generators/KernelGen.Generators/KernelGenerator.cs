using KernelGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KernelGen.Generators;

/// <summary>
/// Emits the body of every partial method carrying a KernelGen attribute as a fixed-size, unrolled, vectorized
/// convolution or pooling kernel.
/// </summary>
/// <remarks>
/// The pipeline, per attribute: <c>ForAttributeWithMetadataName</c> finds the methods; the parser turns each into a
/// <see cref="ParseResult"/> holding a value-equatable <see cref="KernelSpec"/> (no symbols, syntax or locations,
/// so an unrelated edit leaves it equal and its source cached) and the diagnostics. The two halves then go out
/// through separate outputs: specs to one source file per kernel (never a Collect() of all kernels, which would
/// regenerate every kernel on any change), diagnostics with their real locations so that #pragma and
/// .editorconfig severities apply to them.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class KernelGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (KernelAttribute attribute in KernelAttribute.All)
        {
            IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute.MetadataName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, attribute, cancellationToken))
                .WithTrackingName(TrackingNames.Parse);

            IncrementalValuesProvider<KernelSpec> specs = parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.Specs);

            IncrementalValuesProvider<Diagnostic> diagnostics = parsed
                .SelectMany(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);

            // The planner decides every strategy from the spec's numbers; the emitter writes what the plan lists.
            context.RegisterSourceOutput(specs, static (output, spec) =>
                output.AddSource(Emitter.HintName(spec), Emitter.Emit(new Planning.KernelPlan(spec))));
            context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic));
        }
    }
}
