namespace KernelGen.Generators.Planning;

/// <summary>
/// The row layout's method inventory: every <see cref="RowPass"/> a kernel's plan needs, in the order they are
/// written. Emitters write exactly these, and find each call's target here, so that a call to a method the plan did
/// not list fails in the generator's tests rather than as a compile error in generated code.
/// </summary>
internal sealed class RowPasses
{
    private readonly Dictionary<RowPass, RowPass> _passes = [];
    private readonly KernelPlan _plan;

    private RowPasses(KernelPlan plan)
    {
        _plan = plan;
        foreach (int block in plan.BlockSizes)
        {
            // Blocked rows at each width that blocks them: the interior pass, and the guarded pass serving border rows.
            // Where the rows have end vectors, the guarded pass serves both ends of every block (skipping the input rows
            // outside the input costs little on two vectors a row); without border blocks (pools), the interior pass.
            foreach (VectorWidth width in plan.RowWidths)
            {
                int rows = RowTiling.RowBlock(plan, width, block);
                if (rows > 1)
                {
                    if (!RowTiling.MergesBorderRows(plan, width, rows))
                    {
                        Add(Pass(plan, width, block, rows, guarded: false));
                    }

                    if (RowTiling.HasBorderBlocks(plan))
                    {
                        Add(Pass(plan, width, block, rows, guarded: true));
                    }
                }
            }

            // Single rows at every width and in scalars, interior and border (and the ends of single rows); a width
            // whose blocks serve every row takes single rows through them too (see RowPass.TakesRowCount), so it has
            // no single-row passes.
            foreach (bool guarded in new[] { false, true })
            {
                foreach (VectorWidth width in plan.RowWidths.Append(VectorWidth.Scalar))
                {
                    bool wanted = guarded ? plan.HasBorderRows || ServesEnds(plan, width) : !RowTiling.MergesBorderRows(plan, width, 1);
                    if (wanted && !HasNoSingleRows(plan, width, block))
                    {
                        Add(Pass(plan, width, block, 1, guarded));
                    }
                }
            }
        }
    }

    /// <summary>Every pass, in the order of the generated file.</summary>
    public List<RowPass> All { get; } = [];

    public static RowPasses For(KernelPlan plan) => new(plan);

    /// <summary>
    /// The listed pass; a call site asking for one the plan does not list is a generator bug. Asked for one row at a
    /// width whose blocks of rows serve single rows too, it gives the block's pass (called with a row count of 1).
    /// </summary>
    public RowPass Get(VectorWidth width, int block, int rows, bool guarded)
    {
        if (rows == 1 && BlocksServeSingleRows(_plan, width, block))
        {
            rows = RowTiling.RowBlock(_plan, width, block);
        }

        RowPass wanted = Pass(_plan, width, block, rows, guarded);
        return _passes.TryGetValue(wanted, out RowPass? pass)
            ? pass
            : throw new InvalidOperationException($"The plan lists no row pass {wanted.Name}.");
    }

    /// <summary>
    /// The pass computing the end vectors of rows: the guarded one, which skips the rows outside the input; for a
    /// block of rows without border blocks (its rows are all interior), the interior one.
    /// </summary>
    public RowPass GetEnds(VectorWidth width, int block, int rows)
    {
        RowPass pass = Get(width, block, rows, guarded: !EndsInInteriorPass(_plan, rows));
        return pass.ServesEnds ? pass : throw new InvalidOperationException($"The row pass {pass.Name} serves no row ends.");
    }

    /// <summary>
    /// Whether the rows at a width have end vectors (see <see cref="ColumnRange"/>): their border columns fit one
    /// shifted vector at each end. A guarded pass then serves them, or the interior pass of a block (<see cref="EndsInInteriorPass"/>).
    /// </summary>
    public static bool ServesEnds(KernelPlan plan, VectorWidth width) => !width.IsScalar() && plan.HasVectorEdges(width.Lanes(plan));

    // Whether a block of rows takes its end vectors from its interior pass: without border blocks (pools) its rows are
    // all interior, so no row needs skipping; otherwise (and for single rows) the guarded pass serves them.
    private static bool EndsInInteriorPass(KernelPlan plan, int rows) => rows > 1 && !RowTiling.HasBorderBlocks(plan);

    /// <summary>Whether the blocks of rows at a width serve every row, single rows included (with a row count).</summary>
    public static bool BlocksServeSingleRows(KernelPlan plan, VectorWidth width, int block)
        => HasNoSingleRows(plan, width, block) && plan.HasBorderRows;

    /// <summary>
    /// Whether single rows have a pass at a width, of their own or a block's taking a row count; when not, a map lower
    /// than the width's blocks takes a narrower path.
    /// </summary>
    public static bool TakesSingleRows(KernelPlan plan, VectorWidth width, int block)
        => !HasNoSingleRows(plan, width, block) || BlocksServeSingleRows(plan, width, block);

    /// <summary>
    /// Whether a width has no single-row passes: a convolution whose blocks of rows loop over the kernel rows. With
    /// border rows its blocks take single rows (<see cref="BlocksServeSingleRows"/>); without, the blocks of a map
    /// at least a block high end at its last row (overlapping the block before), and a lower map takes a narrower path.
    /// </summary>
    public static bool HasNoSingleRows(KernelPlan plan, VectorWidth width, int block)
    {
        int rows = RowTiling.RowBlock(plan, width, block);
        return rows > 1 && plan.IsConvolution && RowTiling.LayoutOf(plan, width, guarded: false, rows) != TapLayout.Unrolled;
    }

    // The interior or border pass of rows, or the one pass that serves both. Where the rows have end vectors, a guarded
    // pass serves them, and so does the interior pass of blocks when there are no border blocks.
    private static RowPass Pass(KernelPlan plan, VectorWidth width, int block, int rows, bool guarded)
        => RowTiling.MergesBorderRows(plan, width, rows)
            ? new RowPass(width, block, rows, Guarded: true, AllRows: true, ServesEnds: ServesEnds(plan, width))
            : new RowPass(width, block, rows, guarded, ServesEnds: ServesEnds(plan, width) && (guarded || EndsInInteriorPass(plan, rows)));

    private void Add(RowPass pass)
    {
        if (_passes.ContainsKey(pass))
        {
            return;
        }

        _passes.Add(pass, pass);
        All.Add(pass);
    }
}
