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
        => GeneratorHarness.GenerateOne(attribute, "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width");

    [Fact]
    public void SamePadding_BlocksTheEndVectorsWithTheInterior()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Activation = Activation.Relu)");

        // One body serves the interior columns and both end vectors, each a copy of its own (a type argument).
        Assert.Contains("private static int Rows512x4_Block4<TColumns>(", code);
        Assert.Contains("Rows512x4_Block4<KernelColumns.LeftEnd>(input, weights, bias, output, layout, o, c0, y, rows, 0, 16);", code);
        Assert.Contains("Rows512x4_Block4<KernelColumns.Interior>(input, weights, bias, output, layout, o, c0, y, rows, 16, layout.OutWidth - 16);", code);
        Assert.Contains("Rows512x4_Block4<KernelColumns.RightEnd>(input, weights, bias, output, layout, o, c0, y, rows, layout.OutWidth - 16, layout.OutWidth);", code);
        Assert.DoesNotContain("Edge512", code);

        // The left column tap of the left end copy shifts the row's first vector one lane right, a zero coming in; the
        // right column tap of the right end copy shifts the row's last vector one lane left; the interior loads plainly.
        string[] leftColumn =
        [
            "Vector512<float> v0;",
            "if (typeof(TColumns) == typeof(KernelColumns.LeftEnd))",
            "{",
            "v0 = Vector512.Shuffle(Vector512.LoadUnsafe(ref inputRef, (nuint)(row + 1)), Vector512.Create(-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));",
            "}",
            "else",
            "{",
            "v0 = Vector512.LoadUnsafe(ref inputRef, (nuint)row);",
            "}",
        ];
        Assert.Contains(string.Join("\n", leftColumn), Unindented(code));
        Assert.Contains("Vector512.Create(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, -1)", code);
        Assert.DoesNotContain("? Vector512", code); // statements, not conditional expressions: each would cost the JIT a temporary
    }

    [Fact]
    public void OutputRows_GoBandByBandAcrossChannelBlocks()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8)");

        Assert.Contains("for (int y0 = 0; y0 < layout.OutHeight;)", code);
        Assert.Contains("OutputRows_Block4(input, weights, bias, output, layout, o, c0, y0, y1);", code);
    }

    [Fact]
    public void ValidPadding_HasNoEdgeVectors()
    {
        string code = Generate("Conv2D(3, 3, InChannels = 8, OutChannels = 8)");

        Assert.DoesNotContain("TColumns", code);
        Assert.DoesNotContain("KernelColumns", code);
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
        // 8 input channels: the weights change with every channel of the loop, so they are broadcast at each use.
        string code = Generate("Conv2D(3, 3, InChannels = 8, OutChannels = 8)");

        Assert.DoesNotContain("weight0_0", code);
        Assert.Contains("private static int Rows512x4_Interior_Block4(", code);
    }

    [Fact]
    public void BorderRows_GoInBlocksToo_SkippingInputRowsInThePadding()
    {
        // Several input channels: the passes loop over the input rows of a block, so one pass serves interior and
        // border rows, skipping the input rows outside the input, and takes single rows too (storing fewer).
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8)");

        Assert.Contains("private static int Rows512x4_Block4<TColumns>(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, in KernelLayout layout, int o, int c0, int y, int rowCount, int xFrom, int xTo) where TColumns : struct", code);
        Assert.DoesNotContain("Rows512x4_Interior", code);
        Assert.DoesNotContain("Rows512x4_Border", code);
        Assert.DoesNotContain("Row512_", code);
        Assert.Contains("for (int d = 0; d < 6; d++)", code);
        Assert.Contains("if ((uint)(top + d) >= (uint)layout.Height)", code);
        Assert.Contains("bool covers0 = (uint)(d) < (uint)KernelHeight;", code);
        Assert.Contains("bool covers3 = rowCount > 3 && (uint)(d - 3) < (uint)KernelHeight;", code);
        Assert.Contains("if (rowCount > 3)", code);
        Assert.Contains("rows = Math.Min(4, yTo - y);", code);
        Assert.Contains("Rows512x4_Block4<KernelColumns.Interior>(input, weights, bias, output, layout, o, c0, y, rows, 16, layout.OutWidth - 16);", code);
    }

    [Fact]
    public void SingleChannelBorderRows_GoInUnrolledBlocks_SkippingInputRowsInThePadding()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8)");

        Assert.Contains("private static int Rows512x8_Border_Block1<TColumns>(", code);
        Assert.Contains("private static int Rows512x8_Interior_Block1(", code);
        Assert.Contains("bool inside0 = (uint)(top + 0) < (uint)layout.Height;", code);
        Assert.Contains("if (inside9)", code);
    }

    [Fact]
    public void StridedPool_LoadsEachVectorOnce_AndGoesRowByRow()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            namespace Demo;

            public static partial class Pools
            {
                [MaxPool2D(2, 2, Channels = 4)]
                public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);
            }
            """);
        Assert.Empty(run.OutputWarningsAndErrors);
        string code = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();

        // Both kernel rows combined on the loaded vectors, then the even and the odd lanes taken out of the pair: one
        // two-source permute with AVX-512, else a shuffle of each vector or-ed together.
        Assert.Contains("part0 = Vector512.Max(part0, Vector512.LoadUnsafe(ref inputRef, (nuint)(at + row1)));", code);
        Assert.Contains("acc0 = (Avx512F.IsSupported ? Avx512F.PermuteVar16x32x2(part0, Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), part1) : (Vector512.Shuffle(part0, Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, -1, -1, -1, -1, -1, -1, -1, -1)) | ", code);
        Assert.Contains("Avx512F.PermuteVar16x32x2(part0, Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31), part1) : (Vector512.Shuffle(part0, Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, -1, -1, -1, -1, -1, -1, -1, -1)) | ", code);
        Assert.Contains("Avx512F.VL.IsSupported ? Avx512F.VL.PermuteVar8x32x2(part0, Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14), part1)", code);
        Assert.Contains("using System.Runtime.Intrinsics.X86;", code);

        // The single-row pass takes a run of rows in one call.
        Assert.Contains("private static int Row512_Interior_Block1(ReadOnlySpan<float> input, Span<float> output, in KernelLayout layout, int o, int c0, int y, int rowCount, int xFrom, int xTo)", code);
        Assert.Contains("for (int r = 0; r < rowCount; r++, rowStart += (nint)StrideHeight * width, outStart += layout.OutWidth)", code);
        Assert.Contains("int run = yTo - y; // every row is interior", code);
        Assert.Contains("x = Row512_Interior_Block1(input, output, layout, o, c0, y, run, x, layout.VectorColumnEnd);", code);

        // Windows that do not overlap share no input row, so no row blocks.
        Assert.DoesNotContain("Rows512x", code);

        // The two loads of 16 outputs read exactly their 32 input columns: nothing past them, so a row's last outputs
        // stay on the vector path (a strided load would read one column further).
        Assert.Contains("vectorOverRead: 0);", code);
    }

    [Fact]
    public void StrideTwoLoads_TakeTheirLanesWithOneTwoSourcePermute()
    {
        string code = Generate("Conv2D(3, 3, Stride = 2, Padding = Padding.Same, InChannels = 8, OutChannels = 8)");

        Assert.Contains("Vector512<float> low = Vector512.LoadUnsafe(ref source, offset), high = Vector512.LoadUnsafe(ref source, offset + 16);", code);
        Assert.Contains("return Avx512F.PermuteVar16x32x2(low, Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), high);", code);
        Assert.Contains("return Avx512F.VL.PermuteVar8x32x2(low, Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14), high);", code);
        Assert.Contains("return Vector128.Shuffle(low, Vector128.Create(0, 2, -1, -1))", code); // the portable fallback
        Assert.Contains("using System.Runtime.Intrinsics.X86;", code);
    }

    [Fact]
    public void StrideOnePools_ComputeTheirBorderColumnsAsEndVectors()
    {
        string average = GeneratePool("AvgPool2D(3, 3, Padding = Padding.Same, Stride = 1, Channels = 4)");

        // Blocks of interior rows take their end vectors from the interior pass (no rows to skip), border rows from
        // the guarded one; no output column goes through the scalar border code on a wide enough row.
        Assert.Contains("private static int Rows512x8_Interior_Block1<TColumns>(", average);
        Assert.Contains("Rows512x8_Interior_Block1<KernelColumns.LeftEnd>(input, output, layout, o, c0, first, 0, 16);", average);
        Assert.Contains("Rows512x8_Interior_Block1<KernelColumns.Interior>(input, output, layout, o, c0, first, 16, layout.OutWidth - 16);", average);
        Assert.Contains("Row512_Border_Block1<KernelColumns.RightEnd>(input, output, layout, o, c0, y, layout.OutWidth - 16, layout.OutWidth);", average);

        // An average's end lanes divide by their own counts: the first and last output columns see 2 of the 3 window columns.
        Assert.Contains("divisor = Vector512.Create((float)KernelHeight) * Vector512.Create(2f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f);", average);
        Assert.Contains("divisor = Vector512.Create((float)layout.RowsInside(y, KernelHeight, StrideHeight, 1)) * Vector512.Create(3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 2f);", average);
        Assert.Contains("Vector512.Create(-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)", average); // a zero comes in

        // A max pool's padded lane takes a copy of the row's end column instead, which that window holds anyway.
        string max = GeneratePool("MaxPool2D(3, 3, Padding = Padding.Same, Stride = 1, Channels = 4)");
        Assert.Contains("Vector512.Create(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)", max);
        Assert.Contains("Vector512.Create(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 15)", max);
        Assert.DoesNotContain("divisor", max);
    }

    [Fact]
    public void OverlappingStridedPool_FoldsEachInputRowOnceIntoTheOutputRowsItServes()
    {
        // 3 x 3 stride 2: eight output rows read 17 input rows; each is folded across its window columns once and goes
        // into the one or two output rows whose window holds it, where folding kernel rows first would read 24.
        string code = Unindented(GeneratePool("MaxPool2D(3, 3, Stride = 2, Channels = 4)"));
        Assert.Contains("// input row 2: its window columns folded, then into output rows 0, 1\n" +
            "part0 = Vector512.LoadUnsafe(ref inputRef, (nuint)(at + row2));\n" +
            "part1 = Vector512.LoadUnsafe(ref inputRef, (nuint)(at + row2 + 16));", code);
        Assert.Contains("acc0_0 = Vector512.Max(acc0_0, rowFold);\nacc0_1 = rowFold;", code);
        Assert.Contains("// input row 16: its window columns folded, then into output row 7", code);

        // Folding kernel rows first, a max starts from its first window column (no maximum with −∞); a sum from zero.
        string s10 = Unindented(GeneratePool("MaxPool2D(2, 2, Channels = 64)"));
        Assert.Contains("acc0 = (Avx512F.IsSupported ? Avx512F.PermuteVar16x32x2(part0, Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), part1)", s10);
        Assert.Contains("acc0 = Vector512.Max(acc0, (Avx512F.IsSupported ? Avx512F.PermuteVar16x32x2(part0, Vector512.Create(1, 3, 5,", s10);
        Assert.Contains("acc0 = acc0 + (Avx512F.IsSupported ? Avx512F.PermuteVar16x32x2(part0, Vector512.Create(0, 2, 4,", Unindented(GeneratePool("AvgPool2D(2, 2, Channels = 64)")));

        // A 5-wide stride-3 window takes each column out of three vectors at a time (eight instructions): folding the
        // rows first would pay that per input row, so its 512-bit pass folds the kernel rows first.
        string wide = GeneratePool("MaxPool2D(5, 5, Stride = 3, Channels = 4)");
        Assert.Contains("private static int Rows512x8_Interior_Block1(", wide);
        Assert.Contains("// output row 0, window columns 0, 1, 2: kernel rows combined, then each column's lanes shuffled out", wide);
    }

    private static string GeneratePool(string attribute)
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            namespace Demo;

            public static partial class Pools
            {
                [{{attribute}}]
                public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);
            }
            """);
        Assert.Empty(run.OutputWarningsAndErrors);
        return Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
    }

    [Theory]
    [InlineData("MaxPool2D(3, 3, Stride = 2, Channels = 4)", 0)] // the third window column's loads start a column early, ending at its last column
    [InlineData("MaxPool2D(3, 3, Stride = 2, Padding = Padding.Same, Channels = 4)", 1)] // border rows take strided loads
    [InlineData("AvgPool2D(4, 4, Stride = 4, Channels = 4)", 0)]
    [InlineData("MaxPool2D(2, 2, Stride = 3, Channels = 4)", 1)] // three vectors for 16 outputs of stride 3: one column past the last window (a strided load: two)
    public void StridedPool_DeclaresWhatItsLoadsReadPastTheWindows(string attribute, int overRead)
        => Assert.Contains($"vectorOverRead: {overRead});", GeneratePool(attribute));

    private static string Unindented(string code) => string.Join("\n", code.Split('\n').Select(line => line.Trim()));
}
