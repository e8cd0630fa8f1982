namespace KernelGen.Generators.Planning;

/// <summary>
/// The decisions of the row layout, from the layer's numbers: how many output rows one pass computes at each width,
/// whether a pass keeps its weights in registers, which passes unroll the whole window, and which rows get blocked
/// passes of their own.
/// </summary>
internal static class RowTiling
{
    // Row offsets (rows − 1)·stride + reach are emitted as int constants; blocking rows of huge strides gains nothing.
    private const int MaxBlockedRowDistance = 1 << 16;

    /// <summary>Small strides gather with a few full loads shuffled into place; larger ones read each lane's element directly.</summary>
    public const int MaxShuffledStride = 4;

    /// <summary>
    /// Whether blocks of rows that include border rows (kernel rows in the top or bottom padding) get blocked passes
    /// too, skipping the input rows outside the input: convolutions only (a pool's border rows need per-row divisors).
    /// </summary>
    public static bool HasBorderBlocks(KernelPlan plan) => plan.IsConvolution && plan.HasBorderRows;

    /// <summary>
    /// Interior output rows computed per pass at a width: each loaded input vector then feeds every output row whose
    /// window covers it, not just one. Bounded so that block × rows accumulators stay in registers.
    /// </summary>
    public static int RowBlock(KernelPlan plan, VectorWidth width, int block)
    {
        // A pool whose windows do not overlap vertically shares no input row between output rows: it goes row by row,
        // reading its input front to back.
        if (width.IsScalar() || plan.Layout != TapLayout.Unrolled || !plan.Spec.Is2D
            || (!plan.IsConvolution && plan.Spec.StrideHeight >= plan.Spec.KernelHeight)
            || (long)(KernelPlan.MaxRowBlock - 1) * plan.Spec.StrideHeight + plan.RowReach > MaxBlockedRowDistance)
        {
            return 1;
        }

        int rows = Math.Min(KernelPlan.MaxRowBlock, width.AccumulatorRegisters() / block);
        int power = 1;
        while (power * 2 <= rows)
        {
            power *= 2; // a power of two: the row bands of Run then hold whole blocks
        }

        return power;
    }

    /// <summary>
    /// Whether a pass broadcasts its run-time weights into registers once, before its column loop, rather than from
    /// memory at every use (where stores to the output, which may alias them as far as the JIT knows, keep it from
    /// hoisting them): when the window is unrolled for a single input channel and the weights fit beside the
    /// accumulators. Each broadcast weight then serves every vector of the row.
    /// </summary>
    public static bool HoistsWeights(KernelPlan plan, VectorWidth width, TapLayout layout, int block, int rows)
        => plan.IsConvolution && !plan.UsesLiteralWeights && layout == TapLayout.Unrolled && plan.ChannelsPerGroup == 1 && !width.IsScalar()
            && block * plan.Taps.Count + block * rows + 2 <= 2 * width.AccumulatorRegisters();

    /// <summary>
    /// Only the vector interior rows of a single input channel, where nearly all the time goes, are unrolled over the
    /// whole window. Border rows and the scalar path loop over kernel rows (each row unrolled): they run rarely, and
    /// unrolling them too would multiply the size of the generated code for nothing. So do the passes of a
    /// multi-channel convolution (see <see cref="LoopsKernelRows"/>).
    /// </summary>
    public static TapLayout LayoutOf(KernelPlan plan, VectorWidth width, bool guarded, int rows = 1)
        => plan.Layout == TapLayout.Unrolled && ((guarded && rows == 1) || width.IsScalar() || LoopsKernelRows(plan))
            ? TapLayout.RowsLooped
            : plan.Layout;

    /// <summary>
    /// Whether every pass loops over kernel rows, each row unrolled over the window's columns, the block's output
    /// channels and its rows: convolutions with run-time weights over several input channels per group. Their loop
    /// over input channels already runs the window many times per output, every multiply-add broadcasts its weight from
    /// memory, and the tile (rows × block accumulators, a kernel row of loads) keeps the FMA units as busy as the
    /// whole window would; unrolling the window as well would only multiply the generated code by its height.
    /// </summary>
    public static bool LoopsKernelRows(KernelPlan plan)
        => plan.IsConvolution && !plan.UsesLiteralWeights && plan.ChannelsPerGroup > 1;

    /// <summary>
    /// Whether one guarded pass serves the interior rows as well as the border rows at a width: convolutions whose
    /// passes loop over kernel rows anyway, so that skipping the rows outside the input costs one test per kernel or
    /// input row beside a row of multiply-adds per output channel and row. An interior copy would double their code.
    /// </summary>
    public static bool MergesBorderRows(KernelPlan plan, VectorWidth width, int rows)
        => plan.IsConvolution && plan.HasBorderRows && LayoutOf(plan, width, guarded: false, rows) != TapLayout.Unrolled;

    /// <summary>Whether the windows of consecutive output rows overlap, so that a block of rows can load a shared input row once.</summary>
    public static bool SharesInputRows(KernelPlan plan) => plan.Spec.StrideHeight <= plan.RowReach;

    /// <summary>The input rows a block of <paramref name="rows"/> output rows reads: its windows' rows, from the first row's top.</summary>
    public static int InputRowsOf(KernelPlan plan, int rows) => (rows - 1) * plan.Spec.StrideHeight + plan.RowReach + 1;

    /// <summary>
    /// Whether a block of rows with looped kernel rows loads a whole input row's vectors (one per window column) before
    /// feeding them to its output rows: when they fit in registers beside its accumulators, two for the weight and a
    /// temporary, and the index vectors of a shuffled strided load. Otherwise each vector goes to its output rows as soon as it is loaded.
    /// </summary>
    public static bool HoldsInputRow(KernelPlan plan, VectorWidth width, int block, int rows)
    {
        int stride = plan.Spec.StrideWidth;
        int shuffleIndices = stride == 1 || stride > MaxShuffledStride ? 0 : ((width.Lanes(plan) - 1) * stride / width.Lanes(plan)) + 1;
        return plan.Spec.KernelWidth + block * rows + 2 + shuffleIndices <= 2 * width.AccumulatorRegisters();
    }

    /// <summary>Whether a strided pool's vector passes combine the kernel rows first and shuffle each window column's lanes out once.</summary>
    public static bool IsShuffledStridedPool(KernelPlan plan, VectorWidth width)
        => !plan.IsConvolution && !width.IsScalar() && plan.Spec.StrideWidth > 1 && plan.Spec.StrideWidth <= MaxShuffledStride;
}
