using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// Kernels declared with <c>PackedWeights&lt;T&gt;</c> weights: the method's signature, the null check, each
/// channel-lane path reading its own packing (made once, under its own key) where a span kernel repacks into scratch,
/// and kernels without lanes reading the weights as given. The kernel tests check the results.
/// </summary>
public sealed class PackedWeightsEmissionTests
{
    private const string PackedParameters = "ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width";
    private const string SpanParameters = "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width";

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64, Activation = Activation.Relu)")]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 32, OutChannels = 64)")]
    [InlineData("Conv2D(1, 1, InChannels = 32, OutChannels = 64)")]
    public void LaneLayers_ReadEachPathsPackingMadeOnce(string attribute)
    {
        string code = GeneratorHarness.GenerateOne(attribute, PackedParameters);

        Assert.Contains("void Kernel(global::System.ReadOnlySpan<float> input, global::KernelGen.PackedWeights<float> weights, global::System.ReadOnlySpan<float> bias,", code);
        Assert.Contains("public static void Run(ReadOnlySpan<float> input, PackedWeights<float> packedWeights, ReadOnlySpan<float> bias, Span<float> output, int height, int width, in KernelParameterNames names)", code);
        Assert.Contains("ArgumentNullException.ThrowIfNull(packedWeights, names.Weights);", code);
        Assert.Contains("ReadOnlySpan<float> weights = packedWeights.Weights;", code);

        // Every lane call passes its path's packing; nothing repacks per call.
        Assert.Contains("Prepacked(packedWeights)", code);
        Assert.Contains("Vector256Lanes.Prepacked(packedWeights)", code);
        Assert.DoesNotContain("KernelScratch.Get<float>(PackedLength)", code);
        Assert.DoesNotContain("KernelScratch.Get<float>(Vector256Lanes.PackedLength)", code);
        Assert.DoesNotContain("PackLaneWeights(weights, packed, o,", code);
        int walks = Count(code, "static void LaneBlocks(") + Count(code, "static void PaddedCopyWalk(");
        Assert.True(walks >= 2);
        Assert.Equal(walks, Count(code, "ReadOnlySpan<float> packed = prepacked.Slice(PrepackedOffset(o, "));

        // Each path packs under its own key, with its own layout.
        Assert.Contains("weights.PackedFor(typeof(Vector256Lanes), PrepackedLength, PackAll)", code);
        Assert.Matches(@"weights\.PackedFor\(typeof\(Kernel_Conv2D_\w+\), PrepackedLength, PackAll\)", code);
        Assert.Equal(2, Count(code, "private static void PackAll(ReadOnlySpan<float> weights, Span<float> prepacked)"));
    }

    [Fact]
    public void ChunkedLayers_FindEachChunksWeightsAtItsOwnOffset()
    {
        string code = GeneratorHarness.GenerateOne("Conv2D(3, 3, Padding = Padding.Same, InChannels = 512, OutChannels = 512)", PackedParameters);

        Assert.Contains("private static int PrepackedOffset(int o, int c) => (o / LaneBlockChannels * PackedChunks + c / LaneChunk) * PackedLength;", code);
        Assert.Contains("PackLaneWeights(weights, prepacked.Slice(PrepackedOffset(o, c), PackedLength), o, c, Math.Min(LaneChunk, ChannelsPerGroup - c));", code);
        Assert.Contains("private const int PackedChunks = 3;", code); // 512 channels of 227 at 512 bits (two vectors of 16)
    }

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same)", "ReadOnlySpan<float> input, PackedWeights<float> weights, Span<float> output, int height, int width")]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8)", "ReadOnlySpan<float> input, PackedWeights<float> weights, Span<float> output, int height, int width")]
    [InlineData("Conv1D(3, InChannels = 4, OutChannels = 8)", "ReadOnlySpan<double> input, PackedWeights<double> weights, ReadOnlySpan<double> bias, Span<double> output, int length")]
    public void LayersWithoutLanes_ReadTheWeightsAsGiven(string attribute, string parameters)
    {
        string code = GeneratorHarness.GenerateOne(attribute, parameters);

        Assert.Contains("= packedWeights.Weights; // every path reads them as given: nothing to pack", code);
        Assert.DoesNotContain("Prepacked", code);
    }

    [Fact]
    public void SpanKernels_RepackPerCallAsBefore()
    {
        string code = GeneratorHarness.GenerateOne("Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64)", SpanParameters);

        Assert.Contains("PackLaneWeights(weights, packed, o, 0, ChannelsPerGroup);", code);
        Assert.DoesNotContain("Prepacked", code);
        Assert.DoesNotContain("PackedWeights", code);
    }

    [Fact]
    public void OverloadsTakingSpanAndPackedWeights_GenerateSeparateFiles()
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            namespace Demo;

            public static partial class Layers
            {
                [Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32)]
                public static partial void Layer({{SpanParameters}});

                [Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32)]
                public static partial void Layer({{PackedParameters}});
            }
            """);

        Assert.Empty(run.OutputWarningsAndErrors);
        string[] hints = [.. run.Result.GeneratedSources.Select(s => s.HintName)];
        Assert.Equal(2, hints.Length);
        Assert.Single(hints, h => h.Contains("_packed_", StringComparison.Ordinal));
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
