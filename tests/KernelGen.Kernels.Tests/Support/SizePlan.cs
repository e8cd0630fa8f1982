namespace KernelGen.Kernels.Tests;

/// <summary>
/// The input sizes a case is checked at. Widths 1‥70 (every one; multi-channel cases whose cost would exceed
/// <see cref="Budget"/> keep 1‥24 and a spread up to 70), each paired with heights rotating through 1‥20 twice, plus
/// every height at the narrowest and widest width, and the window's own size; windows near or past the range add
/// Keff‥Keff + 70 (or + 20 for heights).
/// Large images (200 × 300, and 1D lengths up to 4099) are added where they fit the budget. Sizes whose output would
/// be empty (Valid with n &lt; Keff) are skipped.
/// </summary>
public static class SizePlan
{
    /// <summary>Multiply-adds of one reference run over all sizes of one case.</summary>
    public const long Budget = 20_000_000;

    public const int MaxWidth = 70;
    public const int MaxHeight = 20;

    public static IReadOnlyList<(int Height, int Width)> For(KernelCase c)
    {
        List<int> widths = Candidates(MaxWidth, c.KernelWidth, c.StrideWidth, c)
            .Where(w => c.OutputShape(1 + HeightReach(c), w).Width > 0).ToList();
        List<int> heights = c.Is2D
            ? Candidates(MaxHeight, c.KernelHeight, c.StrideHeight, c).Where(h => c.OutputShape(h, 1 + WidthReach(c)).Height > 0).ToList()
            : [1];

        List<(int Height, int Width)> sizes = Pair(heights, widths);
        bool singleChannel = c.InChannels == 1 && c.OutChannels == 1;
        for (int step = 2; !singleChannel && Cost(c, sizes) > Budget && step < widths.Count; step++)
        {
            int keep = step;
            sizes = Pair(heights, widths.Where((w, i) => w <= 24 || i % keep == 0 || i == widths.Count - 1).ToList());
        }

        // The window's own size: a pool's map that is its window takes the whole-plane path (one output per channel).
        if (c.OutputLength(c.KernelHeight, c.KernelWidth) > 0)
        {
            sizes.Add((c.KernelHeight, c.KernelWidth));
        }

        (int Height, int Width)[] large = c.Is2D
            ? [(200, 300), (64, 129)]
            : [(1, 257), (1, 1000), (1, 4099)];
        foreach ((int h, int w) in large)
        {
            if (c.OutputLength(h, w) > 0 && Cost(c, sizes) + c.Cost(h, w) <= 2 * Budget)
            {
                sizes.Add((h, w));
            }
        }

        return sizes.Distinct().ToList();
    }

    public static long Cost(KernelCase c, IEnumerable<(int Height, int Width)> sizes) => sizes.Sum(s => c.Cost(s.Height, s.Width));

    // 1‥max, and for windows near or past max also Keff‥Keff + max, so that Valid still has a full range.
    private static IEnumerable<int> Candidates(int max, int kernel, int stride, KernelCase c)
    {
        int effective = ShapeMath.EffectiveSize(kernel, c.IsConvolution ? c.Dilation : 1);
        IEnumerable<int> sizes = Enumerable.Range(1, max);
        if (effective > max - 6)
        {
            sizes = sizes.Concat(Enumerable.Range(effective, max));
        }

        return sizes.Distinct();
    }

    // Sizes large enough in the other dimension that only this dimension decides emptiness.
    private static int HeightReach(KernelCase c) => 4 * ShapeMath.EffectiveSize(c.KernelHeight, c.IsConvolution ? c.Dilation : 1);

    private static int WidthReach(KernelCase c) => 4 * ShapeMath.EffectiveSize(c.KernelWidth, c.IsConvolution ? c.Dilation : 1);

    private static List<(int Height, int Width)> Pair(List<int> heights, List<int> widths)
    {
        var sizes = new List<(int Height, int Width)>();
        var random = new Random(widths.Count * 31 + heights.Count);
        for (int i = 0; i < widths.Count; i++)
        {
            sizes.Add((heights[i % heights.Count], widths[i]));
            sizes.Add((heights[random.Next(heights.Count)], widths[i]));
        }

        foreach (int h in heights)
        {
            sizes.Add((h, widths[0]));
            sizes.Add((h, widths[^1]));
        }

        return sizes.Distinct().ToList();
    }
}
