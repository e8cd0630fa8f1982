namespace KernelGen.Kernels.Tests;

/// <summary>
/// How the catalog is split into the child processes of <see cref="GuardPageTests"/>: every kernel in exactly one
/// batch, batches of about equal work (longest first into the lightest batch), the same split in the parent and the
/// child because both compute it from the same catalog.
/// </summary>
public static class GuardPagePlan
{
    public const int BatchCount = 6;

    /// <summary>The passes each size is run in; see <see cref="GuardPageChild"/>.</summary>
    public static readonly string[] Passes = ["end", "start"];

    public static IReadOnlyList<KernelCase>[] Batches(int count)
    {
        var batches = Enumerable.Range(0, count).Select(_ => new List<KernelCase>()).ToArray();
        var load = new long[count];
        foreach (KernelCase c in KernelCatalog.All.OrderByDescending(Cost).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            int lightest = Array.IndexOf(load, load.Min());
            batches[lightest].Add(c);
            load[lightest] += Cost(c);
        }

        return [.. batches.Select(b => (IReadOnlyList<KernelCase>)b.OrderBy(c => c.Name, StringComparer.Ordinal).ToList())];
    }

    /// <summary>
    /// Work of one kernel in a child: compiling it (a fixed amount per kernel), plus, per size, copying its spans into
    /// place and running it three times (the generated kernel does about 30 multiply-adds in the time of one copy).
    /// </summary>
    public static long Cost(KernelCase c)
    {
        const long Compile = 2_000_000;
        IReadOnlyList<(int Height, int Width)> sizes = SizePlan.For(c);
        return Compile + sizes.Sum(s => c.Cost(s.Height, s.Width) / 10 + c.InputLength(s.Height, s.Width) + c.OutputLength(s.Height, s.Width));
    }
}
