using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using static KernelGen.Generators.Tests.Support.Snippets;

namespace KernelGen.Generators.Tests.Diagnostics;

/// <summary>
/// KG0017: with constant Weights the kernel takes (input, [bias,] output, sizes), so a span kept from the run-time
/// signature lands in the bias slot and is added to every output. A name that reads as weights there is warned of.
/// </summary>
public sealed class BiasNamedAsWeightsTests
{
    private const string Smoothing = "Conv1D(3, Weights = new double[] { 0.25, 0.5, 0.25 })";

    [Theory]
    [InlineData("weights")]
    [InlineData("w")]
    [InlineData("kernel")]
    [InlineData("filter")]
    [InlineData("filterWeights")]
    [InlineData("kernel_taps")]
    [InlineData("Coefficients")]
    [InlineData("w1")]
    [InlineData("@weights")]
    public void KG0017_SpanInTheBiasSlotNamedLikeWeights(string name)
        => DiagnosticVerifier.Verify(
            Kernel(Smoothing, $"ReadOnlySpan<float> input, {{|KG0017:ReadOnlySpan<float> {name}|}}, Span<float> output, int length"),
            "KG0017", DiagnosticSeverity.Warning,
            "[Conv1D] sets Weights, so kernel 'Kernel' takes no weights parameter",
            $"the span '{name.TrimStart('@')}' is read as the bias",
            "rename it 'bias' if it is the bias");

    [Fact]
    public void KG0017_TheIssueDeclarationIsWarnedOf()
    {
        // The declaration a user reported: it compiled clean and added 0.25 to every output.
        string source = """
            using System;
            using KernelGen;

            public static partial class Filters
            {
                [Conv1D(3, Weights = new double[] { 0.25, 0.5, 0.25 })]
                public static partial void Smooth(ReadOnlySpan<float> input, {|KG0017:ReadOnlySpan<float> weights|}, Span<float> output, int length);
            }
            """;
        DiagnosticVerifier.Verify(source, "KG0017", DiagnosticSeverity.Warning, "remove 'weights' if it holds the weights");
    }

    [Fact]
    public void KG0017_InTwoDimensionsAndDouble()
        => DiagnosticVerifier.Verify(
            Kernel("Conv2D(3, 3, Weights = new double[] { 1, 0, -1, 2, 0, -2, 1, 0, -1 })",
                "ReadOnlySpan<double> input, {|KG0017:ReadOnlySpan<double> sobelKernel|}, Span<double> output, int height, int width"),
            "KG0017", DiagnosticSeverity.Warning, "[Conv2D] sets Weights", "the span 'sobelKernel' is read as the bias");

    [Theory]
    [InlineData("bias")]
    [InlineData("b")]
    [InlineData("biases")]
    [InlineData("filterBias")]
    [InlineData("kernelOffsets")]
    [InlineData("beta")]
    [InlineData("window")]
    [InlineData("source")]
    public void BiasSlotWithAnotherNameBuildsClean(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(Kernel(Smoothing, $"ReadOnlySpan<float> input, ReadOnlySpan<float> {name}, Span<float> output, int length"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Result.GeneratedSources);
        Assert.Empty(run.OutputWarningsAndErrors);
    }

    [Fact]
    public void RunTimeWeightsNamedWeightsAreNotWarnedOf()
    {
        // Without constant Weights the second span is the weights: its name is the right one.
        GeneratorRun run = GeneratorHarness.Run(Kernel("Conv1D(3)", "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int length"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputWarningsAndErrors);
    }

    [Fact]
    public void TheWarningCanBeSuppressed()
    {
        string source = "#pragma warning disable KG0017\n" +
            Kernel(Smoothing, "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length");
        GeneratorRun run = GeneratorHarness.Run(source);

        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("KG0017", warning.Id);
        Assert.True(warning.IsSuppressed);
        Assert.Single(run.Result.GeneratedSources); // a warning, not an error: the kernel is still generated
    }
}
