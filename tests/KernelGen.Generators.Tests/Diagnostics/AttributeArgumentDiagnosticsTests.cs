using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using static KernelGen.Generators.Tests.Support.Snippets;

namespace KernelGen.Generators.Tests.Diagnostics;

/// <summary>docs/semantics.md, “Attributes” and “Errors at compile time”: the attribute's arguments, each diagnostic on the argument at fault.</summary>
public sealed class AttributeArgumentDiagnosticsTests
{
    [Theory]
    [InlineData("Conv2D({|KG0008:0|}, 3)", "[Conv2D] kernelHeight = 0 is not allowed")]
    [InlineData("Conv2D(3, {|KG0008:-2|})", "[Conv2D] kernelWidth = -2 is not allowed")]
    [InlineData("Conv1D({|KG0008:0|})", "[Conv1D] kernelSize = 0 is not allowed")]
    [InlineData("MaxPool1D({|KG0008:-1|})", "[MaxPool1D] size = -1 is not allowed")]
    [InlineData("AvgPool1D({|KG0008:0|})", "[AvgPool1D] size = 0 is not allowed")]
    [InlineData("MaxPool2D({|KG0008:0|}, 2)", "[MaxPool2D] height = 0 is not allowed")]
    [InlineData("AvgPool2D(2, {|KG0008:int.MinValue|})", "[AvgPool2D] width = -2147483648 is not allowed")]
    public void KG0008_PositionalSizeNotPositive(string attribute, string message)
        => DiagnosticVerifier.Verify(Kernel(attribute), "KG0008", messageContains: [message, "it must be at least 1"]);

    [Theory]
    [InlineData("Conv2D(3, 3, {|KG0008:Stride = 0|})", "[Conv2D] Stride = 0")]
    [InlineData("Conv1D(3, {|KG0008:Stride = -4|})", "[Conv1D] Stride = -4")]
    [InlineData("MaxPool2D(2, 2, {|KG0008:Stride = 0|})", "[MaxPool2D] Stride = 0")]
    [InlineData("AvgPool1D(2, {|KG0008:Stride = -1|})", "[AvgPool1D] Stride = -1")]
    [InlineData("Conv2D(3, 3, {|KG0008:Dilation = -1|})", "[Conv2D] Dilation = -1")]
    [InlineData("Conv1D(3, {|KG0008:Dilation = 0|})", "[Conv1D] Dilation = 0")]
    [InlineData("Conv2D(3, 3, {|KG0008:InChannels = 0|})", "[Conv2D] InChannels = 0")]
    [InlineData("Conv2D(3, 3, {|KG0008:OutChannels = 0|})", "[Conv2D] OutChannels = 0")]
    [InlineData("Conv1D(3, {|KG0008:Groups = 0|})", "[Conv1D] Groups = 0")]
    [InlineData("MaxPool2D(2, 2, {|KG0008:Channels = 0|})", "[MaxPool2D] Channels = 0")]
    [InlineData("AvgPool1D(2, {|KG0008:Channels = -3|})", "[AvgPool1D] Channels = -3")]
    public void KG0008_NamedArgumentNotPositive(string attribute, string message)
        => DiagnosticVerifier.Verify(Kernel(attribute), "KG0008", messageContains: [message, "it must be at least 1"]);

    [Fact]
    public void KG0008_EveryNonPositiveArgumentIsReportedOnItsOwnArgument()
        => DiagnosticVerifier.Verify(
            Kernel("Conv2D({|KG0008:0|}, {|KG0008:0|}, Padding = Padding.Same, {|KG0008:Stride = 0|}, {|KG0008:InChannels = -1|}, Groups = 1)"),
            "KG0008");

    [Fact]
    public void KG0008_NamedPositionalArgumentsOutOfOrderPointAtTheAttribute()
        => DiagnosticVerifier.Verify(Kernel("{|KG0008:Conv2D(kernelWidth: 3, kernelHeight: 0)|}"), "KG0008",
            messageContains: "kernelHeight = 0");

    [Fact]
    public void KG0008_ConstantExpressionsAreEvaluated()
        => DiagnosticVerifier.Verify("""
            public static partial class Filters
            {
                private const int Size = 3;

                [Conv1D(Size, {|KG0008:Stride = Size - 3|})]
                public static partial void Smooth(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);
            }
            """, "KG0008", messageContains: "Stride = 0");

    [Theory]
    [InlineData("Conv2D(3, 3, InChannels = 3, OutChannels = 4, {|KG0009:Groups = 2|})", "Groups = 2 must divide InChannels = 3 and OutChannels = 4")]
    [InlineData("Conv2D(3, 3, InChannels = 4, OutChannels = 6, {|KG0009:Groups = 4|})", "Groups = 4 must divide InChannels = 4 and OutChannels = 6")]
    [InlineData("Conv1D(3, {|KG0009:Groups = 2|})", "Groups = 2 must divide InChannels = 1 and OutChannels = 1")]
    public void KG0009_ChannelsNotDivisibleByGroups(string attribute, string message)
        => DiagnosticVerifier.Verify(Kernel(attribute), "KG0009", messageContains: [message, "choose channel counts that are multiples of Groups"]);

    [Theory]
    [InlineData("MaxPool2D(2, 2, {|KG0010:Padding = Padding.Full|})", "[MaxPool2D]")]
    [InlineData("AvgPool2D(3, 3, Stride = 1, {|KG0010:Padding = Padding.Full|})", "[AvgPool2D]")]
    [InlineData("MaxPool1D(2, {|KG0010:Padding = KernelGen.Padding.Full|})", "[MaxPool1D]")]
    [InlineData("AvgPool1D(2, {|KG0010:Padding = (Padding)2|})", "[AvgPool1D]")]
    public void KG0010_FullPaddingOnPool(string attribute, string name)
        => DiagnosticVerifier.Verify(Kernel(attribute), "KG0010",
            messageContains: [name, "does not support Padding.Full", "use Padding.Valid or Padding.Same"]);

    [Fact]
    public void KG0011_ConstantWeightsOfTheWrongLength()
        => DiagnosticVerifier.Verify(
            Kernel("Conv2D(3, 3, {|KG0011:Weights = new double[] { 1, 2, 1, 2, 4, 2, 1, 2 }|})", Pool2DParameters),
            "KG0011", messageContains: ["Weights has 8 values", "= 1·1·3·3 = 9", "write exactly 9 values"]);

    [Fact]
    public void KG0011_ConstantWeightsCountChannelsAndGroups()
        => DiagnosticVerifier.Verify(
            Kernel("Conv1D(3, InChannels = 4, OutChannels = 2, Groups = 2, {|KG0011:Weights = [1.0, 0.0, -1.0]|})",
                "ReadOnlySpan<double> input, Span<double> output, int length"),
            "KG0011", messageContains: ["Weights has 3 values", "2·2·1·3 = 12"]);

    [Fact]
    public void ConstantWeightsTakeNoWeightsParameter()
    {
        GeneratorRun run = GeneratorHarness.Run(Kernel("Conv2D(3, 3, Weights = new double[] { 1, 0, -1, 2, 0, -2, 1, 0, -1 })", Pool2DParameters));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Result.GeneratedSources);
        Assert.Empty(run.OutputWarningsAndErrors);
    }

    [Fact]
    public void ConstantWeightsWithAWeightsParameterIsAWrongList()
        => DiagnosticVerifier.Verify(
            Kernel("Conv2D(1, 3, Weights = [1.0, 0.0, -1.0])", "PARAMETERS").Replace("Kernel(PARAMETERS)",
                "Kernel[|(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width)|]",
                StringComparison.Ordinal),
            "KG0005", messageContains: "expected (ReadOnlySpan<float> input, [ReadOnlySpan<float> bias,] Span<float> output, int height, int width)");

    [Fact]
    public void NullWeightsIsUnsetAndValid()
    {
        GeneratorRun run = GeneratorHarness.Run(Kernel("Conv2D(3, 3, Weights = null)"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Result.GeneratedSources);
        Assert.Empty(run.OutputWarningsAndErrors);
    }

    [Theory]
    [InlineData("Conv2D(3, 3, {|KG0014:Padding = (Padding)7|})", "[Conv2D] Padding = 7 is not a defined value: use one of Padding.Valid, Padding.Same, Padding.Full")]
    [InlineData("MaxPool1D(2, {|KG0014:Padding = (Padding)(-1)|})", "[MaxPool1D] Padding = -1 is not a defined value")]
    [InlineData("Conv1D(3, {|KG0014:Activation = (Activation)5|})", "[Conv1D] Activation = 5 is not a defined value: use one of Activation.None, Activation.Relu")]
    public void KG0014_UndefinedEnumValue(string attribute, string message)
        => DiagnosticVerifier.Verify(Kernel(attribute), "KG0014", messageContains: message);

    [Theory]
    [InlineData("{|KG0016:Conv2D(3, 3, Dilation = int.MaxValue)|}", "the dilated window Dilation·(K − 1) + 1 = 4294967295")]
    [InlineData("{|KG0016:Conv1D(2, Dilation = int.MaxValue)|}", "the dilated window Dilation·(K − 1) + 1 = 2147483648")]
    [InlineData("{|KG0016:Conv2D(3, 3, InChannels = 65536, OutChannels = 65536)|}", "the weights OutChannels·(InChannels/Groups)·KH·KW = 38654705664")]
    [InlineData("{|KG0016:MaxPool2D(65536, 65536)|}", "the window KH·KW = 4294967296")]
    public void KG0016_KernelTooLargeToIndex(string attribute, string message)
        => DiagnosticVerifier.Verify(Kernel(attribute), "KG0016", messageContains: [message, "more than int.MaxValue", "use a smaller window, dilation or channel count"]);

    [Fact]
    public void KG0016_NotReportedForManyPoolingChannels()
    {
        // A pool reads one channel per output channel: its "weights" count is the window, not Channels² times it.
        GeneratorRun run = GeneratorHarness.Run(Kernel("MaxPool2D(2, 2, Channels = 65536)"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Result.GeneratedSources);
        Assert.Empty(run.OutputWarningsAndErrors);
    }

    [Theory]
    [InlineData("{|KG0100:Conv2D(20, 20)|}", "[Conv2D] has 400 taps, more than the 256 KernelGen fully unrolls: its rows are looped and each row is unrolled")]
    [InlineData("{|KG0100:Conv1D(300)|}", "[Conv1D] has 300 taps, more than the 256 KernelGen fully unrolls: its rows and columns are looped")]
    [InlineData("{|KG0100:AvgPool2D(17, 17, Padding = Padding.Same)|}", "[AvgPool2D] has 289 taps")]
    public void KG0100_LargeWindowIsInfoAndStillGenerated(string attribute, string message)
    {
        var diagnostics = DiagnosticVerifier.Verify(Kernel(attribute), "KG0100", DiagnosticSeverity.Info, message);

        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        GeneratorRun run = GeneratorHarness.Run(Markup.Parse(Kernel(attribute)).Source);
        Assert.Single(run.Result.GeneratedSources);
        Assert.Empty(run.OutputWarningsAndErrors);
    }

    [Theory]
    [InlineData("Conv2D(16, 16)")]
    [InlineData("Conv1D(256)")]
    [InlineData("MaxPool2D(1, 256)")]
    public void KG0100_NotReportedUpToTheUnrollLimit(string attribute)
    {
        GeneratorRun run = GeneratorHarness.Run(Kernel(attribute));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Result.GeneratedSources);
    }
}
