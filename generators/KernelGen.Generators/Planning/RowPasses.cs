namespace KernelGen.Generators.Planning;

/// <summary>
/// The row layout's method inventory: every <see cref="RowPass"/> a kernel's plan needs, in the order they are
/// written. Emitters write exactly these, and find each call's target here, so that a call to a method the plan did
/// not list fails in the generator's tests rather than as a compile error in generated code.
/// </summary>
internal sealed class RowPasses
{
    private readonly Dictionary<RowPass, RowPass> _passes = [];

    private RowPasses(KernelPlan plan)
    {
        foreach (int block in plan.BlockSizes)
        {
            // Blocked rows at each width that blocks them: interior (and border) passes, then one pair of end vectors
            // serving both, since skipping the input rows outside the input costs little on two vectors a row.
            foreach (VectorWidth width in plan.RowWidths)
            {
                int rows = RowTiling.RowBlock(plan, width, block);
                if (rows > 1)
                {
                    Add(new RowPass(width, block, rows, Guarded: false, RowEdge.None));
                    if (RowTiling.HasBorderBlocks(plan))
                    {
                        Add(new RowPass(width, block, rows, Guarded: true, RowEdge.None));
                    }

                    AddEdges(plan, width, block, rows);
                }
            }

            // Single rows at every width and in scalars, interior and border.
            foreach (bool guarded in plan.HasBorderRows ? new[] { false, true } : [false])
            {
                foreach (VectorWidth width in plan.RowWidths.Append(VectorWidth.Scalar))
                {
                    Add(new RowPass(width, block, 1, guarded, RowEdge.None));
                }
            }

            foreach (VectorWidth width in plan.RowWidths)
            {
                AddEdges(plan, width, block, rows: 1);
            }
        }
    }

    /// <summary>Every pass, in the order of the generated file.</summary>
    public List<RowPass> All { get; } = [];

    public static RowPasses For(KernelPlan plan) => new(plan);

    /// <summary>The listed pass; a call site asking for one the plan does not list is a generator bug.</summary>
    public RowPass Get(VectorWidth width, int block, int rows, bool guarded, RowEdge edge = RowEdge.None)
    {
        var wanted = new RowPass(width, block, rows, guarded || edge != RowEdge.None, edge); // an end vector always skips rows outside
        return _passes.TryGetValue(wanted, out RowPass? pass)
            ? pass
            : throw new InvalidOperationException($"The plan lists no row pass {wanted.Name}.");
    }

    private void AddEdges(KernelPlan plan, VectorWidth width, int block, int rows)
    {
        if (plan.HasVectorEdges(width.Lanes(plan)))
        {
            Add(new RowPass(width, block, rows, Guarded: true, RowEdge.Left));
            Add(new RowPass(width, block, rows, Guarded: true, RowEdge.Right));
        }
    }

    private void Add(RowPass pass)
    {
        _passes.Add(pass, pass);
        All.Add(pass);
    }
}
