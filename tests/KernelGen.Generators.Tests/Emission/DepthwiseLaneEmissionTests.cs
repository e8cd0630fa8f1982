using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// A depthwise convolution with at least a vector's lanes of channels and 4 taps has an AVX-512 path for output rows of
/// 7 or 8 columns, channels one per lane over a transposed tile: it is tried before the flattened planes, each tap is a
/// load at a constant offset (stride and dilation folded in), the weights go in overlapping pieces of 8, and a row is
/// stored with the transposes' 8 or 7 columns.
/// </summary>
public sealed class DepthwiseLaneEmissionTests
{
    private static string Generate(string attribute, string element = "float", bool bias = true)
        => GeneratorHarness.GenerateOne(attribute, $"ReadOnlySpan<{element}> input, ReadOnlySpan<{element}> weights, {(bias ? $"ReadOnlySpan<{element}> bias, " : "")}Span<{element}> output, int height, int width");

    [Fact]
    public void Depthwise_TakesLanesForRowsOfSevenOrEightColumns_BeforeTheFlattenedPlanes()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 960, OutChannels = 960, Groups = 960, Activation = Activation.Relu)");

        string call = "if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && layout.OutWidth is >= 7 and <= 8 && layout.Width >= 4 && DepthwiseLaneTileLength(layout) <= 1048576)";
        Assert.Contains(call, code);
        Assert.True(code.IndexOf(call, StringComparison.Ordinal) < code.IndexOf("SmallPlanes(input, weights, bias, output, layout);", StringComparison.Ordinal));
        Assert.Contains("using System.Runtime.Intrinsics.X86;", code);
        Assert.Contains("c0 = Math.Min(c0, Groups - Vector512<float>.Count); // the last block overlaps the one before it", code);
        Assert.Contains("Vector512<float> biasLanes = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(bias), (nuint)c0);", code);

        // Tap (2, 1) of column 3: tile row y + 2, pixel 3 + 1, 16 floats a pixel.
        Assert.Contains("ref float row2 = ref Unsafe.Add(ref tile, (nint)(y * StrideHeight + 2) * pitch * Vector512<float>.Count);", code);
        Assert.Contains("a3 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref row2, 64), w7, a3);", code);
        Assert.Contains("a7 = Vector512.Max(a7, Vector512<float>.Zero);", code);

        // Nine taps: the first eight, then taps 1 to 8 of which only the ninth is new.
        Assert.Contains("KernelLaneTransposes.Load(ref source, 0, TapsPerChannel, out Vector512<float> w0,", code);
        Assert.Contains("KernelLaneTransposes.Load(ref source, 1, TapsPerChannel, out Vector512<float> _, out Vector512<float> _, out Vector512<float> _, out Vector512<float> _, out Vector512<float> _, out Vector512<float> _, out Vector512<float> _, out Vector512<float> w8);", code);

        Assert.Contains("KernelLaneTransposes.Store(a0, a1, a2, a3, a4, a5, a6, a7, ref destination, at, outPlane, keep: 0, columns: 7);", code);
        Assert.Contains("KernelLaneTransposes.Store(a0, a1, a2, a3, a4, a5, a6, a7, ref destination, at, outPlane, keep: 0);", code);
        Assert.DoesNotContain("StoreOutOfLine", code);
    }

    [Fact]
    public void Depthwise_HasNoChannelLaneLayout()
    {
        // One output channel per group: the convolutions' lane blocks have no channels to put in their lanes.
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32, Groups = 32)");

        Assert.DoesNotContain("ChannelLanes", code);
        Assert.DoesNotContain("LaneBlocks", code);
        Assert.DoesNotContain("PackLaneWeights", code);
    }

    [Fact]
    public void StridedDilatedFlippedDepthwise_FoldsTheStepsIntoTheOffsets()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, Stride = 2, Dilation = 2, Flip = true, InChannels = 32, OutChannels = 32, Groups = 32)", bias: false);

        // Column 1, tap (1, 2) of a flipped window (weight 3): pixel 1 · 2 + 2 · 2, row y · 2 + 2.
        Assert.Contains("ref float row1 = ref Unsafe.Add(ref tile, (nint)(y * StrideHeight + 2) * pitch * Vector512<float>.Count);", code);
        Assert.Contains("a1 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref row1, 96), w3, a1);", code);
        Assert.Contains("Vector512<float> biasLanes = Vector512<float>.Zero;", code);
    }

    [Fact]
    public void DoubleDepthwise_BlocksEightChannels()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8)", "double");

        Assert.Contains("c0 = Math.Min(c0, Groups - Vector512<double>.Count);", code);
        Assert.Contains("a1 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref row0, 16), w1, a1);", code);
    }

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8)")] // fewer channels than lanes
    [InlineData("Conv2D(1, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32, Groups = 32)")] // fewer taps than a piece
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 64, Groups = 32)")] // two outputs a group
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32)")]
    public void OtherLayers_HaveNoLanePathForDepthwise(string attribute)
        => Assert.DoesNotContain("DepthwiseLanes", Generate(attribute));
}
