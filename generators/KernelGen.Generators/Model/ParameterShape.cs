using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Model;

/// <summary>One parameter of a kernel's fixed signature (docs/semantics.md, “Method shapes”): its kind and its conventional name.</summary>
internal sealed record ParameterShape(ParameterKind Kind, string Name)
{
    public bool Matches(ITypeSymbol type) => Kind switch
    {
        ParameterKind.Int => type.SpecialType == SpecialType.System_Int32,
        ParameterKind.Weights => IsSystemSpan(type, "ReadOnlySpan") || PackedWeightsElement(type) is not null,
        _ => IsSystemSpan(type, Kind == ParameterKind.ReadOnlySpan ? "ReadOnlySpan" : "Span"),
    };

    private static bool IsSystemSpan(ITypeSymbol type, string name)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
           && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
           && named.Name == name;

    /// <summary>
    /// The element type of <c>KernelGen.PackedWeights&lt;T&gt;</c>, which the weights slot takes in place of a
    /// <c>ReadOnlySpan&lt;T&gt;</c> (the weights copied once, and packed once per path); null for any other type.
    /// </summary>
    public static ITypeSymbol? PackedWeightsElement(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "PackedWeights" } named
           && named.ContainingNamespace is { Name: "KernelGen", ContainingNamespace.IsGlobalNamespace: true }
            ? named.TypeArguments[0]
            : null;

    /// <summary>The parameter list a kernel of <paramref name="attribute"/> takes.</summary>
    public static ParameterShape[] For(KernelAttribute attribute, bool withBias, bool constantWeights)
    {
        var shape = new List<ParameterShape> { new(ParameterKind.ReadOnlySpan, "input") };
        if (attribute.IsConvolution && !constantWeights)
        {
            shape.Add(new(ParameterKind.Weights, "weights"));
        }

        if (attribute.IsConvolution && withBias)
        {
            shape.Add(new(ParameterKind.ReadOnlySpan, "bias"));
        }

        shape.Add(new(ParameterKind.Span, "output"));
        if (attribute.Is2D)
        {
            shape.Add(new(ParameterKind.Int, "height"));
            shape.Add(new(ParameterKind.Int, "width"));
        }
        else
        {
            shape.Add(new(ParameterKind.Int, "length"));
        }

        return shape.ToArray();
    }

    /// <summary>The expected list as a user would write it, e.g. <c>(ReadOnlySpan&lt;float&gt; input, …, int width)</c>.</summary>
    public static string Describe(KernelAttribute attribute, string elementType, bool constantWeights)
    {
        ParameterShape[] full = For(attribute, withBias: attribute.IsConvolution, constantWeights);
        IEnumerable<string> parts = full.Select(p =>
        {
            string text = p.Kind switch
            {
                ParameterKind.ReadOnlySpan or ParameterKind.Weights => $"ReadOnlySpan<{elementType}> {p.Name}",
                ParameterKind.Span => $"Span<{elementType}> {p.Name}",
                _ => $"int {p.Name}",
            };
            return p.Name == "bias" ? $"[{text},]" : text + ",";
        });
        string joined = string.Join(" ", parts);
        return "(" + joined.Substring(0, joined.Length - 1) + ")" + (attribute.IsConvolution ? ", the bias being optional" : "");
    }
}

/// <summary>The kinds of parameter a kernel signature has.</summary>
internal enum ParameterKind
{
    ReadOnlySpan,
    Span,
    Int,

    /// <summary>A convolution's run-time weights: a <c>ReadOnlySpan&lt;T&gt;</c>, or a <c>KernelGen.PackedWeights&lt;T&gt;</c>.</summary>
    Weights,
}
