using BenchmarkDotNet.Running;
using KernelGen.Benchmarks;

// No arguments: the quick table (the main job). `--only S6,S7,constants`: the quick table for those rows only, printed
// and not written (for emitter work). Any other argument (e.g. --filter '*'): the full BenchmarkDotNet suite;
// `--filter '*Generated*' --job short` is the quick allocation check of the generated kernels.
if (args.Length == 0)
{
    return QuickBenchmark.Run(Path.Combine("BenchmarkResults", "quick.md"), only: null);
}

if (args is ["--only", string only])
{
    return QuickBenchmark.Run(outputPath: null, only: only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
return 0;
