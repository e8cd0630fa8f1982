namespace KernelGen.Generators.Tests.Support;

/// <summary>Building blocks of test snippets: the valid parameter lists of docs/semantics.md, “Method shapes” and a one-kernel class.</summary>
internal static class Snippets
{
    public const string Conv2DParameters = "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width";
    public const string Conv2DBiasParameters = "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width";
    public const string Conv1DParameters = "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length";
    public const string Pool2DParameters = "ReadOnlySpan<float> input, Span<float> output, int height, int width";
    public const string Pool1DParameters = "ReadOnlySpan<float> input, Span<float> output, int length";

    /// <summary>The valid float parameter list for the attribute that <paramref name="attribute"/> (possibly marked up) applies.</summary>
    public static string ParametersFor(string attribute)
    {
        string? name = new[] { "Conv2D", "Conv1D", "MaxPool2D", "AvgPool2D", "MaxPool1D", "AvgPool1D" }
            .Where(n => attribute.Contains(n, StringComparison.Ordinal))
            .OrderBy(n => attribute.IndexOf(n, StringComparison.Ordinal))
            .FirstOrDefault();
        return name switch
        {
            "Conv2D" => Conv2DParameters,
            "Conv1D" => Conv1DParameters,
            "MaxPool2D" or "AvgPool2D" => Pool2DParameters,
            "MaxPool1D" or "AvgPool1D" => Pool1DParameters,
            _ => throw new ArgumentException($"No KernelGen attribute in '{attribute}'.", nameof(attribute)),
        };
    }

    /// <summary>A file-scoped namespace with one static partial class holding one kernel <c>[attribute] Kernel(parameters)</c>.</summary>
    public static string Kernel(string attribute, string? parameters = null, string name = "Kernel")
        => $$"""
            namespace Demo;

            public static partial class Filters
            {
                [{{attribute}}]
                public static partial void {{name}}({{parameters ?? ParametersFor(attribute)}});
            }
            """;
}
