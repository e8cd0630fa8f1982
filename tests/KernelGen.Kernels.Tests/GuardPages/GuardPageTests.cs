using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// docs/semantics.md, “Errors at run time”, "a kernel never reads or writes outside those prefixes", enforced by the memory system: every
/// kernel of the catalog, at every size of its differential plan, with each span against an inaccessible page
/// (<see cref="GuardPageChild"/>). A stray access kills the process, so each batch runs in a child process, this
/// assembly itself, under the same environment (so the DOTNET_Enable* switches CI sets choose the same vector path).
/// </summary>
public sealed class GuardPageTests(ITestOutputHelper output)
{
    // Not a performance bound: only there so that a hung child fails the run instead of stalling it.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    public static TheoryData<int> BatchIndices => new(Enumerable.Range(0, GuardPagePlan.BatchCount));

    [Theory]
    [MemberData(nameof(BatchIndices))]
    public void KernelsStayInsideTheirSpans(int batch)
    {
        Assert.True(NativePages.Supported, "The guard-page tests need Linux (mmap, mprotect).");
        IReadOnlyList<KernelCase> kernels = GuardPagePlan.Batches(GuardPagePlan.BatchCount)[batch];
        ChildRun run = ChildRun.Start($"--guard-pages {batch}/{GuardPagePlan.BatchCount}", HangLimit);

        output.WriteLine($"batch {batch}: {kernels.Count} kernels, child exit code {run.ExitCode}, {run.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(run.DoneLine ?? "(no summary line)");
        Assert.False(run.TimedOut, $"The child was still running after {HangLimit}; it had started: {run.LastStarted}.");
        Assert.True(run.ExitCode is 0 or 1,
            $"The child crashed (exit code {run.ExitCode}): a kernel touched memory outside its spans. It crashed in the call it " +
            $"announced last, {Describe(run.LastStarted)}.{Environment.NewLine}Its error output:{Environment.NewLine}{run.Errors}");
        Assert.True(run.ExitCode == 0,
            $"The child reported {run.Failures.Count} failures (exit code {run.ExitCode}):{Environment.NewLine}" +
            string.Join(Environment.NewLine, run.Failures.Take(10)) + Environment.NewLine + run.Errors);
        Assert.Equal(GuardPageChild.VectorPath(), run.VectorPath);
        Assert.NotNull(run.DoneLine);
        Assert.Contains($"{kernels.Count} kernels", run.DoneLine, StringComparison.Ordinal);
        int sizes = kernels.Sum(c => SizePlan.For(c).Count);
        Assert.Contains($"{sizes} sizes, {sizes * GuardPagePlan.Passes.Length} guarded calls, 0 failures", run.DoneLine, StringComparison.Ordinal);
        Assert.Equal(sizes * GuardPagePlan.Passes.Length, run.CallsStarted);
    }

    [Fact]
    public void BatchesHoldEveryKernelOnce()
    {
        string[] batched = GuardPagePlan.Batches(GuardPagePlan.BatchCount).SelectMany(b => b).Select(c => c.Name).ToArray();
        string[] all = KernelCatalog.All.Select(c => c.Name).ToArray();
        Assert.Equal(all.Order(StringComparer.Ordinal), batched.Order(StringComparer.Ordinal));
        Assert.All(GuardPagePlan.Batches(GuardPagePlan.BatchCount), b => Assert.NotEmpty(b));
    }

    /// <summary>The guard pages do fault: a read one element past a span kills the child, which reports the call.</summary>
    [Fact]
    public void AnOverReadCrashesTheChildAndIsReported()
    {
        Assert.True(NativePages.Supported, "The guard-page tests need Linux (mmap, mprotect).");
        ChildRun run = ChildRun.Start("--guard-pages-self-test", HangLimit);

        output.WriteLine($"exit code {run.ExitCode}; last started: {run.LastStarted}");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("self-test read past end", run.LastStarted);
        Assert.Contains("AccessViolationException", run.Errors, StringComparison.Ordinal);
    }

    private static string Describe(string? started)
    {
        if (started is null)
        {
            return "none (it crashed before its first kernel call)";
        }

        string[] parts = started.Split(' ');
        return parts.Length == 3
            ? $"kernel {parts[0]} (pass '{parts[1]}': spans {(parts[1].StartsWith("end", StringComparison.Ordinal) ? "ending at" : "starting after")} a guard page) on input size {parts[2]} (height x width)"
            : started;
    }
}
