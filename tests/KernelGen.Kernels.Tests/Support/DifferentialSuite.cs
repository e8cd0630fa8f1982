using System.Diagnostics;
using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>The one test body: checks a case at every size of its <see cref="SizePlan"/> and reports all failing sizes.</summary>
public static class DifferentialSuite
{
    public static void Verify(string name, ITestOutputHelper output)
    {
        KernelCase c = KernelCatalog.Get(name);
        IReadOnlyList<(int Height, int Width)> sizes = SizePlan.For(c);
        Assert.True(sizes.Count >= 20, $"{name}: only {sizes.Count} sizes have a non-empty output; widen the size plan.");

        var failures = new List<string>();
        long outputs = 0;
        double worst = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < sizes.Count; i++)
        {
            (int h, int w) = sizes[i];
            CheckResult result = c.Check(h, w, TestData.Seed(name, h, w), exactInputSpans: i % 2 == 0);
            outputs += result.Outputs;
            worst = Math.Max(worst, result.WorstErrorRatio);
            if (result.Failure is not null)
            {
                failures.Add(result.Failure);
            }
        }

        output.WriteLine($"{name} [{c.Method}]: {sizes.Count} sizes (heights {sizes.Min(s => s.Height)}..{sizes.Max(s => s.Height)}, " +
            $"widths {sizes.Min(s => s.Width)}..{sizes.Max(s => s.Width)}), {outputs} outputs, worst error {worst:F3} of tolerance, {clock.ElapsedMilliseconds} ms");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sizes.Count} sizes disagree with the reference; first ones:{Environment.NewLine}" +
            string.Join(Environment.NewLine, failures.Take(6)));
        Assert.True(outputs > 0, $"{name}: no output was compared.");
    }
}
