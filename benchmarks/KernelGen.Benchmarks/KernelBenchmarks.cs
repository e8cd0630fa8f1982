using BenchmarkDotNet.Attributes;

namespace KernelGen.Benchmarks;

/// <summary>
/// The full BenchmarkDotNet suite: every shape of the standard set (the parameter), the reference (baseline), the
/// hand-vectorized generic kernel and the generated kernel, with allocations per call. Just the allocation check of
/// the generated kernels, in about four minutes: <c>-- --filter '*Generated*' --job short</c>. The diagnoser counts
/// the whole process's allocations, a few hundred bytes per run whatever the benchmark does, so the slowest shapes
/// (few calls per run) show a few bytes per call; an allocation-free 25 ms spin loop shows the same. The quick mode
/// counts the calling thread's allocations exactly.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "";

    public static IEnumerable<string> Shapes => Benchmarks.Shape.All.Select(s => s.Name);

    private Shape _shape = null!;

    [GlobalSetup]
    public void Setup()
    {
        _shape = Benchmarks.Shape.Find(Shape);
        _shape.Allocate();
        (double generated, double hand, double? peer, _) = _shape.Verify();
        if (generated > _shape.Tolerance || hand > _shape.Tolerance || peer > _shape.Tolerance)
        {
            throw new InvalidOperationException($"{Shape}: a kernel does not match the reference (errors {generated:E1}, {hand:E1}, {peer:E1}).");
        }
    }

    [Benchmark(Baseline = true)]
    public void Reference() => _shape.RunReference();

    [Benchmark]
    public void HandVectorized() => _shape.RunHandVectorized();

    [Benchmark]
    public void Generated() => _shape.RunGenerated();
}
