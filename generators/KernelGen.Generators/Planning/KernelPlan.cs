using KernelGen.Generators.Model;

namespace KernelGen.Generators.Planning;

/// <summary>
/// What a kernel computes, as data the loop skeleton reads: its taps and their offsets, the channel blocking and
/// the reach of the window. Every kernel kind is a plan over the same skeleton; a pool is a "convolution" with one
/// input channel per output channel and no weights.
/// </summary>
internal sealed class KernelPlan
{
    /// <summary>Output channels computed together, so that each loaded input vector feeds this many accumulators.</summary>
    public const int MaxChannelBlock = 4;

    /// <summary>The most interior output rows one vector pass computes (a power of two, so the row bands of <c>Run</c> hold whole blocks).</summary>
    public const int MaxRowBlock = 8;

    /// <summary>
    /// Output columns per strip of a separable kernel. Its intermediate rows (strip + reach each) live in the thread's
    /// scratch buffer (<c>KernelScratch</c>, up to 32 KiB at the widest reach, in double); a narrow strip keeps them, and the input rows the column pass reads, in L1.
    /// </summary>
    public const int SeparableStrip = 256;

    /// <summary>Interior output rows one column pass computes: each loaded input row serves every one it touches.</summary>
    public const int SeparableRowBlock = 8;

    /// <summary>The widest window reach a separable kernel takes, which bounds its scratch buffer.</summary>
    public const int MaxSeparableReach = 256;

    public KernelPlan(KernelSpec spec)
    {
        Spec = spec;
        Layout = TapLayouts.For(spec.KernelHeight, spec.KernelWidth);
        IsConvolution = spec.Operation == KernelOperation.Convolution;
        ChannelsPerGroup = IsConvolution ? spec.InChannels / spec.Groups : 1;
        OutputsPerGroup = IsConvolution ? spec.OutChannels / spec.Groups : 1;
        GroupCount = IsConvolution ? spec.Groups : spec.InChannels;
        ChannelBlock = Math.Min(OutputsPerGroup, IsConvolution ? MaxChannelBlock : 1);
        RemainderBlock = OutputsPerGroup % ChannelBlock;
        UniformWindow = ConstantKernel.Uniform(spec, ChannelsPerGroup);
        if (UniformWindow is not null && Layout == TapLayout.Unrolled && spec.Is2D && spec.KernelHeight > 1 && spec.KernelWidth > 1
            && spec.StrideWidth == 1 && spec.StrideHeight == 1 && ColumnReach <= MaxSeparableReach
            && ConstantKernel.Factor(AppliedWindow(UniformWindow), spec.KernelHeight, spec.KernelWidth) is { } factors)
        {
            // Split only when a split is estimated cheaper than the direct window (row-blocked like any interior).
            int rowBlock = SeparableRowBlock, dilation = spec.Dilation;
            SeparableStrategy strategy = ConstantCost.InputRows(spec.KernelHeight, dilation, rowBlock) <= ConstantCost.MaxRegisterRows
                && ConstantCost.Of(SeparableStrategy.Registers, factors.Column, factors.Row, dilation, rowBlock)
                    < ConstantCost.Of(SeparableStrategy.Strips, factors.Column, factors.Row, dilation, rowBlock)
                ? SeparableStrategy.Registers
                : SeparableStrategy.Strips;
            if (ConstantCost.Of(strategy, factors.Column, factors.Row, dilation, rowBlock)
                < ConstantCost.Direct(UniformWindow, spec.KernelHeight, spec.KernelWidth, dilation, MaxRowBlock))
            {
                Separable = factors;
                SeparableStrategy = strategy;
            }
        }

        Taps = new List<Tap>();
        for (int i = 0; i < spec.KernelHeight && Layout == TapLayout.Unrolled; i++)
        {
            for (int j = 0; j < spec.KernelWidth; j++)
            {
                Taps.Add(new Tap(i, j, j * spec.Dilation, WeightRow(i) * spec.KernelWidth + WeightColumn(j)));
            }
        }

        ChannelLanes = Planning.ChannelLanes.For(this, VectorWidth.V512);
        ChannelLanes256 = Planning.ChannelLanes.For(this, VectorWidth.V256);
    }

    public KernelSpec Spec { get; }

    /// <summary>The constant window shared by every output channel (already converted to the element type), or null.</summary>
    public double[]? UniformWindow { get; }

    /// <summary>Whether the unrolled interior writes the weights as literals rather than loading them.</summary>
    public bool UsesLiteralWeights => UniformWindow is not null && Layout == TapLayout.Unrolled;

    /// <summary>The column and row filters of a rank-1 constant window worth splitting, or null.</summary>
    public (double[] Column, double[] Row)? Separable { get; }

    /// <summary>How <see cref="Separable"/> is computed, when set.</summary>
    public SeparableStrategy SeparableStrategy { get; }

    /// <summary>
    /// Whether the 512-bit row filter of a separable window (the strips' row pass, the register strategy's interior)
    /// cuts its taps out of two loads (AVX-512 valignd) rather than loading each shifted vector across a cache line:
    /// when the row filter reaches no further than one vector.
    /// </summary>
    public bool AlignsRowTaps => Separable is not null && ColumnReach <= ElementsPer64Bytes;

    /// <summary>Whether the code calls x86 intrinsics directly (behind their IsSupported checks), beside the portable vectors.</summary>
    public bool UsesX86Intrinsics => LanePaths.Any() || HasDepthwiseLanes || AlignsRowTaps || RowWidths.Any(width => RowTiling.IsShuffledStridedPool(this, width))
        || (Spec.StrideWidth is > 1 and <= RowTiling.MaxShuffledStride
            && RowWidths.Any(width => StridedPoolLoads.VectorsPerStridedLoad(Spec.StrideWidth, width.Lanes(this)) == 2));

    public TapLayout Layout { get; }

    /// <summary>
    /// Whether a pool has a path for a map the size of its window (a global pool: one output per channel, its whole
    /// plane the window; <see cref="Emit.WholePlaneEmitter"/>): when a vector fits in the window and such a map has no
    /// padding (Valid, or Same with strides no smaller than the window).
    /// </summary>
    public bool HasWholePlanes => !IsConvolution && TapsPerChannel >= VectorWidth.V128.Lanes(this)
        && (Spec.Padding == PaddingMode.Valid || (Spec.StrideHeight >= Spec.KernelHeight && Spec.StrideWidth >= Spec.KernelWidth));

    /// <summary>The channel-lane layout the AVX-512 path takes, or null when every path computes rows of one output channel per vector.</summary>
    public ChannelLanes? ChannelLanes { get; }

    /// <summary>
    /// The channel-lane layout the 256-bit path takes (AVX2 with FMA, and AVX-512 hardware where the 512-bit layout
    /// does not apply, such as 24 output channels of float), or null.
    /// </summary>
    public ChannelLanes? ChannelLanes256 { get; }

    /// <summary>The channel-lane layouts, widest first, in the order the run-time dispatch tries them.</summary>
    public IEnumerable<ChannelLanes> LanePaths => new[] { ChannelLanes, ChannelLanes256 }.OfType<ChannelLanes>();

    public bool IsConvolution { get; }

    /// <summary>The element type's C# keyword.</summary>
    public string T => Spec.Element == ElementType.Float ? "float" : "double";

    /// <summary>A literal suffix for constants of <see cref="T"/>.</summary>
    public string LiteralSuffix => Spec.Element == ElementType.Float ? "f" : "d";

    public int ElementBytes => Spec.Element == ElementType.Float ? 4 : 8;

    /// <summary>Elements in 64 bytes: one 512-bit vector, one cache line.</summary>
    public int ElementsPer64Bytes => 64 / ElementBytes;

    public int ChannelsPerGroup { get; }

    public int OutputsPerGroup { get; }

    public int GroupCount { get; }

    public int ChannelBlock { get; }

    /// <summary>The size of the last, smaller block of a group, or 0 when the blocks divide it.</summary>
    public int RemainderBlock { get; }

    public int TapsPerChannel => Spec.KernelHeight * Spec.KernelWidth;

    public int WeightsPerOutput => ChannelsPerGroup * TapsPerChannel;

    public int RowReach => (Spec.KernelHeight - 1) * Spec.Dilation;

    public int ColumnReach => (Spec.KernelWidth - 1) * Spec.Dilation;

    /// <summary>
    /// Elements a vector pass reads past the last input column its windows use: stride − 1 for strided loads; for a
    /// pool whose every vector pass shuffles its lanes out of whole loads (strided, no border rows), what those loads
    /// read past, often nothing, so that its rows' last outputs stay on the vector path.
    /// </summary>
    public int VectorOverRead
        => !IsConvolution && !HasBorderRows && Layout == TapLayout.Unrolled && RowWidths.All(width => RowTiling.IsShuffledStridedPool(this, width))
            ? RowWidths.Max(width => StridedPoolLoads.OverRead(Spec.KernelWidth, Spec.StrideWidth, width.Lanes(this)))
            : Spec.StrideWidth - 1;

    /// <summary>
    /// The left padding when it does not depend on the input size (stride 1: Same pads floor((Keff − 1)/2), Full
    /// pads Keff − 1), or null.
    /// </summary>
    public int? ConstantPadLeft => Spec.StrideWidth != 1 ? null : Spec.Padding switch
    {
        PaddingMode.Same => ColumnReach / 2,
        PaddingMode.Full => ColumnReach,
        _ => 0,
    };

    /// <summary>
    /// Whether the border columns of a row can be computed by one vector at each end of the row, its loads shifted
    /// into place (zeros coming in for the padding, or for a max pool copies of the row's end column, which every
    /// such window holds anyway), at a width of <paramref name="lanes"/>: stride 1, some padding, a window that is not
    /// column-looped, and borders no wider than a vector. An average divides each lane by its own count.
    /// </summary>
    public bool HasVectorEdges(int lanes)
        => ConstantPadLeft is > 0 && Layout != TapLayout.RowsAndColumnsLooped && Spec.KernelWidth > 1 && ColumnReach <= lanes;

    /// <summary>
    /// The vector widths of the row layout, widest first. With the channel-lane layout, Vector512 runs the lane blocks,
    /// and the few shapes they leave (a single output row, some narrow widths) take the 256-bit row passes, which every
    /// AVX-512 machine accelerates too: the 512-bit row passes would be code that never runs.
    /// </summary>
    public IReadOnlyList<VectorWidth> RowWidths => ChannelLanes is null ? VectorWidths.Vectors : VectorWidths.BesideChannelLanes;

    /// <summary>Whether some vector width computes the border columns as one shifted vector at each end of the rows.</summary>
    public bool HasVectorEdgesAtSomeWidth => VectorWidths.Vectors.Any(width => HasVectorEdges(width.Lanes(this)));

    /// <summary>Whether some output rows can have kernel rows in the padding (only then is a guarded row emitted).</summary>
    /// <summary>
    /// Whether a map exactly the window's size (one output position) runs as dot products (<c>KernelDotProducts</c>): a
    /// Valid convolution, neither flipped nor dilated, so that each output's weights and its input are contiguous and in
    /// the same order, with at least a vector's worth of weights per output.
    /// </summary>
    public bool CoversWholeInput => IsConvolution && Spec.Padding == PaddingMode.Valid && !Spec.Flip && Spec.Dilation == 1
        && WeightsPerOutput >= 16;

    /// <summary>
    /// Whether narrow maps run on flattened padded copies of their planes (<see cref="Emit.SmallPlaneEmitter"/>): a 2D
    /// depthwise convolution (several groups of one input and one output channel), at stride 1 or 2, its taps unrolled.
    /// A stride-2 plane is dealt out to its stride phases in vector rounds; at stride 3 the element-by-element deal cost
    /// more than the row path's strided reads (3 × 3, 96 channels at 27 × 27: 28 µs on rows, 50 on planes). With
    /// several outputs a plane (LeNet-5's 1 → 6 at 28 columns: 3.2 µs on rows, 6.3 on planes, in one run) the row path,
    /// which shares each input load among the outputs, stays faster.
    /// </summary>
    public bool HasSmallPlanes => IsConvolution && Spec.Is2D && Spec.Groups > 1 && ChannelsPerGroup == 1 && OutputsPerGroup == 1
        && Spec.StrideHeight <= 2 && Spec.StrideWidth <= 2 && Layout == TapLayout.Unrolled && !UsesLiteralWeights;

    /// <summary>
    /// Whether a depthwise convolution has the AVX-512 path with channels in vector lanes (<see cref="Emit.DepthwiseLaneEmitter"/>),
    /// for output rows of 7 or 8 columns, which one block of 8 columns covers: the tiny planes of a deep layer, where a
    /// plane's rows leave most of a row vector empty and copying each plane in and out costs more than its arithmetic
    /// (MobileNetV2's 960 channels at 7 × 7: 37 µs on planes, 26 in lanes; at 9 columns, two blocks a row, lanes lost:
    /// 26 µs against 23 at 384 channels). It needs a block's worth of channels and a vector's worth of taps to transpose.
    /// </summary>
    public bool HasDepthwiseLanes => IsConvolution && Spec.Is2D && Spec.Groups >= VectorWidth.V512.Lanes(this) && ChannelsPerGroup == 1
        && OutputsPerGroup == 1 && Layout == TapLayout.Unrolled && TapsPerChannel >= 4;

    /// <summary>
    /// Whether each output reads only the input pixel at its own position (a 2D 1 × 1 convolution at stride 1, under any
    /// padding, which a 1 × 1 window never needs): any reshaping of the map that keeps its pixels in order computes the
    /// same outputs.
    /// </summary>
    public bool ReadsOnlyItsOwnPixel => IsConvolution && Spec.Is2D && Spec.KernelHeight == 1 && Spec.KernelWidth == 1
        && Spec.StrideHeight == 1 && Spec.StrideWidth == 1;

    public bool HasBorderRows => Spec.Padding != PaddingMode.Valid && Spec.KernelHeight > 1;

    /// <summary>The taps of a fully unrolled window, row by row; empty for looped layouts.</summary>
    public List<Tap> Taps { get; }

    public IEnumerable<int> BlockSizes => RemainderBlock == 0 ? [ChannelBlock] : [ChannelBlock, RemainderBlock];

    /// <summary>The name of the file-local class, carrying the specialisation, e.g. <c>Blur_Conv2D_3x3_f32</c>.</summary>
    public string ClassName
    {
        get
        {
            string window = Spec.Is2D ? $"{Spec.KernelHeight}x{Spec.KernelWidth}" : $"k{Spec.KernelWidth}";
            return $"{Spec.Method.Name.TrimStart('@')}_{Spec.AttributeName}_{window}_{(Spec.Element == ElementType.Float ? "f32" : "f64")}";
        }
    }

    /// <summary>The window as applied to the input, tap (i, j) at [i·KW + j]: the weights, reversed when flipped.</summary>
    public double[] AppliedWindow(double[] window)
    {
        var applied = new double[window.Length];
        for (int i = 0; i < Spec.KernelHeight; i++)
        {
            for (int j = 0; j < Spec.KernelWidth; j++)
            {
                applied[i * Spec.KernelWidth + j] = window[WeightRow(i) * Spec.KernelWidth + WeightColumn(j)];
            }
        }

        return applied;
    }

    public int WeightRow(int i) => Spec.Flip ? Spec.KernelHeight - 1 - i : i;

    public int WeightColumn(int j) => Spec.Flip ? Spec.KernelWidth - 1 - j : j;
}

/// <summary>One tap of an unrolled window: its kernel row, column offset in the input row, and weight index within a channel.</summary>
internal readonly record struct Tap(int Row, int Column, int ColumnOffset, int WeightIndex);
