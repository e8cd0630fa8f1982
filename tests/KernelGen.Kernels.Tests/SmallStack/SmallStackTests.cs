using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// The stack bound of docs/semantics.md, “The generated code”: a kernel call fits a thread created with a 64 KiB stack (its larger buffers are per-thread
/// scratch, <see cref="KernelScratch"/>). Every kernel of the catalog runs on such a thread, checked against the
/// reference (<see cref="SmallStackChild"/>); a stack overflow kills the process, so it runs in a child process and
/// an overflow fails the test, naming the call.
/// </summary>
public sealed class SmallStackTests(ITestOutputHelper output)
{
    private const int StackKiB = 64;

    /// <summary>
    /// The most stack a warm call may take. No buffer is on the stack any more; what remains is the JIT's frames, the
    /// largest about 9.5 KiB measured (a chunked channel-lane block method, whose transposing store is no longer
    /// inlined for that reason; the row layout's deepest take about 8 KiB). The README states the figure.
    /// </summary>
    private const int MaxWarmBytes = 12 * 1024;

    // Not a performance bound: only there so that a hung child fails the run instead of stalling it.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public void EveryKernelRunsOnASixtyFourKiBStack()
    {
        int sizes = KernelCatalog.All.Sum(c => SmallStackChild.Sizes(c).Count);
        ChildRun run = ChildRun.Start($"--small-stack {StackKiB}", HangLimit);

        output.WriteLine($"child exit code {run.ExitCode}, {run.Elapsed.TotalSeconds:F1} s; {run.DoneLine ?? "(no summary line)"}");
        Assert.False(run.TimedOut, $"The child was still running after {HangLimit}; it had started: {run.LastStarted}.");
        Assert.True(run.ExitCode is 0 or 1,
            $"The child crashed (exit code {run.ExitCode}), most likely a stack overflow, in the call it announced last: " +
            $"{run.LastStarted ?? "none"}.{Environment.NewLine}Its error output:{Environment.NewLine}{run.Errors}");
        Assert.True(run.ExitCode == 0,
            $"The child reported {run.Failures.Count} failures:{Environment.NewLine}" + string.Join(Environment.NewLine, run.Failures.Take(10)));
        Assert.Equal(GuardPageChild.VectorPath(), run.VectorPath);
        Assert.Equal($"{GuardPageChild.DonePrefix}{StackKiB} KiB stack: {KernelCatalog.All.Count()} kernels, {sizes} sizes, 0 failures", run.DoneLine);
        Assert.Equal(sizes, run.CallsStarted);
    }

    /// <summary>How much stack each call takes, measured (<see cref="SmallStackChild.Depth"/>): a warm call at most a few KiB.</summary>
    [Fact]
    public void AWarmCallTakesAFewKiBOfStack()
    {
        ChildRun run = ChildRun.Start("--stack-depth", HangLimit);

        output.WriteLine($"child exit code {run.ExitCode}, {run.Elapsed.TotalSeconds:F1} s; {run.DoneLine ?? "(no summary line)"}");
        Assert.True(run.ExitCode == 0, $"The child failed (exit code {run.ExitCode}):{Environment.NewLine}{run.Errors}");
        var depths = run.Lines.Where(l => l.StartsWith(SmallStackChild.StackPrefix, StringComparison.Ordinal))
            .Select(l => l[SmallStackChild.StackPrefix.Length..].Split(' '))
            .Select(p => (Name: p[0], Cold: long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), Warm: long.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var d in depths.OrderByDescending(d => d.Warm).Take(10))
        {
            output.WriteLine($"{d.Name}: cold call {d.Cold} bytes, warm call {d.Warm} bytes");
        }

        Assert.Equal(KernelCatalog.All.Count(), depths.Count);
        Assert.All(depths, d => Assert.InRange(d.Warm, 1, MaxWarmBytes));
        Assert.All(depths, d => Assert.InRange(d.Cold, 1, StackKiB * 1024));
    }
}
