using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace KernelGen.Benchmarks;

/// <summary>
/// The quick mode: checks each generated kernel against the reference on its shape, then times both (warm-up,
/// then the median of repeated runs) and prints and writes a table. Timed loops are fully optimized
/// (AggressiveOptimization), since a tier-0 loop would read a fraction of the real speed.
/// </summary>
public static class QuickBenchmark
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(400);

    public static int Run(string outputPath)
    {
        string path = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256"
            : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";
        var table = new StringBuilder();
        table.AppendLine($"KernelGen quick benchmark: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, vector path {path}, single thread, float32.");
        table.AppendLine();
        table.AppendLine("| shape | what | generated | reference | speed-up | generated rate |");
        table.AppendLine("|---|---|---:|---:|---:|---:|");
        bool allCorrect = true;
        foreach (Shape shape in Shape.All)
        {
            Console.Error.WriteLine($"[{shape.Name}] {shape.Description}: verifying and timing...");
            double error = shape.Verify();
            bool correct = error < 1e-4;
            allCorrect &= correct;
            double generated = MedianSeconds(shape.RunGenerated);
            double reference = MedianSeconds(shape.RunReference);
            double rate = shape.Work / generated / 1e9;
            table.AppendLine($"| {shape.Name} | {shape.Description} | {Format(generated)} | {Format(reference)} | {reference / generated:F1}x | {rate:F1} {shape.Unit} |"
                + (correct ? "" : $" **MISMATCH {error:E1}**"));
        }

        string text = table.ToString();
        Console.WriteLine(text);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        File.WriteAllText(outputPath, text);
        Console.Error.WriteLine($"Written to {Path.GetFullPath(outputPath)}");
        return allCorrect ? 0 : 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MedianSeconds(Action kernel)
    {
        kernel(); // warm-up and tier-up of the kernel itself
        var watch = Stopwatch.StartNew();
        int calls = 0;
        while (watch.Elapsed < TimeSpan.FromMilliseconds(100) || calls < 3)
        {
            kernel();
            calls++;
        }

        double perCall = watch.Elapsed.TotalSeconds / calls;
        int batch = Math.Max(1, (int)(0.01 / perCall)); // batches of about 10 ms
        var samples = new List<double>();
        watch.Restart();
        while (watch.Elapsed < Budget || samples.Count < 5)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++)
            {
                kernel();
            }

            samples.Add(Stopwatch.GetElapsedTime(start).TotalSeconds / batch);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static string Format(double seconds) => seconds switch
    {
        < 1e-3 => $"{seconds * 1e6:F1} µs",
        < 1 => $"{seconds * 1e3:F2} ms",
        _ => $"{seconds:F2} s",
    };
}
