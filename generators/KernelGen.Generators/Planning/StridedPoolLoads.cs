using KernelGen.Generators.Model;

namespace KernelGen.Generators.Planning;

/// <summary>
/// The loads of a strided pool's vector pass (see <see cref="RowTiling.IsShuffledStridedPool"/>): whole vectors,
/// from which each window column's lanes are shuffled out.
/// </summary>
internal static class StridedPoolLoads
{
    /// <summary>
    /// The window columns of a strided row grouped by the vectors they can share: columns j with the same
    /// j − j mod stride read their lanes out of the same loaded vectors, as many as the group's last column needs,
    /// loaded from <c>Start</c> (a column offset from the window's first column). Where those vectors hold more than
    /// the group needs, they start earlier (never before the window's first column), so that they end at the last
    /// element the group uses and read nothing past it. A group that would read further than a strided load of its
    /// last column does is split into single columns, each loading from its own offset.
    /// </summary>
    public static List<(int Start, int[] Columns, int Parts)> Groups(int kernelWidth, int stride, int lanes)
    {
        int single = VectorsPerStridedLoad(stride, lanes);
        var groups = new List<(int, int[], int)>();
        foreach (var group in Enumerable.Range(0, kernelWidth).GroupBy(j => j - j % stride))
        {
            int last = group.Max() - group.Key;
            int parts = (last + (lanes - 1) * stride) / lanes + 1;
            if (parts * lanes <= last + single * lanes)
            {
                int slack = parts * lanes - (last + (lanes - 1) * stride + 1); // loaded elements past the last one used
                groups.Add((Math.Max(0, group.Key - slack), [.. group], parts));
            }
            else
            {
                groups.AddRange(group.Select(j => (j, new[] { j }, single)));
            }
        }

        return groups;
    }

    /// <summary>
    /// Elements the loads of one output vector read past the last input column its windows use: 0 when the groups
    /// cover whole vectors exactly (a 2 × 2 stride-2 window: 2 vectors for 16 outputs of 2 columns), at most the
    /// stride − 1 of a strided load.
    /// </summary>
    public static int OverRead(int kernelWidth, int stride, int lanes)
    {
        int lastUsed = (lanes - 1) * stride + kernelWidth - 1;
        int lastRead = Groups(kernelWidth, stride, lanes).Max(g => g.Start + g.Parts * lanes - 1);
        return Math.Max(0, lastRead - lastUsed);
    }

    /// <summary>The vectors one strided load (lanes source[offset + k·stride]) reads.</summary>
    public static int VectorsPerStridedLoad(int stride, int lanes) => (lanes - 1) * stride / lanes + 1;

    /// <summary>
    /// The loaded vectors (parts of a group) that hold lanes of the window column at <paramref name="phase"/> past
    /// its group's start, each with the element of it every output lane takes (out of range: none there).
    /// </summary>
    public static List<(int Part, List<int> Indices)> ColumnSources(int phase, int parts, int lanes, int stride)
        => [.. Enumerable.Range(0, parts)
            .Select(p => (Part: p, Indices: Enumerable.Range(0, lanes).Select(k => phase + k * stride - p * lanes).ToList()))
            .Where(s => s.Indices.Any(at => at >= 0 && at < lanes))];

    /// <summary>
    /// Whether a block of <paramref name="rows"/> output rows folds each input row across its window columns first,
    /// once, into every output row whose window covers it, rather than folding each output row's kernel rows on the
    /// loaded vectors first and then shuffling out its window columns. Rows first pays a row's loads and shuffles per
    /// input row, kernel rows first per output row: the plan takes the cheaper by counting instructions per output
    /// row (<see cref="FoldCost"/>, <see cref="ShuffleCost"/>). Rows first wins where windows overlap down the map
    /// and the shuffles are cheap (3 × 3 stride 2: 17 input rows for 8 output rows, against 24).
    /// </summary>
    public static bool FoldsRowsFirst(KernelPlan plan, VectorWidth width, int rows)
    {
        if (rows == 1)
        {
            return false; // a single output row reads each input row once either way
        }

        KernelSpec s = plan.Spec;
        int lanes = width.Lanes(plan);
        List<(int Start, int[] Columns, int Parts)> groups = Groups(s.KernelWidth, s.StrideWidth, lanes);
        int loads = groups.Sum(g => g.Parts), fold = FoldCost(plan, width);
        int shuffles = groups.Sum(g => g.Columns.Sum(j => ShuffleCost(ColumnSources(j - g.Start, g.Parts, lanes, s.StrideWidth).Count, width)));
        double kernelRowsFirst = loads * s.KernelHeight + fold * loads * (s.KernelHeight - 1) + shuffles + fold * s.KernelWidth;
        double inputRowsPerOutputRow = (double)RowTiling.InputRowsOf(plan, rows) / rows;
        double rowsFirst = inputRowsPerOutputRow * (loads + shuffles + fold * (s.KernelWidth - 1)) + fold * (s.KernelHeight - 1);
        return rowsFirst < kernelRowsFirst;
    }

    /// <summary>
    /// Instructions of one fold: an add is one; an IEEE max (a NaN propagates, +0 above −0) three with AVX-512
    /// (vrangeps and two fix-ups), about eight with AVX2 only, where the narrower widths run.
    /// </summary>
    private static int FoldCost(KernelPlan plan, VectorWidth width)
        => plan.Spec.Operation != KernelOperation.MaxPool ? 1 : width == VectorWidth.V512 ? 3 : 8;

    /// <summary>
    /// Instructions taking one window column's lanes out of <paramref name="sources"/> loaded vectors: one
    /// permute and a zeroing mask each, or-ed together; two consecutive ones at 512 bits one two-source permute.
    /// </summary>
    private static int ShuffleCost(int sources, VectorWidth width)
        => sources == 2 && width == VectorWidth.V512 ? 1 : 3 * sources - 1;
}
