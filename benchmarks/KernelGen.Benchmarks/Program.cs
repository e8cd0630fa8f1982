using BenchmarkDotNet.Running;
using KernelGen.Benchmarks;

// No arguments: the quick table (the main job). Any argument (e.g. --filter '*'): the full BenchmarkDotNet suite;
// `--filter '*Generated*' --job short` is the quick allocation check of the generated kernels.
if (args.Length == 0)
{
    return QuickBenchmark.Run(Path.Combine("BenchmarkResults", "quick.md"));
}

BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
return 0;
