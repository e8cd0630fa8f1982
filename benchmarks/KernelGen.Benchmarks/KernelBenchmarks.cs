using BenchmarkDotNet.Attributes;

namespace KernelGen.Benchmarks;

/// <summary>The full BenchmarkDotNet suite: each shape, generated against the reference baseline.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    [ParamsSource(nameof(Shapes))]
    public string ShapeName { get; set; } = "";

    public static IEnumerable<string> Shapes => Shape.All.Select(s => s.Name);

    private Shape _shape = null!;

    [GlobalSetup]
    public void Setup() => _shape = Shape.All.Single(s => s.Name == ShapeName);

    [Benchmark(Baseline = true)]
    public void Reference() => _shape.RunReference();

    [Benchmark]
    public void Generated() => _shape.RunGenerated();
}
