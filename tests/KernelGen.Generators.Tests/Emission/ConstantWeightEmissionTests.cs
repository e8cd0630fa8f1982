using System.Text.RegularExpressions;
using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// What the generator makes of weights known at compile time: which way a separable window is split (or not), and
/// that the arithmetic is specialised — zero taps dropped, equal weights summed before one multiply. The kernels'
/// results are checked against the reference by the kernel tests; these pin the shape of the code.
/// </summary>
public sealed class ConstantWeightEmissionTests
{
    // The binomial 5 × 5 Gaussian (scaled by 256) and the horizontal Sobel, the filters several tests look at.
    private const string Gaussian5x5 = """
        Conv2D(5, 5, Padding = Padding.Same, Weights = new double[]
        {
            1, 4, 6, 4, 1,
            4, 16, 24, 16, 4,
            6, 24, 36, 24, 6,
            4, 16, 24, 16, 4,
            1, 4, 6, 4, 1,
        })
        """;

    private const string Sobel = "Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 1, 0, -1, 2, 0, -2, 1, 0, -1 })";

    private static string Generate(string attribute, string element = "float")
        => GeneratorHarness.GenerateOne(attribute, $"ReadOnlySpan<{element}> input, Span<{element}> output, int height, int width");

    [Fact]
    public void Sobel_FiltersRowsInRegisters_WithoutItsZeroColumn()
    {
        string code = Generate(Sobel);

        Assert.Contains("RegisterRows(", code);
        Assert.Contains("filtered0 = filtered0 - Vector512.LoadUnsafe(ref inputRef, (nuint)(at + 2));", code);
        // The zero middle column is never loaded: the only loads at column offset 1 are the left end's row-start
        // vector, shifted one lane right for the tap that reaches into the padding.
        int atOne = Regex.Matches(code, Regex.Escape("(nuint)(at + 1))")).Count;
        Assert.Equal(atOne, Regex.Matches(code, @"Shuffle\(Vector\d+\.LoadUnsafe\(ref inputRef, \(nuint\)\(at \+ 1\)\)").Count);
        Assert.Contains("int ends = RegisterEnds(input, bias, output, layout, o, c0, y);", code);
        Assert.Contains("Vector512<float> acc0 = (filtered0 + filtered2);", code); // the column filter's equal ends share one add
        Assert.DoesNotContain("channelWeights", code); // the weights are literals, never loaded
    }

    [Fact]
    public void Gaussian5x5_GoesThroughStrips_SummingEqualWeightsFirst()
    {
        string code = Generate(Gaussian5x5);

        Assert.Contains("ColumnPassBlock(", code);
        Assert.DoesNotContain("RegisterRows(", code);
        Assert.Contains("Vector512<float> acc0 = (row0 + row4);", code); // weight 1: no multiply

        // The strips (8 rows of 272 floats, 8.5 KiB) are the thread's scratch, not the stack.
        Assert.Contains("private const int StripStride = Strip + 16;", code);
        Assert.Contains("Span<float> strips = KernelScratch.Get<float>(StripRows * StripStride); // this thread's scratch (not the stack)", code);
        Assert.DoesNotContain("stackalloc", code);
        Assert.Contains("acc0 = Vector512.MultiplyAddEstimate((row1 + row3), Vector512.Create(4f), acc0);", code);

        // The 512-bit row pass cuts its taps out of two loads of the strip instead of loading across cache lines.
        Assert.Contains("if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && count >= 16)", code);
        Assert.Contains("Vector512<uint> high = Vector512.LoadUnsafe(ref columnsRef, (nuint)(u + 16)).AsUInt32();", code);
        Assert.Contains("Vector512<float> acc0 = (low.AsSingle() + Avx512F.AlignRight32(high, low, 4).AsSingle());", code);
        Assert.Contains("low = high;", code);

        // A strip ahead, the input rows no block above has read (rows 4 to 11 of the 12 a block reads) and the outputs.
        Assert.Contains("KernelPrefetch.Line(input, rowStart + 4 * (nint)width + t + Strip);", code);
        Assert.Contains("KernelPrefetch.Line(input, rowStart + 11 * (nint)width + t + Strip);", code);
        Assert.DoesNotContain("KernelPrefetch.Line(input, rowStart + 3 * (nint)width + t + Strip);", code);
        Assert.Contains("KernelPrefetch.Line(output, outStart + u + Strip); // the next strip's outputs", code);
    }

    [Fact]
    public void RegisterStrategy_RequestsTheNewInputRowsAndTheOutputsAhead()
    {
        string code = Generate(Sobel);

        Assert.Contains("KernelPrefetch.Line(input, at + row2 + Strip);", code);
        Assert.Contains("KernelPrefetch.Line(input, at + row9 + Strip);", code);
        Assert.DoesNotContain("KernelPrefetch.Line(input, at + row1 + Strip);", code);
        Assert.Contains("KernelPrefetch.Line(output, outStart + 7 * (nint)outWidth + x + Strip);", code);
    }

    [Fact]
    public void RegisterStrategy_CutsItsRowTapsOutOfTwoLoads_WhereTheSecondStaysInsideTheRow()
    {
        string code = Generate(Sobel);

        Assert.Contains("if (Avx512F.IsSupported && xTo + 16 - layout.PadLeft <= layout.Width)", code);
        Assert.Contains("Vector512<uint> high9 = Vector512.LoadUnsafe(ref inputRef, (nuint)(at + row9 + 16)).AsUInt32();", code);
        Assert.Contains("filtered0 = filtered0 - Avx512F.AlignRight32(high0, low0, 2).AsSingle();", code);
        Assert.Contains("low9 = high9;", code);
    }

    [Fact]
    public void DoubleStrips_AlignTheirTapsWithSixtyFourBitLanes()
    {
        string code = Generate(Gaussian5x5, "double");

        Assert.Contains("ColumnPassBlock(", code);
        Assert.Contains("Avx512F.AlignRight64(high, low, 3).AsDouble()", code);
        Assert.Contains("Span<double> strips = KernelScratch.Get<double>(StripRows * StripStride);", code);
        Assert.DoesNotContain("stackalloc", code);
    }

    [Theory]
    [InlineData("0, 1, 0, 1, -4, 1, 0, 1, 0")] // the Laplacian: rank 2
    [InlineData("3, -1, 2, 0, 4, -3, 1, 2, -2")] // dense and not separable
    public void NonSeparableWindow_IsComputedDirectly(string weights)
    {
        string code = Generate($"Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] {{ {weights} }})");

        Assert.DoesNotContain("SeparableRows(", code);
        Assert.Contains("Rows512x8_Interior_Block1(", code);
    }

    [Fact]
    public void StridedSeparableWindow_IsComputedDirectly()
    {
        // The two passes assume stride 1; a strided box is one pass with literal weights.
        string code = Generate("Conv2D(3, 3, Stride = 2, Weights = new double[] { 1, 1, 1, 1, 1, 1, 1, 1, 1 })");

        Assert.DoesNotContain("SeparableRows(", code);
        Assert.Contains("acc0_0 = acc0_0 + v;", code); // weight 1: an add, no multiply
    }

    [Fact]
    public void DoubleWeights_AreWrittenAsDoubleLiterals()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 1, 2, 1, 2, 4, 2, 1, 2, 1 })", "double");

        Assert.Contains("RegisterRows(", code);
        Assert.Contains("Vector512.Create(2d)", code);
    }
}
