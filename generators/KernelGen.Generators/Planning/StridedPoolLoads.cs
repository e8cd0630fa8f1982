namespace KernelGen.Generators.Planning;

/// <summary>
/// The loads of a strided pool's vector pass (see <see cref="RowTiling.IsShuffledStridedPool"/>): whole vectors,
/// from which each window column's lanes are shuffled out.
/// </summary>
internal static class StridedPoolLoads
{
    /// <summary>
    /// The window columns of a strided row grouped by the vectors they can share: columns j with the same
    /// j − j mod stride read their lanes out of the same loaded vectors, as many as the group's last column needs.
    /// A group that would read further than a strided load of its last column does is split into single columns,
    /// each loading from its own offset, so no group reads past what a strided load would.
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
                groups.Add((group.Key, [.. group], parts));
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
}
