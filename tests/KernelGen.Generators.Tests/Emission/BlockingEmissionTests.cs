using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// How the interior is blocked: output rows and channels per pass, weights broadcast once, the border columns of
/// stride-1 padded convolutions as end vectors blocked like the interior between them (their padded taps shifted in
/// with zeros). The results are checked against the reference (guard pages, every width) by the kernel tests.
/// </summary>
public sealed class BlockingEmissionTests
{
    private static string Generate(string attribute)
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            namespace Demo;

            public static partial class Layers
            {
                [{{attribute}}]
                public static partial void Layer(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);
            }
            """);
        Assert.Empty(run.OutputWarningsAndErrors);
        return Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
    }

    [Fact]
    public void SamePadding_BlocksTheEndVectorsWithTheInterior()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)");

        Assert.Contains("private static int Edge512x4_Left_Block4(", code);
        Assert.Contains("private static int Edge512x4_Right_Block4(", code);
        Assert.Contains("Edge512x4_Left_Block4(input, weights, bias, output, layout, o, c0, first, 0, 16);", code);
        Assert.Contains("Rows512x4_Interior_Block4(input, weights, bias, output, layout, o, c0, first, 16, layout.OutWidth - 16);", code);
        Assert.Contains("Edge512x4_Right_Block4(input, weights, bias, output, layout, o, c0, first, layout.OutWidth - 16, layout.OutWidth);", code);

        // The left column tap of the left edge vector shifts the row's first vector one lane right, a zero coming in.
        Assert.Contains("Vector512.Create(-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)", code);

        // The right column tap of the right edge vector shifts the row's last vector one lane left.
        Assert.Contains("Vector512.Create(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, -1)", code);
    }

    [Fact]
    public void OutputRows_GoBandByBandAcrossChannelBlocks()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 16)");

        Assert.Contains("for (int y0 = 0; y0 < layout.OutHeight;)", code);
        Assert.Contains("OutputRows_Block4(input, weights, bias, output, layout, o, c0, y0, y1);", code);
    }

    [Fact]
    public void ValidPadding_HasNoEdgeVectors()
    {
        string code = Generate("Conv2D(3, 3, InChannels = 16, OutChannels = 16)");

        Assert.DoesNotContain("Edge512", code);
    }

    [Fact]
    public void SingleChannel_BlocksEightRows_WithItsWeightsInRegisters()
    {
        string code = Generate("Conv2D(3, 3)");

        Assert.Contains("private static int Rows512x8_Interior_Block1(", code);
        Assert.Contains("Vector512<float> weight0_4 = Vector512.Create(Unsafe.Add(ref weightRef, 4));", code);
        Assert.Contains("acc0_7 = Vector512.MultiplyAddEstimate(v, weight0_8, acc0_7);", code);

        // The last block ends at the last interior row, overlapping the one before instead of leaving single rows.
        Assert.Contains("int first = Math.Min(y, limit - 8);", code);
    }

    [Fact]
    public void ManyChannels_LoadTheirWeightsPerChannel()
    {
        // 16 input channels: the weights change with every channel of the loop, so they are broadcast at each use.
        string code = Generate("Conv2D(3, 3, InChannels = 16, OutChannels = 16)");

        Assert.DoesNotContain("weight0_0", code);
        Assert.Contains("private static int Rows512x4_Interior_Block4(", code);
    }
}
