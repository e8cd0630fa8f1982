using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// The channel-lane path of multi-channel convolutions: which layers take it, and the shape of its code (weights
/// repacked per block of output channels, one broadcast input pixel feeding the accumulators of every output it
/// touches, padded columns skipped in the end blocks, a transposing store). The kernel tests check its results
/// against the reference, guard pages included.
/// </summary>
public sealed class ChannelLaneEmissionTests
{
    private static string Generate(string attribute, string element = "float")
        => GeneratorHarness.GenerateOne(attribute, $"ReadOnlySpan<{element}> input, ReadOnlySpan<{element}> weights, ReadOnlySpan<{element}> bias, Span<{element}> output, int height, int width");

    [Theory]
    [InlineData("Conv2D(1, 1, InChannels = 32, OutChannels = 64)", "height * width >= 8", "int flatWidth = height * width;")]
    [InlineData("Conv2D(1, 1, Padding = Padding.Same, InChannels = 32, OutChannels = 48)", "width % 8 != 0 && height * width % 2 == 0 && height * width >= 16", "int flatWidth = height * width / 2;")]
    public void PointwiseLayers_RunTheBlocksOnTheirMapReshapedToTheBlocksRows(string attribute, string fits, string flatWidth)
    {
        string code = Generate(attribute);

        Assert.Contains($"if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && {fits})", code);
        Assert.Contains(flatWidth, code);
        Assert.Contains("LaneBlocks(input, weights, bias, output, flat, KernelScratch.Get<float>(PackedLength), SevenWideBlocks(flatWidth));", code);
        Assert.True(code.IndexOf("flatWidth", StringComparison.Ordinal) < code.IndexOf("LaneBlocks(input, weights, bias, output, layout,", StringComparison.Ordinal));

        // At 256 bits (one row of 6 columns of two vectors, on the flattened map) only narrow maps: wider ones keep the rows there.
        Assert.Contains("if (Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && width < 16 && height * width >= 6)", code);
        Assert.Contains("Vector256Lanes.LaneBlocks(input, weights, bias, output, flat, KernelScratch.Get<float>(Vector256Lanes.PackedLength));", code);
    }

    [Fact]
    public void StridedOneRowWindows_CopyOnlyTheRowsTheyRead()
    {
        const string Skip = "if (row % height % StrideHeight != 0)";
        Assert.Contains(Skip, Generate("Conv2D(1, 1, Stride = 2, InChannels = 32, OutChannels = 64)"));
        Assert.Contains(Skip, Generate("Conv2D(1, 3, Padding = Padding.Same, Stride = 2, InChannels = 32, OutChannels = 64)"));
        Assert.DoesNotContain(Skip, Generate("Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 32, OutChannels = 64)"));
    }

    [Theory]
    [InlineData("Conv2D(1, 1, Stride = 2, InChannels = 32, OutChannels = 64)")]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 64)")]
    [InlineData("Conv2D(1, 3, InChannels = 32, OutChannels = 64)")]
    public void OtherLayers_KeepTheirMapsShape(string attribute)
        => Assert.DoesNotContain("flatWidth", Generate(attribute));

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64, Activation = Activation.Relu)")]
    [InlineData("Conv2D(3, 3, InChannels = 16, OutChannels = 16)")]
    [InlineData("Conv2D(1, 1, InChannels = 32, OutChannels = 16)")]
    [InlineData("Conv2D(3, 3, Padding = Padding.Full, Dilation = 2, InChannels = 4, OutChannels = 32, Groups = 2, Flip = true)")]
    public void ChannelRichLayers_TakeTheChannelLanePath(string attribute)
    {
        string code = Generate(attribute);

        Assert.Contains("using System.Runtime.Intrinsics.X86;", code);
        Assert.Contains("private const int ChannelLanes = 16;", code);
        Assert.Contains("LaneBlocks(input, weights, bias, output, layout, KernelScratch.Get<float>(PackedLength)", code);
        Assert.Contains("PackLaneWeights(weights, packed, o, 0, ChannelsPerGroup);", code);
        Assert.DoesNotContain("LaneChunk", code);
    }

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 12)")] // not a multiple of 16 outputs
    [InlineData("Conv2D(3, 9, Padding = Padding.Same, InChannels = 16, OutChannels = 16)")] // two kernel rows of 9 weight vectors do not fit in registers
    [InlineData("Conv2D(1, 1, InChannels = 4, OutChannels = 16)")] // 4 multiply-adds per output do not repay the transposes
    public void OtherLayers_KeepTheRowLayout(string attribute)
    {
        string code = Generate(attribute);

        Assert.DoesNotContain("ChannelLanes", code);
        Assert.DoesNotContain("LaneBlocks", code);
        Assert.DoesNotContain("KernelLaneTransposes", code);
        if (!attribute.Contains("Stride = 2", StringComparison.Ordinal))
        {
            // (A stride-2 layer's strided loads take an AVX-512 two-source permute where there is one.)
            Assert.DoesNotContain("System.Runtime.Intrinsics.X86", code);
        }
    }

    [Fact]
    public void RowLayoutBesideTheLanes_HasNo512BitPasses()
    {
        // Vector512 runs the lane blocks; the shapes they leave (one output row, narrow maps) take the 256-bit rows.
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64)");

        Assert.Contains("private static void Lanes512<TColumns>(", code);
        Assert.DoesNotContain("Row512", code);
        Assert.DoesNotContain("Rows512", code);
        Assert.Contains("private static int Rows256x2_Block4<TColumns>(", code);
        Assert.Contains("if (Vector256.IsHardwareAccelerated && vectorColumns >= Vector256<float>.Count)", code);
    }

    [Fact]
    public void SamePadding_HasEndBlocks_AndAWidthGuard()
    {
        // 48 outputs: three vectors, so row pairs of one vector, sharing their input rows.
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 48, Activation = Activation.Relu)");

        // Widths from 9: the left block reads no right padding; up to 16 there are no middle blocks (left and right overlap).
        Assert.Contains("if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && layout.OutWidth >= 9 && layout.OutHeight >= LaneBlockRows)", code);
        Assert.Contains("Lanes512<KernelColumns.LeftEnd>(input, packed, bias, output, layout, o, c0, y, 0, LaneBlockColumns);", code);
        Assert.Contains("Lanes512<KernelColumns.Interior>(input, packed, bias, output, layout, o, c0, y, LaneBlockColumns, layout.OutWidth - LaneBlockColumns);", code);
        Assert.Contains("Lanes512<KernelColumns.RightEnd>(input, packed, bias, output, layout, o, c0, y, layout.OutWidth - LaneBlockColumns, layout.OutWidth);", code);

        // One body, three copies: the left end's copy leaves out footprint column 0 (input column −1), the right end's
        // column 9 (input column x + 8, past the row's end); the interior reads both.
        string middle = Method(code, "Lanes512<TColumns>");
        string[] leftOut =
        [
            "if (typeof(TColumns) != typeof(KernelColumns.LeftEnd)) // in the left padding at the left end",
            "{",
            "pixel = Vector512.Create(Unsafe.Add(ref inputRef, at + 0));",
        ];
        Assert.Contains(string.Join("\n", leftOut), Unindented(middle));
        Assert.Contains("pixel = Vector512.Create(Unsafe.Add(ref inputRef, line + 0));", middle);
        string[] rightOut =
        [
            "if (typeof(TColumns) != typeof(KernelColumns.RightEnd) && typeof(TColumns) != typeof(KernelColumns.SevenWide)) // in the right padding at the right end, and only the eighth column reads it",
            "{",
            "pixel = Vector512.Create(Unsafe.Add(ref inputRef, line + 9));",
        ];
        Assert.Contains(string.Join("\n", rightOut), Unindented(middle));
        Assert.Equal(3 * 2, Count(middle, "// in the left padding at the left end") + Count(middle, "// in the right padding at the right end"));

        // One block serves interior and border rows: it skips the input rows outside the input.
        Assert.Contains("if ((uint)top < (uint)layout.Height)", middle);
        Assert.Contains("if ((uint)(top + d) >= (uint)layout.Height)", middle);
        Assert.Contains("if ((uint)(top + KernelHeight) < (uint)layout.Height)", middle);
        Assert.Equal(1, Count(code, "private static void Lanes512"));
    }

    [Fact]
    public void WidePadding_LeavesOutTheWidthsWhoseLastMiddleBlockWouldReachIntoIt()
    {
        // Full padding of a dilated 3 × 3 window: 4 columns each side. Up to 16 output columns there are no middle
        // blocks; from 17 to 19 the last middle block would start inside the left padding.
        string code = Generate("Conv2D(3, 3, Padding = Padding.Full, Dilation = 2, InChannels = 4, OutChannels = 16)");

        Assert.Contains("layout.OutWidth >= 12 && (layout.OutWidth <= 16 || layout.OutWidth >= 20)", code);
    }

    [Fact]
    public void EachPixelIsBroadcastOnce_AndFeedsEveryOutputItTouches()
    {
        string middle = Method(Generate("Conv2D(3, 3, InChannels = 16, OutChannels = 16)"), "Lanes512<TColumns>");

        // 2 output rows × 8 columns under a 3 × 3 window: 4 input rows of 10 pixels, 144 multiply-adds per input channel.
        // The first input row feeds output row 0 only, the last row 1 only, and the loop over rows 1 and 2 both.
        Assert.Equal(3 * 10, Count(middle, "pixel = Vector512.Create("));
        Assert.Equal(24 + 48 + 24, Count(middle, "Vector512.MultiplyAddEstimate(pixel, "));
        Assert.Contains("for (int d = 1; d < KernelHeight; d++)", middle);
        Assert.DoesNotContain("(uint)layout.Height", middle); // Valid: no input row outside the input to skip

        // Input row d, column 2 is tap (d, 2) of output (0, 0), (d, 1) of (0, 1), (d, 0) of (0, 2), and the kernel row d − 1 taps of row 1.
        string[] expected =
        [
            "pixel = Vector512.Create(Unsafe.Add(ref inputRef, line + 2));",
            "acc0_0 = Vector512.MultiplyAddEstimate(pixel, upper2, acc0_0);",
            "acc0_1 = Vector512.MultiplyAddEstimate(pixel, upper1, acc0_1);",
            "acc0_2 = Vector512.MultiplyAddEstimate(pixel, upper0, acc0_2);",
            "acc1_0 = Vector512.MultiplyAddEstimate(pixel, lower2, acc1_0);",
            "acc1_1 = Vector512.MultiplyAddEstimate(pixel, lower1, acc1_1);",
            "acc1_2 = Vector512.MultiplyAddEstimate(pixel, lower0, acc1_2);",
        ];
        Assert.Contains(string.Join("\n", expected), Unindented(middle));
    }

    [Fact]
    public void Store_TransposesThroughTheRuntime()
    {
        // The transposes depend only on the element type; the runtime's KernelLaneTransposes has them (and their tests).
        string code = Generate("Conv2D(3, 3, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)");

        Assert.Contains("KernelLaneTransposes.Store(acc1_0, acc1_1, acc1_2, acc1_3, acc1_4, acc1_5, acc1_6, acc1_7, ref outputRef, outAt + 1 * layout.OutWidth, outPlane, keep: 0, blockColumns);", code);
        Assert.DoesNotContain("Avx512F.Permute", code);
        Assert.DoesNotContain("SwapLow", code);
        Assert.Contains("acc1_7 = Vector512.Max(acc1_7, Vector512<float>.Zero);", code);
    }

    [Fact]
    public void Double_UsesEightChannelLanes()
    {
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8)", "double");

        Assert.Contains("private const int ChannelLanes = 8;", code);
        Assert.Contains("Vector512<double> upper0 = Vector512.LoadUnsafe(ref lowerWeights, 24);", code);
        Assert.Contains("KernelLaneTransposes.Store(acc0_0, acc0_1, acc0_2, acc0_3, acc0_4, acc0_5, acc0_6, acc0_7, ref outputRef, outAt, outPlane, keep: 0, blockColumns);", code);
    }

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, InChannels = 512, OutChannels = 512, Activation = Activation.Relu)", 9)] // ResNet-18's 7 x 7 layer
    [InlineData("Conv2D(1, 1, InChannels = 960, OutChannels = 160)", 7)] // MobileNetV2's 7 x 7 projection
    public void NarrowMaps_TakeTheLanePathOnAWidenedCopy(string attribute, int laneWidth)
    {
        // A map narrower than the blocks (9 output columns for 3 x 3 Same, 7 without padding, blocks of seven) runs the
        // lane path on a copy widened with zero columns, its extra outputs dropped, where the row layout would be nearly scalar.
        string code = Generate(attribute);
        Assert.Contains($"private const int NarrowLaneWidth = {laneWidth};", code);
        Assert.Contains("if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && layout.OutWidth < NarrowLaneWidth && layout.OutHeight >= LaneBlockRows && PaddedCopyScratchLength(height, layout) <= 1048576)", code);
        Assert.Contains("PaddedCopyLaneBlocks(input, weights, bias, output, height, width, layout, extents);", code);
        Assert.Contains("input.Slice(row * width, used).CopyTo(wideRow[layout.PadLeft..]);", code);
        Assert.Contains("PaddedCopyWalk(wideInput, weights, bias, wideOutput, wide, packed, SevenWideBlocks(layout.OutWidth));", code);
    }

    [Theory]
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 64, OutChannels = 128, Activation = Activation.Relu)")] // ResNet-18's downsampling
    [InlineData("Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 32)")] // MobileNetV2's stem
    public void StridedLayers_TakeTheLanePathOnAPaddedCopy(string attribute)
    {
        // A strided layer's padding depends on the map, so every call runs on a copy with the padding written in: its
        // blocks are all interior ones, their footprint every stride-th column, and there are no end blocks.
        string code = Generate(attribute);
        Assert.Contains("if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && layout.OutHeight >= LaneBlockRows && PaddedCopyScratchLength(height, layout) <= 1048576)", code);
        Assert.Contains("nint at = c0 * plane + (nint)top * width + x * StrideWidth - layout.PadLeft;", code);
        Assert.Contains("bool inPlace = wideOut == layout.OutWidth; // whole blocks: the outputs go straight to the output", code);
        Assert.DoesNotContain("private static void LaneBlocks(", code);
        Assert.DoesNotContain("KernelColumns.LeftEnd", code);
    }

    [Theory]
    [InlineData("Conv2D(1, 1, Stride = 2, InChannels = 64, OutChannels = 128)")] // ResNet-18's projection shortcut
    [InlineData("Conv2D(1, 1, Padding = Padding.Same, Stride = 2, InChannels = 64, OutChannels = 128)")] // Same pads a 1 × 1 window by nothing
    [InlineData("Conv2D(3, 3, Stride = 2, InChannels = 64, OutChannels = 128, Activation = Activation.Relu)")]
    public void StridedLayersWithoutPadding_RunAlongTheInputsOwnRows(string attribute)
    {
        // No map gives them padding: the blocks run along the input's rows with no copy (the last block of a row
        // overlapping the one before), from rows of seven outputs; narrower maps keep the widened copy.
        string code = Generate(attribute);
        Assert.Contains("if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && layout.OutWidth >= 7 && layout.OutHeight >= LaneBlockRows)", code);
        Assert.Contains("LaneBlocks(input, weights, bias, output, layout, KernelScratch.Get<float>(PackedLength), SevenWideBlocks(layout.OutWidth));", code);
        Assert.Contains("if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && layout.OutWidth < NarrowLaneWidth && layout.OutHeight >= LaneBlockRows", code);
        Assert.Contains("nint at = c0 * plane + (nint)top * width + x * StrideWidth - layout.PadLeft;", code);
        Assert.DoesNotContain("KernelColumns.LeftEnd", code);

        // At 256 bits too, on maps of any width (rows would load every stride-th column with shuffles).
        Assert.Contains("if (Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && layout.OutWidth >= 4 && layout.OutHeight >= Vector256Lanes.LaneBlockRows)", code);
    }

    [Fact]
    public void ManyInputChannels_GoInChunksThatFitTheScratchBuffer()
    {
        // 512 input channels of 3 × 3 weights for 16 outputs are 288 KiB repacked: at most 227 channels (127.7 KiB) fit,
        // so 3 equal chunks of 171 (96.2 KiB), in the thread's scratch buffer, not on the stack (a call must fit a 64 KiB stack).
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 512, OutChannels = 16, Activation = Activation.Relu)");

        Assert.Contains("private const int LaneChunk = 171;", code);
        Assert.Contains("private const int PackedLength = 24624; // 96.2 KiB: the repacked weights of one block of output channels, in this thread's scratch (not the stack)", code);
        Assert.DoesNotContain("stackalloc", code);
        Assert.Contains("PackLaneWeights(weights, packed, o, c, channels);", code);
        Assert.Contains("Lanes512<KernelColumns.Interior>(input, packed, bias, output, layout, o, c0 + c, y, channels, resume, finish, firstRowDone, LaneBlockColumns, layout.OutWidth - LaneBlockColumns);", code);

        // A later chunk starts from the partial sums the one before stored, and only the last adds the bias and ReLU.
        string middle = Method(code, "Lanes512<TColumns>");
        Assert.Contains("KernelLaneTransposes.Load(ref outputRef, outAt, outPlane, out acc0_0, out acc0_1, out acc0_2, out acc0_3, out acc0_4, out acc0_5, out acc0_6, out acc0_7, blockColumns);", middle);
        Assert.Contains("KernelLaneTransposes.StoreOutOfLine(acc1_0, acc1_1, acc1_2, acc1_3, acc1_4, acc1_5, acc1_6, acc1_7, ref outputRef, outAt + 1 * layout.OutWidth, outPlane, keep, blockColumns);", middle);
        Assert.Contains("for (int c = 0; c < channels; c++, at += plane)", middle);
        Assert.Contains("if (finish)", middle);

        // Overlapping blocks keep what the block before finished: columns by a masked store, a row by not storing it.
        Assert.Contains("int keep = columnsDone - x;", middle);
        Assert.Contains("if (!firstRowDone)", middle);
        Assert.Contains("int columnsDone = typeof(TColumns) == typeof(KernelColumns.RightEnd) ? Math.Max(xFrom, 8) : xFrom;", middle);
    }

    [Fact]
    public void RowsSevenDividesMoreClosely_TakeSevenColumnBlocksOnAPaddedCopy()
    {
        // 28 output columns are 4 blocks of 7 where blocks of 8 compute 32: Run tests that before the blocks along the
        // rows, and the padded copy runs the seven-column copy of the block method (of row pairs: 48 outputs).
        string code = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 48, Activation = Activation.Relu)");
        Assert.Contains("private static bool SevenWideBlocks(int outWidth) => (outWidth + 6) / 7 * 7 < (outWidth + 7) / 8 * 8;", code);
        int seven = code.IndexOf("if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && SevenWideBlocks(layout.OutWidth) && layout.OutHeight >= LaneBlockRows && PaddedCopyScratchLength(height, layout) <= 1048576)", StringComparison.Ordinal);
        int rows = code.IndexOf("if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && layout.OutWidth >= 9", StringComparison.Ordinal);
        Assert.InRange(seven, 0, rows);
        Assert.Contains("int columns = SevenWideBlocks(outWidth) ? 7 : LaneBlockColumns;", code);
        string walk = Method(code, "PaddedCopyWalk");
        Assert.Contains("Lanes512<KernelColumns.SevenWide>(input, packed, bias, output, layout, o, c0, y, 0, layout.OutWidth);", walk);
        Assert.Contains("Lanes512<KernelColumns.Interior>(input, packed, bias, output, layout, o, c0, y, 0, layout.OutWidth);", walk);

        // The seven-column copy steps by 7, stores 7 columns, and leaves out every multiply-add into the eighth: in each
        // of the three input-row groups, those of pixels 7 and 8 under a test, and pixel 9 (which feeds only the eighth) whole.
        string middle = Method(code, "Lanes512<TColumns>");
        Assert.Contains("int blockColumns = typeof(TColumns) == typeof(KernelColumns.SevenWide) ? 7 : 8;", middle);
        Assert.Contains("for (int x = xFrom; ; x += blockColumns)", middle);
        Assert.Equal(3 * 2, Count(middle, "if (typeof(TColumns) != typeof(KernelColumns.SevenWide)) // the eighth column"));
        Assert.Equal(3, Count(middle, "&& typeof(TColumns) != typeof(KernelColumns.SevenWide)) // in the right padding at the right end, and only the eighth column reads it"));
        string[] eighth =
        [
            "acc1_6 = Vector512.MultiplyAddEstimate(pixel, lower1, acc1_6);",
            "if (typeof(TColumns) != typeof(KernelColumns.SevenWide)) // the eighth column",
            "{",
            "acc0_7 = Vector512.MultiplyAddEstimate(pixel, upper0, acc0_7);",
            "acc1_7 = Vector512.MultiplyAddEstimate(pixel, lower0, acc1_7);",
            "}",
        ];
        Assert.Contains(string.Join("\n", eighth), Unindented(middle));

        // The 256-bit blocks have no seven-column copy: 7 of their 8 accumulators would not hide the multiply-add latency.
        Assert.DoesNotContain("SevenWide", Method(code, "Lanes256<TColumns>"));

        // Without padding every block is an interior one: the walk along the rows takes the flag itself, and so does
        // the call of a 1 x 1 layer's reshaped map (49 pixels of a 7 x 7 map: 7 blocks of 7, not 7 of 8 overlapping).
        string pointwise = Generate("Conv2D(1, 1, InChannels = 960, OutChannels = 160)");
        Assert.Contains("LaneBlocks(input, weights, bias, output, flat, KernelScratch.Get<float>(PackedLength), SevenWideBlocks(flatWidth));", pointwise);
        Assert.Contains("LaneBlocks(input, weights, bias, output, layout, KernelScratch.Get<float>(PackedLength), SevenWideBlocks(layout.OutWidth));", pointwise);
        Assert.DoesNotContain("SevenWideBlocks(layout.OutWidth) && layout.OutHeight", pointwise);
        Assert.Contains("if (sevenWide)", Method(pointwise, "LaneBlocks"));
        Assert.Contains("Vector256Lanes.LaneBlocks(input, weights, bias, output, flat, KernelScratch.Get<float>(Vector256Lanes.PackedLength));", pointwise);
    }

    [Fact]
    public void UnsharedRows_TakeTwoVectorsOfChannelsOverOneRow()
    {
        // A 1 × 1 window's row pair shares no input rows: one row of 8 columns of 32 channels, each pixel broadcast
        // once for both vectors, whose weights are packed one after the other.
        string code = Generate("Conv2D(1, 1, InChannels = 64, OutChannels = 64)");

        Assert.Contains("private const int LaneBlockRows = 1, LaneBlockColumns = 8;", code);
        Assert.Contains("private const int LaneBlockChannels = 32;", code);
        Assert.Contains("private const int PackedPerVector = 1024;", code);
        Assert.Contains("for (int o = group * OutputsPerGroup; o < (group + 1) * OutputsPerGroup; o += LaneBlockChannels)", code);
        Assert.Contains("for (int y = 0; y < layout.OutHeight; y++)", code);
        Assert.Contains("KernelLaneTransposes.PackWeights512(ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), (nint)(o + v * ChannelLanes) * WeightsPerOutput + first * TapsPerChannel), WeightsPerOutput,", code);

        string block = Method(code, "Lanes512<TColumns>");
        Assert.Contains("Vector512<float> high0 = Vector512.LoadUnsafe(ref rowWeights, PackedPerVector + 0);", block);
        Assert.Contains("acc1_0 = Vector512.MultiplyAddEstimate(pixel, high0, acc1_0);", block);
        Assert.Contains("KernelLaneTransposes.Store(acc1_0, acc1_1, acc1_2, acc1_3, acc1_4, acc1_5, acc1_6, acc1_7, ref outputRef, outAt + 1 * ChannelLanes * outPlane, outPlane, keep: 0, blockColumns);", block);
        Assert.DoesNotContain("row1", block);

        // With 16 outputs there is no pair of vectors: the block keeps two rows.
        Assert.Contains("private const int LaneBlockRows = 2, LaneBlockColumns = 8;", Generate("Conv2D(1, 1, InChannels = 64, OutChannels = 16)"));

        // So does a 3 × 3 window whose row pairs would share their input rows: each kernel row of the block loads one
        // input row, and a map of odd height computes no row twice.
        string shared = Generate("Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64)");
        Assert.Contains("private const int LaneBlockRows = 1, LaneBlockColumns = 8;", shared);
        Assert.Contains("private const int LaneBlockChannels = 32;", shared);
        Assert.DoesNotContain("lastRow", shared);
    }

    [Fact]
    public void Avx2_TakesItsOwnBlocksInANestedClass_AfterTheWiderPath()
    {
        // 16 registers: one row of 4 columns of two vectors of 8 channels (8 accumulators), beside a kernel row's
        // weights for both. Its constants share the 512-bit path's names in a class of their own, and Run tries it after AVX-512.
        string code = Generate("Conv2D(3, 3, InChannels = 16, OutChannels = 32, Padding = Padding.Same)");

        Assert.Contains("private static class Vector256Lanes", code);
        Assert.Contains("internal const int ChannelLanes = 8; // output channels per 256-bit accumulator on the channel-lane path", code);
        Assert.Contains("internal const int LaneBlockRows = 1, LaneBlockColumns = 4;", code);
        Assert.Contains("internal const int PackedLength = 2304; // 9 KiB", code);
        int wide = code.IndexOf("LaneBlocks(input, weights, bias, output, layout, KernelScratch.Get<float>(PackedLength));", StringComparison.Ordinal);
        int narrow = code.IndexOf("if (Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && layout.OutWidth >= 5 && layout.OutHeight >= Vector256Lanes.LaneBlockRows)", StringComparison.Ordinal);
        Assert.InRange(wide, 0, narrow);
        Assert.Contains("Vector256Lanes.LaneBlocks(input, weights, bias, output, layout, KernelScratch.Get<float>(Vector256Lanes.PackedLength));", code);
        Assert.Contains("Vector256Lanes.PaddedCopyLaneBlocks(input, weights, bias, output, height, width, layout, extents);", code);
        Assert.Contains("KernelLaneTransposes.PackWeights256(ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), (nint)(o + v * ChannelLanes) * WeightsPerOutput", code);

        string block = Method(code, "Lanes256<TColumns>");
        Assert.Contains("Vector256<float> high2 = Vector256.LoadUnsafe(ref rowWeights, PackedPerVector + 16);", block);
        Assert.Contains("acc1_3 = Vector256.MultiplyAddEstimate(pixel, high2, acc1_3);", block);
        Assert.Contains("KernelLaneTransposes.Store(acc1_0, acc1_1, acc1_2, acc1_3, default, default, default, default, ref outputRef, outAt + 1 * ChannelLanes * outPlane, outPlane, keep: 0, 4);", block);
        Assert.DoesNotContain("acc0_4", block);
        Assert.DoesNotContain("Vector512", block);

        // A 5-column window's two weight rows would not fit beside them: one row of 8 columns of one vector.
        string single = Method(Generate("Conv2D(5, 5, InChannels = 16, OutChannels = 32, Padding = Padding.Same)"), "Lanes256<TColumns>");
        Assert.Contains("acc0_7 = Vector256.MultiplyAddEstimate(pixel, weight4, acc0_7);", single);
        Assert.Contains("KernelLaneTransposes.Store(acc0_0, acc0_1, acc0_2, acc0_3, acc0_4, acc0_5, acc0_6, acc0_7, ref outputRef, outAt, outPlane, keep: 0);", single);
        Assert.DoesNotContain("acc1_", single);

        // 8 output channels: no 512-bit blocks, the 256-bit ones alone (on AVX-512 hardware too).
        string eight = Generate("Conv2D(3, 3, InChannels = 16, OutChannels = 8)");
        Assert.DoesNotContain("Lanes512", eight);
        Assert.Contains("if (Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && layout.OutWidth >= 8", eight);

        // A stride-1 1 × 1 layer with few input channels takes these blocks on narrow maps only: on rows of two vectors
        // or more the rows win. Its rows are the flattened map, with no ragged ends: blocks of 6 columns, 12
        // accumulators beside two weight vectors and the pixel. From 64 input channels the blocks take every width.
        Assert.Contains("Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && layout.OutWidth >= 6 && layout.OutWidth < 16 &&",
            Generate("Conv2D(1, 1, InChannels = 48, OutChannels = 64)"));
        string pointwise = Generate("Conv2D(1, 1, InChannels = 64, OutChannels = 64)");
        Assert.Contains("Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && layout.OutWidth >= 6 && layout.OutHeight >=", pointwise);
        Assert.Contains("if (Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported && height * width >= 6)", pointwise);
        string wideBlock = Method(pointwise, "Lanes256");
        Assert.Contains("acc1_5 = Vector256.MultiplyAddEstimate(pixel, high0, acc1_5);", wideBlock);
        Assert.Contains("KernelLaneTransposes.Store(acc1_0, acc1_1, acc1_2, acc1_3, acc1_4, acc1_5, default, default, ref outputRef, outAt + 1 * ChannelLanes * outPlane, outPlane, keep: 0, 6);", wideBlock);
        Assert.DoesNotContain("acc0_6", wideBlock);

        // A strided one's rows keep their ragged ends (7 outputs: 12 columns of blocks of 6, 8 of 4): blocks of 4.
        string strided = Method(Generate("Conv2D(1, 1, Stride = 2, InChannels = 64, OutChannels = 64)"), "Lanes256");
        Assert.Contains("KernelLaneTransposes.Store(acc1_0, acc1_1, acc1_2, acc1_3, default, default, default, default, ref outputRef, outAt + 1 * ChannelLanes * outPlane, outPlane, keep: 0, 4);", strided);
        Assert.DoesNotContain("acc0_4", strided);

        // An 11-column window's row of weights does not fit beside the accumulators in 16 registers.
        string wideWindow = Generate("Conv2D(11, 11, InChannels = 3, OutChannels = 16, Stride = 4)");
        Assert.Contains("Lanes512", wideWindow);
        Assert.DoesNotContain("Vector256Lanes", wideWindow);
    }

    // The text of one generated method, from its declaration to the next member's documentation.
    private static string Method(string code, string name)
    {
        int start = code.IndexOf($"private static void {name}(", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{name} not generated");
        int end = code.IndexOf("/// <summary>", start, StringComparison.Ordinal);
        return end < 0 ? code[start..] : code[start..end];
    }

    private static string Unindented(string code) => string.Join("\n", code.Split('\n').Select(line => line.Trim()));

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
