using KernelGen.Generators.Model;

namespace KernelGen.Generators.Planning;

/// <summary>
/// The channel-lane layout of a multi-channel convolution at one register width: each accumulator holds one output
/// position of <see cref="Lanes"/> consecutive output channels. With AVX-512 a block is 16 accumulators: 2 output rows ×
/// <see cref="Columns"/> of one vector of channels, or, with <see cref="Vectors"/> = 2, one row of two vectors. With
/// 256 bits (AVX2: 16 registers) a block is one row: 8 columns of one vector, or 4 of two (6 on a flattened 1 × 1
/// map), leaving room for a kernel row's weights and the broadcast pixel. Each input pixel is broadcast once and multiplied by a vector of weights (one per
/// output channel, repacked per call so that a tap's weights for the block are contiguous), so no lane is wasted on a
/// row's ragged end and no shifted vector crosses a cache line: the layout register-blocked direct convolutions use for
/// channel-rich layers. The block is transposed once at the end to store channel-planar (CHW) outputs.
/// </summary>
/// <param name="Lanes">Output channels per vector: 16 floats or 8 doubles in 512 bits, 8 or 4 in 256.</param>
/// <param name="PadLeft">Columns of padding before the input (stride 1: fixed by the window).</param>
/// <param name="PadRight">Columns of padding after the input.</param>
/// <param name="Chunk">
/// Input channels whose repacked weights fit the scratch buffer at once: all of a group's, or fewer, in which case the
/// channels go chunk by chunk, each chunk's partial sums kept in the output until the next resumes them.
/// </param>
/// <param name="ChannelsPerGroup">Input channels per group.</param>
/// <param name="Taps">Taps of the window (per input channel).</param>
/// <param name="Vectors">
/// Vectors of output channels per block (<see cref="VectorsFor"/>): 1, over two output rows (one at 256 bits), or 2,
/// over one row, each pixel broadcast once for both.
/// </param>
/// <param name="Width">The register width: <see cref="VectorWidth.V512"/> or <see cref="VectorWidth.V256"/>.</param>
/// <param name="FlatMap">
/// Whether the blocks run along the map flattened into rows of its pixels in order (<see cref="KernelPlan.ReadsOnlyItsOwnPixel"/>:
/// a stride-1 1 × 1 layer), whose rows have no ragged ends to waste a wide block's columns on.
/// </param>
internal sealed record ChannelLanes(int Lanes, int PadLeft, int PadRight, int Chunk, int ChannelsPerGroup, int Taps, int Vectors, VectorWidth Width, bool FlatMap)
{
    /// <summary>
    /// The accumulators of a block: <see cref="Rows"/> × <see cref="Vectors"/> block rows of <see cref="Columns"/>, two
    /// of 8 (16 of the 32 registers) with AVX-512; at 256 bits one of 8, or two of 4 or 6 (8 or 12 of the 16 registers).
    /// </summary>
    public int BlockRows => Rows * Vectors;

    /// <summary>Output rows per block: two of one vector of channels, or one of two vectors (one row at 256 bits).</summary>
    public int Rows => RowsAt(Width, Vectors);

    private static int RowsAt(VectorWidth width, int vectors) => width == VectorWidth.V512 ? 2 / vectors : 1;

    /// <summary>Output channels per block.</summary>
    public int BlockChannels => Lanes * Vectors;

    /// <summary>
    /// Output columns per block: 8, so that a block's row transposes in three rounds of permutes (an 8 × 8 square of
    /// floats at 256 bits); 4 for a 256-bit block of two vectors, or 6 where its rows are a flattened map (<see cref="FlatMap"/>).
    /// </summary>
    public int Columns => ColumnsAt(Width, Vectors, FlatMap);

    /// <summary>
    /// A 256-bit block of two vectors: 4 columns, whose 8 accumulators leave the 16 registers room for two vectors'
    /// weights of a 3-column kernel row and the broadcast pixel. A flattened 1 × 1 map takes 6: 12 accumulators, two
    /// weight vectors and the pixel. Eight accumulators are as many multiply-adds as two 4-cycle units keep in flight,
    /// with no slack: in a probe loop (960 input channels, AVX-512 off) a 1 × 1 block of 6 ran at 94% of the 256-bit
    /// peak against 75-82% for 4, and layers (probe, alternating builds) went 960 → 320 at 7 × 7 68-71 → 80-82
    /// GFLOP/s, 384 → 64 at 14 × 14 65-89 → 101-108, 200 → 400 at 10 × 10 101 → 105 (best of 3). Rows with ragged ends keep 4:
    /// a strided 1 × 1 layer's 7 outputs a row are 12 columns of blocks of 6 against 8 of 4 (256 → 512 at stride 2
    /// went 48-66 → 40-47 GFLOP/s), and a 3 × 3 window's 12 accumulators, with its weights loaded tap by tap, ran level
    /// with the 8 within the noise (70-94% against 75-92% in the probe loop).
    /// </summary>
    private static int ColumnsAt(VectorWidth width, int vectors, bool flatMap)
        => width == VectorWidth.V256 && vectors == 2 ? (flatMap ? 6 : 4) : MaxColumns;

    /// <summary>The most output columns of a block: the transposes' squares.</summary>
    public const int MaxColumns = 8;

    /// <summary>
    /// The most weight vectors a block holds at once, in registers beside its accumulators and the broadcast pixel: one
    /// kernel row's, or two where the block's output rows share their input rows. 14 beside 16 accumulators of the 32
    /// AVX-512 registers; 7 beside 8 of the 16 at 256 bits.
    /// </summary>
    private static int MaxWeightVectorsAt(VectorWidth width) => width == VectorWidth.V512 ? 14 : 7;

    /// <summary>
    /// The output width from which a stride-1 1 × 1 layer keeps the row layout at 256 bits. A 1 × 1 block broadcasts
    /// one pixel per multiply-add, where rows load each input vector once for several output channels: on rows of two
    /// vectors or more the rows win (1 × 1, 144 → 24 at 56 × 56: 266 against 382 µs; level at 14 × 14), below it the
    /// rows' ragged ends lose (576 → 160 at 7 × 7: 298 against 189 µs). The same holds beside AVX-512's 512-bit rows (96 → 24
    /// at 56 × 56: 178 µs with those rows against 238 with these blocks).
    /// </summary>
    public const int PointwiseRowsFromWidth = 16;

    /// <summary>
    /// The input channels from which a 256-bit block of two vectors (12 accumulators, each pixel broadcast once for
    /// both) takes a stride-1 1 × 1 layer on maps of any width: its transposes then cost little beside the multiply-adds
    /// (two per block of 6 pixels, against 12 per input channel). In alternating probe runs with AVX-512 off (best of
    /// 3), blocks against rows: 64 → 128 at 56 × 56 590 against 1002 µs, 96 → 96 there 633 against 864, 256 → 64
    /// 1109 against 1707, 192 → 32 at 28 × 28 119 against 178, 144 → 32 95 against 115; with fewer channels the rows
    /// held: 32 → 192 at 56 × 56 534 against 433, 48 → 64 at 40 × 40 138 against 114, 16 → 96 at 112 × 112 level.
    /// </summary>
    public const int PointwiseBlocksFromChannels = 64;

    /// <summary>
    /// Whether this is the 256-bit layout of a stride-1 1 × 1 layer that takes the blocks only on maps narrower than
    /// <see cref="PointwiseRowsFromWidth"/>: one vector of channels a block, or two with fewer than
    /// <see cref="PointwiseBlocksFromChannels"/> input channels.
    /// </summary>
    public bool NarrowMapsOnly => Width == VectorWidth.V256 && FlatMap && (Vectors == 1 || ChannelsPerGroup < PointwiseBlocksFromChannels);

    /// <summary>The vector type of the accumulators: <c>Vector512</c> or <c>Vector256</c>.</summary>
    public string VectorType => Width == VectorWidth.V512 ? "Vector512" : "Vector256";

    /// <summary>
    /// The test the hardware must pass: AVX-512, or AVX2 with FMA. AVX-512 hardware tries the 512-bit blocks first and
    /// takes these where those do not apply (24 or 40 output channels: 3 × 3 24 → 40 at 7 × 7 ran 11 µs against
    /// 154 with the 512-bit rows).
    /// </summary>
    public string HardwareTest => Width == VectorWidth.V512
        ? "Vector512.IsHardwareAccelerated && Avx512F.IsSupported"
        : "Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported";

    /// <summary>
    /// The nested class holding this width's constants and methods, or null for the 512-bit path, which lives in the
    /// kernel class itself (the 256-bit path's constants have the same names, its own values).
    /// </summary>
    public string? NestedClass => Width == VectorWidth.V512 ? null : "Vector256Lanes";

    /// <summary>
    /// The access of the members <c>Run</c> calls or reads (the constants and the entry methods): private in the kernel
    /// class, internal in <see cref="NestedClass"/> (whose own class is private to a file-local class).
    /// </summary>
    public string Access => NestedClass is null ? "private" : "internal";

    /// <summary>How code outside <see cref="NestedClass"/> names this width's members: empty, or the class and a dot.</summary>
    public string Qualifier => NestedClass is null ? "" : NestedClass + ".";

    /// <summary>The runtime's repacking of this width (<c>KernelLaneTransposes</c>).</summary>
    public string PackMethod => $"PackWeights{(int)Width}";

    /// <summary>The largest stride the blocks take (a block of 8 strided outputs reads 7 × stride + reach input columns per pixel row).</summary>
    public const int MaxStride = 4;

    /// <summary>The fewest multiply-adds per output that repay the repacking and the transposes.</summary>
    public const int MinWeightsPerOutput = 8;

    /// <summary>The largest repacked weight block per vector of output channels (<see cref="ChunkOf"/>), in the thread's scratch buffer (<c>KernelScratch</c>; the limit dates from when it lived on the stack): one block of output channels' weights, for a chunk of input channels.</summary>
    public const int MaxPackedBytes = 128 * 1024;

    /// <summary>
    /// The most elements of scratch the padded-copy path takes (repacked weights, padded input and output: 4 MiB of
    /// float, 8 of double); a map whose copies need more keeps the row layout.
    /// </summary>
    public const int MaxCopyScratch = 1 << 20;

    /// <summary>
    /// Whether every call takes the padded copy (<c>ChannelLaneEmitter.WritePaddedCopy</c>): a strided layer, whose
    /// padding depends on the map, so that its blocks are all interior ones; it has no end blocks.
    /// </summary>
    public bool CopiesEveryInput { get; init; }

    /// <summary>Elements of the repacked weights of one vector of output channels (one chunk of input channels).</summary>
    public int PackedPerVector => Chunk * Taps * Lanes;

    /// <summary>Elements of the repacked weights of one block of output channels (one chunk of input channels): each vector's in turn.</summary>
    public int PackedLength => PackedPerVector * Vectors;

    /// <summary>Whether the input channels go in several chunks (the weights of all of them exceed <see cref="MaxPackedBytes"/>).</summary>
    public bool Chunked => Chunk < ChannelsPerGroup;

    /// <summary>The chunks of input channels a block of output channels takes its weights in.</summary>
    public int ChunkCount => (ChannelsPerGroup + Chunk - 1) / Chunk;

    /// <summary>
    /// The length of every block's packed weights of a kernel taking <c>PackedWeights</c>: <see cref="PackedLength"/> per
    /// block and chunk, a little more than the weights where the last chunk is short.
    /// </summary>
    public long PrepackedLength(KernelPlan plan) => (long)plan.Spec.OutChannels / BlockChannels * ChunkCount * PackedLength;

    /// <summary>
    /// The fewest output columns the layout takes: each end block's unpadded columns must lie inside the input (below
    /// 16 columns the left and right blocks overlap). Without padding, blocks of seven where the block has them.
    /// </summary>
    public int MinOutWidth => ServesEnds
        ? Columns + Math.Max(PadLeft > 0 ? PadRight : 0, PadRight > 0 ? PadLeft : 0)
        : HasSevenWide ? SevenColumns : Columns;

    /// <summary>Up to this output width a row has no middle blocks (only the padded end blocks).</summary>
    public int NoMiddleWidth => (PadLeft > 0 ? Columns : 0) + (PadRight > 0 ? Columns : 0);

    /// <summary>From this output width the last middle block stays clear of the left padding.</summary>
    public int WholeMiddleWidth => PadLeft + Columns + (PadRight > 0 ? Columns : 0);

    /// <summary>
    /// Whether some widths between <see cref="NoMiddleWidth"/> and <see cref="WholeMiddleWidth"/> must keep the row
    /// layout: their last middle block would start inside the left padding (wide padding only, such as Full with
    /// dilation 2).
    /// </summary>
    public bool ExcludesMiddleWidths => ServesEnds && WholeMiddleWidth > Math.Max(NoMiddleWidth, MinOutWidth - 1) + 1;

    /// <summary>
    /// The channel-lane layout of <paramref name="plan"/> at <paramref name="width"/> (512 or 256 bits), or null when the
    /// row layout serves it better or it does not fit.
    /// </summary>
    public static ChannelLanes? For(KernelPlan plan, VectorWidth width)
    {
        // A kernel taking PackedWeights keeps all of a path's packed weights in one array: a layer whose packing would
        // not fit one (near 2^31 weights) takes the other paths.
        ChannelLanes? lanes = Plan(plan, width);
        return lanes is not null && plan.Spec.TakesPackedWeights && lanes.PrepackedLength(plan) > MaxPrepackedLength ? null : lanes;
    }

    /// <summary>The largest array of packed weights a <c>PackedWeights</c> keeps (the runtime's largest array, less its alignment slack).</summary>
    public const int MaxPrepackedLength = 0x7FFF_FF00;

    private static ChannelLanes? Plan(KernelPlan plan, VectorWidth width)
    {
        KernelSpec s = plan.Spec;
        int lanes = width.Lanes(plan);
        if (!plan.IsConvolution || !s.Is2D || plan.UsesLiteralWeights || plan.Layout != TapLayout.Unrolled
            || s.StrideWidth > MaxStride || plan.OutputsPerGroup % lanes != 0
            || plan.WeightsPerOutput < MinWeightsPerOutput)
        {
            return null;
        }

        int vectors = VectorsFor(plan, lanes, width), rows = RowsAt(width, vectors), columns = ColumnsAt(width, vectors, plan.ReadsOnlyItsOwnPixel);
        if (s.KernelWidth * (vectors == 2 || RowsShareInput(plan, rows) ? 2 : 1) > MaxWeightVectorsAt(width)
            || (long)(rows - 1) * s.StrideHeight + plan.RowReach > 64)
        {
            return null;
        }

        if (s.StrideWidth > 1 && !HasNoPadding(plan))
        {
            // A strided layer's padding depends on the map: every call runs on a padded copy, with interior blocks only.
            // (Without padding the blocks run along the input's own rows, as at stride 1.)
            return new ChannelLanes(lanes, 0, 0, ChunkOf(plan, lanes, vectors, width), plan.ChannelsPerGroup, plan.TapsPerChannel, vectors, width, plan.ReadsOnlyItsOwnPixel) { CopiesEveryInput = true };
        }

        int padLeft = plan.ConstantPadLeft ?? 0;
        int padRight = s.Padding switch
        {
            PaddingMode.Same => plan.ColumnReach - padLeft,
            PaddingMode.Full => plan.ColumnReach,
            _ => 0,
        };

        // The left and right blocks must hold all of a row's padded outputs.
        return padLeft <= columns && padRight <= columns
            ? new ChannelLanes(lanes, padLeft, padRight, ChunkOf(plan, lanes, vectors, width), plan.ChannelsPerGroup, plan.TapsPerChannel, vectors, width, plan.ReadsOnlyItsOwnPixel)
            : null;
    }

    /// <summary>
    /// Whether no map gives the layer padding: Valid, or a 1 × 1 window, which Same and Full pad by nothing. A strided
    /// one then runs its blocks along the input's own rows, the last block of a row overlapping the one before, with
    /// no copy of the input: ResNet-18's 1 × 1 stride-2 projections copied every input row they read (64 → 128 at
    /// 56 × 56: 408 KB a call) into scratch first.
    /// </summary>
    private static bool HasNoPadding(KernelPlan plan)
        => plan.Spec.Padding == PaddingMode.Valid || (plan.Spec.KernelWidth == 1 && plan.Spec.KernelHeight == 1);

    /// <summary>
    /// Vectors of output channels per block. Two, over one output row, when the group's outputs come in whole pairs of
    /// vectors and the two weight rows fit beside the accumulators: each broadcast pixel then feeds both vectors, a
    /// kernel row of the block loads one input row where a row pair loads two beside the rows they share (30
    /// broadcasts per input channel of a 3 × 3 window against 40), and a map of odd height computes no row twice. In
    /// one probe run against row pairs sharing their input: 3 × 3 512 → 512 at 7 × 7 2.71 → 2.33 ms, 64 → 128 at
    /// 112 × 112 17.3 → 16.1, 96 → 96 at 27 × 27 1.16 → 1.10, 5 × 5 32 → 64 at 13 × 13 169 → 158 µs; 56, 28 and
    /// 14-row maps level (±2%). One, over two rows, otherwise (16 or 48 outputs, say), sharing input rows where the
    /// rows are one apart. At 256 bits two vectors make a block of 4 columns (the 16 registers hold 8 accumulators):
    /// a 256-bit block was bound by its broadcasts, one per multiply-add on a 1 × 1 window and 17 per 24 on a stride-2
    /// 3 × 3 one, and two vectors halve them; windows up to 3 columns, whose two weight rows fit beside the 8.
    /// </summary>
    private static int VectorsFor(KernelPlan plan, int lanes, VectorWidth width)
        => plan.OutputsPerGroup % (2 * lanes) == 0 && 2 * plan.Spec.KernelWidth <= MaxWeightVectorsAt(width) ? 2 : 1;

    /// <summary>
    /// Input channels whose repacked weights fit <see cref="MaxPackedBytes"/> per vector of the block's channels at 512
    /// bits, so that a block of two vectors takes as many input channels at once as a block of one: with half as many,
    /// 128 input channels went in chunks of 113 and 15, and the second chunk's resumed sums cost 3 × 3 128 → 128 at
    /// 24 × 24 3-4% in one probe run (1.41 → 1.46 ms). At 256 bits the budget stays whole: AVX2 machines may have 256 KiB
    /// of L2 cache. The chunks the budget needs are then made equal (512 channels as 3 of 171, not 227, 227 and 58;
    /// 256 as 2 of 128, not 227 and 29): the same number of resumed sums, a smaller chunk of weights for the blocks to
    /// re-read, and no waste in a kernel's packed-once copy. In alternating probe runs (best of 15) 3 × 3 256 → 256 at
    /// 14 × 14 went from 2.27-2.32 to 2.08-2.10 ms with span weights (2.05-2.14 to 1.99-2.02 packed once), 512 → 512 at
    /// 7 × 7 packed once from 2.22-2.83 to 1.93-2.07 ms, and 256 → 512 at stride 2 level.
    /// </summary>
    private static int ChunkOf(KernelPlan plan, int lanes, int vectors, VectorWidth width)
    {
        int most = Math.Max(1, MaxPackedBytes * (width == VectorWidth.V512 ? vectors : 1) / (plan.TapsPerChannel * lanes * vectors * plan.ElementBytes));
        int chunks = (plan.ChannelsPerGroup + most - 1) / most;
        return (plan.ChannelsPerGroup + chunks - 1) / chunks;
    }

    /// <summary>The column blocks along a row: a left end block when there is left padding, the interior, a right end block when there is right padding.</summary>
    public IEnumerable<ColumnRange> ColumnBlocks()
    {
        if (PadLeft > 0)
        {
            yield return ColumnRange.LeftEnd;
        }

        yield return ColumnRange.Interior;
        if (PadRight > 0)
        {
            yield return ColumnRange.RightEnd;
        }
    }

    /// <summary>Whether the block method serves end blocks as well as the interior (generic over the column range): when there is padding.</summary>
    public bool ServesEnds => PadLeft > 0 || PadRight > 0;

    /// <summary>
    /// Whether the block method has a copy of seven columns (<see cref="ColumnRange.SevenWide"/>), which <c>Run</c> takes,
    /// on a padded copy of the input, where blocks of seven cover a row with fewer computed columns than blocks of eight
    /// (ResNet's 7, 14 and 28-column maps: 8 / 7 of their outputs computed, the rest dropped). At 512 bits only: 14
    /// accumulators still hide the multiply-add latency there, where 7 of the 16 AVX2 registers' 8 would not (8 chains
    /// of 4-cycle multiply-adds keep two units busy), so a 256-bit block of seven would take as long as one of eight.
    /// </summary>
    public bool HasSevenWide => Width == VectorWidth.V512;

    /// <summary>
    /// Whether a walk over the blocks takes <see cref="ColumnRange.SevenWide"/> blocks itself (a flag from its caller):
    /// on the padded copy, or along the rows of a layer without padding, whose blocks are all interior ones. A layer
    /// with padding takes them on the padded copy only (<c>Run</c> tests that first).
    /// </summary>
    public bool WalkTakesSevenWide(bool paddedCopy) => HasSevenWide && (paddedCopy || !ServesEnds);

        /// <summary>The columns of a <see cref="ColumnRange.SevenWide"/> block.</summary>
    public const int SevenColumns = 7;

    /// <summary>Whether the block method is generic over the column range: it serves ends, or has a seven-column copy.</summary>
    public bool IsGeneric => ServesEnds || HasSevenWide;

    /// <summary>
    /// Whether footprint column <paramref name="column"/> (0 at the input column under the block's first output's
    /// first tap) lies in the padding for a block of <paramref name="range"/>: the left block starts at output column
    /// 0, the right block ends at the last output column.
    /// </summary>
    public bool InPadding(ColumnRange range, int column, int columnReach) => range switch
    {
        ColumnRange.LeftEnd => column < PadLeft,
        ColumnRange.RightEnd => column >= Columns + columnReach - PadRight,
        _ => false,
    };

    /// <summary>
    /// Whether the two output rows of a block read overlapping input rows one row apart (stride and dilation 1, a window
    /// more than one row high), so that each input pixel is broadcast once for both: broadcasts are a third of a
    /// block's loads, and they share the ports of the multiply-adds on cores that split 512-bit work in halves.
    /// </summary>
    public bool SharesInputRows(KernelPlan plan) => RowsShareInput(plan, Rows);

    private static bool RowsShareInput(KernelPlan plan, int rows)
        => rows == 2 && plan.Spec.StrideHeight == 1 && plan.Spec.Dilation == 1 && plan.Spec.KernelHeight > 1;

    /// <summary>
    /// The method of a pass's column blocks, at the left end, in the middle or at the right end of its rows (one body,
    /// generic over the column range when there are ends). With border rows it skips the kernel rows outside the input
    /// (a test per kernel row and output row, beside 16 multiply-adds per window column), so the one method serves
    /// interior and border rows alike.
    /// </summary>
    public string BlockMethod => $"Lanes{(int)Width}";
}
