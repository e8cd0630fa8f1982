using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace KernelGen.Benchmarks;

/// <summary>
/// The quick mode (the main job): measures the single-core FMA peak, then for every shape checks the generated and
/// the hand-vectorized kernel against the reference and times the three (warm-up, then the median of repeated
/// batches) and its memory bound (<see cref="MemoryBound"/>); prints a markdown table and writes it to a file. Timed loops are
/// fully optimized (AggressiveOptimization): a tier-0 loop would read a fraction of the real speed.
/// </summary>
public static partial class QuickBenchmark
{
    /// <summary>What one shape measured.</summary>
    /// <param name="SpanWeights">The generated kernel taking its weights as a span, where <see cref="Generated"/> takes them packed.</param>
    /// <param name="PeerRatio">The generated kernel's time over its peer's, from the rounds they were timed in alternately (NaN without a peer).</param>
    private sealed record Result(Shape Shape, Timing Generated, Timing Hand, Timing Reference, Timing Bound, Timing Peer,
        KernelErrors Errors, long Allocated, Timing SpanWeights, double PeerRatio)
    {
        public bool Correct => Errors.Generated <= Shape.Tolerance && Errors.HandVectorized <= Shape.Tolerance &&
            !(Errors.Peer > Shape.Tolerance);

        /// <summary>The generated kernel's time over ONNX Runtime's (at most 1: as fast or faster); NaN without the peer.</summary>
        public double OverPeer => PeerRatio;

        public double OverHand => Hand.Seconds / Generated.Seconds;

        public double OverReference => Reference.Seconds / Generated.Seconds;

        /// <summary>GFLOP/s, or output elements per ns for pools.</summary>
        public double Rate => Shape.Work / Generated.Seconds / 1e9;

        /// <summary>The generated kernel's time over its memory bound's: at least about 1.</summary>
        public double BoundRatio => Generated.Seconds / Bound.Seconds;

        public double? PercentOfPeak(PeakResult peak) => Shape.IsPool ? null : 100 * Rate / (Shape.IsDouble ? peak.Double : peak.Float);
    }

    /// <summary>Runs the quick mode and writes its table to <paramref name="outputPath"/> (when given).</summary>
    /// <param name="only">Shape names (and <c>constants</c>) to measure, or null for all of them.</param>
    public static int Run(string? outputPath, IReadOnlyCollection<string>? only)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // decimal points, whatever the machine
        var total = Stopwatch.StartNew();
        string machine = Machine();
        Console.Error.WriteLine($"KernelGen quick benchmark on {machine}");
        Console.Error.WriteLine("Measuring the single-core FMA peak...");
        PeakResult peak = Peak.Measure();
        Console.Error.WriteLine($"  float32 Vector512 {peak.Float512:F1} GFLOP/s, Vector256 {peak.Float256:F1}; float64 Vector512 " +
            $"{peak.Double512:F1}, Vector256 {peak.Double256:F1}; one L1 load per FMA {peak.OneAlignedLoad:F1} aligned, " +
            $"{peak.OneLoad:F1} unaligned; unaligned load + broadcast per FMA {peak.TwoLoads:F1}; one FMA chain {peak.OneChain:F1}, " +
            $"four chains {peak.FourChains:F1}");

        IReadOnlyList<Result> results = MeasureAll([.. Shape.All.Where(s => only is null || only.Contains(s.Name))], TimingPlan.Standard);
        var borders = new List<(Result Same, Result Interior)>();
        foreach ((string of, Shape interior) in Shape.BorderChecks.Where(b => results.Any(r => r.Shape.Name == b.Of)))
        {
            Result same = results.Single(r => r.Shape.Name == of);
            Result r = Measure(interior, TimingPlan.Standard, generatedOnly: true);
            borders.Add((same, r));
            Console.Error.WriteLine($"[border check] {interior.Description}: generated {Format(r.Generated.Seconds)} " +
                $"(Same: {Format(same.Generated.Seconds)}); errors {r.Errors.Generated:E1} {(r.Correct ? "ok" : "MISMATCH")}");
        }

        IReadOnlyList<Result> layers = MeasureAll(
            [.. Networks.NetworkLayers.Layers.Where(l => only is null || only.Contains("networks") || only.Contains(l.Name))], TimingPlan.Network);

        // Again after the kernels (before the constant-weight pairs: each pair's ratio is its own), keeping the better reading of each probe: on a shared machine a busy spell during
        // the first measurement would otherwise lower the peak and inflate every percentage.
        Console.Error.WriteLine("Measuring the single-core FMA peak again...");
        peak = PeakResult.Best(peak, Peak.Measure());

        var constants = new List<string>();
        bool constantsCorrect = true;
        foreach (ConstantWeightPairs.Pair pair in ConstantWeightPairs.All.Where(_ => only is null || only.Contains("constants")))
        {
            double error = pair.Verify();
            constantsCorrect &= error < 1e-5;
            (double runtime, double constant, double speedUp) = TimePair(pair.Runtime, pair.Constant, TimingPlan.Standard);
            string target = pair.Target is { } t ? $"≥{t:0.0#}x {(speedUp >= t ? "✓" : "✗")}" : "";
            constants.Add($"| {pair.Name} | {Format(runtime)} | {Format(constant)} | {speedUp:F2}x | {target} |" +
                (error < 1e-5 ? "" : $" **MISMATCH {error:E1}**"));
            Console.Error.WriteLine($"[constant weights] {pair.Name}: run-time weights {Format(runtime)}, constant {Format(constant)}, {speedUp:F2}x");
        }

        string text = Table(machine, peak, results, borders) + Environment.NewLine +
            (layers.Count == 0 ? "" : NetworkTable(peak, layers) + Environment.NewLine) +
            (constants.Count == 0 ? "" :
                "Constant weights (the attribute's `Weights`) against the same generated kernel with run-time weights, 1080x1920, one channel, Same:" +
                Environment.NewLine + Environment.NewLine +
                "Timed in alternating batches, so both kernels see the same machine; the speed-up is the median of the per-round ratios." +
                Environment.NewLine + Environment.NewLine +
                "| filter | run-time weights | constant weights | speed-up | target (issue 4) |" + Environment.NewLine + "|---|---:|---:|---:|---|" + Environment.NewLine +
                string.Join(Environment.NewLine, constants) + Environment.NewLine);
        Console.WriteLine(text);
        if (outputPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
            File.WriteAllText(outputPath, text);
            if (layers.Count != 0)
            {
                File.WriteAllText(Path.ChangeExtension(outputPath, ".svg"), Networks.NetworkChart.Svg(layers.Select(ChartRow).ToList()));
            }

            Console.Error.WriteLine($"Written to {Path.GetFullPath(outputPath)} in {total.Elapsed.TotalSeconds:F0} s.");
        }
        return constantsCorrect && results.Concat(borders.Select(b => b.Interior)).Concat(layers).All(r => r.Correct && r.Allocated == 0) ? 0 : 1;
    }

    /// <summary>Measures each shape in turn (<see cref="Measure"/>), telling its figures on the error stream.</summary>
    private static List<Result> MeasureAll(IReadOnlyList<Shape> shapes, TimingPlan plan)
    {
        var results = new List<Result>();
        for (int s = 0; s < shapes.Count; s++)
        {
            var watch = Stopwatch.StartNew();
            Result r = Measure(shapes[s], plan);
            results.Add(r);
            Console.Error.WriteLine($"[{s + 1}/{shapes.Count}] {r.Shape.Name} {r.Shape.Description}: generated {Format(r.Generated.Seconds)}, " +
                $"hand-vectorized {Format(r.Hand.Seconds)}, reference {Format(r.Reference.Seconds)}, " +
                (r.Shape.HasPeer ? $"ONNX Runtime {Format(r.Peer.Seconds)}, " : "") +
                (double.IsNaN(r.Bound.Seconds) ? "" : $"memory bound {Format(r.Bound.Seconds)}") + "; " +
                $"errors {r.Errors.Generated:E1} / {r.Errors.HandVectorized:E1}{(r.Errors.Peer is { } p ? $" / {p:E1}" : "")} " +
                $"{(r.Correct ? "ok" : "MISMATCH")}, {r.Allocated} B allocated per generated call ({watch.Elapsed.TotalSeconds:F1} s)");
        }

        return results;
    }

    /// <summary>
    /// Checks the shape's kernels (and its peer) against the reference, then times them and the memory bound (or only
    /// the generated kernel).
    /// </summary>
    private static Result Measure(Shape shape, TimingPlan plan, bool generatedOnly = false)
    {
        shape.Allocate();
        try
        {
            KernelErrors errors = shape.Verify(); // also the first warm-up call of each
            GC.Collect(); // the check's garbage, so no collection lands in a timing
            GC.WaitForPendingFinalizers();
            // The generated kernel last: its methods, compiled for the check, have then had time to pass tiered
            // compilation's call-counting delay, so its warm-up reaches the optimized code. In the network layers the
            // two are timed in alternating rounds, so that the ratio of their times compares them on the same machine state.
            Timing reference = generatedOnly ? Timing.None : Time(shape.RunReference, plan, errors.ReferenceSeconds);
            Timing hand = generatedOnly ? Timing.None : Time(shape.RunHandVectorized, plan);
            Timing bound = generatedOnly || !(shape.IsPool || plan.ConvolutionBounds) ? Timing.None : Time(shape.RunBound, plan);
            Timing spanWeights = shape.HasPackedWeights ? Time(shape.RunSpanWeights, TimingPlan.SpanWeights) : Timing.None;
            (Timing generated, Timing peer, double peerRatio) = generatedOnly || !shape.HasPeer ? (Time(shape.RunGenerated, plan), Timing.None, double.NaN)
                : plan.AlternatesWithPeer ? TimeWithPeer(shape.RunGenerated, shape.RunPeer, plan)
                : TimeBackToBack(shape.RunGenerated, shape.RunPeer, plan);
            long allocated = Math.Max(AllocatedPerCall(shape.RunGenerated), shape.HasPackedWeights ? AllocatedPerCall(shape.RunSpanWeights) : 0);
            return new Result(shape, generated, hand, reference, bound, peer, errors, allocated, spanWeights, peerRatio);
        }
        finally
        {
            shape.Release();
        }
    }

    /// <summary>The peer, then the generated kernel, each timed back to back; the ratio of their medians.</summary>
    private static (Timing Generated, Timing Peer, double Ratio) TimeBackToBack(Action generated, Action peer, TimingPlan plan)
    {
        Timing peerTiming = Time(peer, plan), generatedTiming = Time(generated, plan);
        return (generatedTiming, peerTiming, generatedTiming.Seconds / peerTiming.Seconds);
    }

    private static string Table(string machine, PeakResult peak, IReadOnlyList<Result> results, List<(Result Same, Result Interior)> borders)
    {
        var misses = new List<string>();
        var table = new StringBuilder();
        table.AppendLine($"KernelGen quick benchmark: {machine}; single thread, batch 1, CHW, weights OIHW.");
        table.AppendLine();
        table.AppendLine($"Measured single-core peak (16 independent Vector512 FMA chains, 12 of Vector256, AggressiveOptimization, best of 14 runs, 7 before the kernels and 7 after): float32 " +
            $"**{peak.Float:F1} GFLOP/s with {peak.FloatWidth}** (Vector512 {peak.Float512:F1}, Vector256 {peak.Float256:F1}); float64 " +
            $"{peak.Double:F1} GFLOP/s. The same chains when each FMA also loads its vector from L1 (the bound of a kernel with " +
            $"that mix): {peak.OneAlignedLoad:F1} GFLOP/s ({Percent(peak.OneAlignedLoad, peak)}) with aligned loads, " +
            $"{peak.OneLoad:F1} ({Percent(peak.OneLoad, peak)}) with loads crossing cache lines as a window's shifted loads do, " +
            $"{peak.TwoLoads:F1} ({Percent(peak.TwoLoads, peak)}) when each FMA also broadcasts its weight from memory. " +
            $"FMA latency: one dependent chain (one accumulator) {peak.OneChain:F1} GFLOP/s ({Percent(peak.OneChain, peak)}), " +
            $"four chains {peak.FourChains:F1} ({Percent(peak.FourChains, peak)}).");
        table.AppendLine();
        table.AppendLine("| shape | what | generated | hand-vectorized | reference | ONNX Runtime | vs hand | vs reference | generated rate | % of peak | time / bound | generated / ORT | targets |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (Result r in results)
        {
            double? percent = r.PercentOfPeak(peak);
            table.AppendLine($"| {r.Shape.Name} | {r.Shape.Description} | {Format(r.Generated.Seconds)} | {Format(r.Hand.Seconds)} | " +
                $"{Format(r.Reference.Seconds)}{(r.Reference.Few ? " ¹" : "")} | {PeerCell(r)} | {r.OverHand:F1}x | {r.OverReference:F1}x | " +
                $"{r.Rate:F1} {r.Shape.Unit} | {(percent is { } p ? $"{p:F0}%" : "—")} | {r.BoundRatio:F2} | {PeerRatioCell(r)} | " +
                $"{TargetCell(r, percent, misses)}{(r.Correct ? "" : " **MISMATCH**")} |");
        }

        table.AppendLine();
        string clock = CpuClock.IsThreadCpuTime
            ? "Times are the benchmark thread's CPU time (the machine may be shared: the timings got " +
              $"{100 * _cpuSeconds / _wallSeconds:F0}% of a core in wall time), medians"
            : "Times are wall-clock medians";
        string[] slow = [.. results.Where(r => r.Reference.Few).Select(r => r.Shape.Name)];
        TimingPlan plan = TimingPlan.Standard;
        table.AppendLine($"{clock}: after a warm-up of at least {plan.WarmUp.TotalMilliseconds:F0} ms, of about " +
            $"{TimingPlan.Batch.TotalMilliseconds:F0} ms batches over {plan.Budget.TotalMilliseconds:F0} ms." +
            (slow.Length == 0 ? "" : $" ¹ A reference slower than {plan.SlowCall.TotalMilliseconds:F0} ms per call " +
                $"({string.Join(", ", slow)}) is timed with fewer repetitions: the median of {plan.SlowSamples} single calls after " +
                $"{TimingPlan.SlowWarmUp.TotalMilliseconds:F0} ms of warm-up calls."));
        table.AppendLine(PeerNote);
        table.AppendLine("Rates: 2 FLOP per multiply-add; pools in output elements per ns (no FLOP peak). % of peak: of the float32 peak, " +
            "or of the float64 peak for the -f64 shapes. time / bound: the generated kernel's time over its memory bound's, " +
            "one vectorized pass that reads an input of the kernel's size once and writes an output of its size once " +
            "(each output vector the maximum of its share of the input vectors), timed the same way in the same run.");
        table.AppendLine(ErrorsNote(results));
        string[] allocating = [.. results.Where(r => r.Allocated != 0).Select(r => $"{r.Shape.Name} ({r.Allocated} B)")];
        table.AppendLine(allocating.Length == 0
            ? "Every generated kernel allocated 0 B per call (GC.GetAllocatedBytesForCurrentThread over 3 calls after the timings)."
            : $"**Generated kernels that allocate, per call: {string.Join(", ", allocating)}.**");
        table.AppendLine(misses.Count == 0 ? "Every target of the issue is met." : $"Targets missed: {string.Join("; ", misses)}.");
        if (borders.Count == 0)
        {
            return table.ToString();
        }

        table.AppendLine();
        table.AppendLine("What the Same-padding borders cost: each of these layers again as a Valid convolution of an input one pixel " +
            "larger on every side (the same outputs and FLOPs, no border code), generated kernel only:");
        table.AppendLine();
        table.AppendLine("| shape | generated, Same (above) | generated, no borders | borders' share of the Same time | rate without borders | % of peak |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach ((Result same, Result interior) in borders)
        {
            table.AppendLine($"| {same.Shape.Name} | {Format(same.Generated.Seconds)} | {Format(interior.Generated.Seconds)}" +
                $"{(interior.Correct ? "" : " **MISMATCH**")} | {100 * (1 - interior.Generated.Seconds / same.Generated.Seconds):F0}% | " +
                $"{interior.Rate:F1} GFLOP/s | {interior.PercentOfPeak(peak):F0}% |");
        }

        return table.ToString();
    }

    private static string Percent(double rate, PeakResult peak) => $"{100 * rate / peak.Float:F0}%";

    private const string PeerNote =
        "ONNX Runtime: a single-operator model built in memory (the weights and bias initializers, a Relu node after a Conv " +
        "with ReLU, explicit pads equal to KernelGen's padding), one thread (IntraOpNumThreads = 1, sequential), all graph " +
        "optimizations, input and output bound once to the benchmark's own arrays with IOBinding; its output is checked " +
        "against the reference before it is timed. It has no float64 convolution. generated / ORT: the generated kernel's " +
        "time over ONNX Runtime's (below 1: the generated kernel is faster).";

    private static string PeerCell(Result r) => r.Shape.HasPeer ? Format(r.Peer.Seconds) : "—";

    private static string PeerRatioCell(Result r) => r.Shape.HasPeer ? $"{r.OverPeer:F2}" : "—";

    /// <summary>The largest errors of the kernels against the reference, and which shapes missed their tolerance.</summary>
    private static string ErrorsNote(IReadOnlyList<Result> results)
    {
        string[] wrong = [.. results.Where(r => !r.Correct).Select(r =>
            $"{r.Shape.Name} (errors {r.Errors.Generated:E1} / {r.Errors.HandVectorized:E1} / {r.Errors.Peer:E1})")];
        return "Every generated and hand-vectorized kernel, and ONNX Runtime, is checked against `ReferenceKernels` on its shape first " +
            $"(largest error relative to 1 + |expected|: generated {results.Select(r => r.Errors.Generated).DefaultIfEmpty().Max():E1}, " +
            $"hand-vectorized {results.Select(r => r.Errors.HandVectorized).DefaultIfEmpty().Max():E1}, " +
            $"ONNX Runtime {results.Select(r => r.Errors.Peer ?? 0).DefaultIfEmpty().Max():E1}" +
            (wrong.Length == 0 ? "; all within tolerance)." : $"; **MISMATCH: {string.Join(", ", wrong)}**).");
    }

    /// <summary>Each target of the shape with ✓ or ✗; the missed ones also go to <paramref name="misses"/> with the shortfall.</summary>
    private static string TargetCell(Result r, double? percent, List<string> misses)
    {
        var cells = new List<string>();
        void Check(string what, bool met, string actual, string shortfall)
        {
            cells.Add($"{what} {(met ? "✓" : "✗")}");
            if (!met)
            {
                misses.Add($"{r.Shape.Name} {what}: {actual} ({shortfall})");
            }
        }

        Targets t = r.Shape.Targets;
        if (t.OverReference is { } x)
        {
            Check($"ref ≥{x:F0}x", r.OverReference >= x, $"{r.OverReference:F1}x", $"{x / r.OverReference:F2}x short");
        }

        if (t.OverHand is { } h)
        {
            Check($"hand ≥{h:F0}x", r.OverHand >= h, $"{r.OverHand:F2}x", $"{h / r.OverHand:F2}x short");
        }

        if (t.PercentOfPeak is { } p && percent is { } actual)
        {
            Check($"peak ≥{p:F0}%", actual >= p, $"{actual:F0}%", $"{p - actual:F0} points, {p / actual:F2}x short");
        }

        if (t.PeerRatio is { } q && r.Shape.HasPeer)
        {
            Check($"ORT ≤{q:F1}x", r.OverPeer <= q, $"{r.OverPeer:F2}x ONNX Runtime's time", $"{r.OverPeer / q:F2}x over");
        }

        if (t.BoundRatio is { } c)
        {
            Check($"bound ≤{c:F1}x", r.BoundRatio <= c, $"{r.BoundRatio:F2}x the memory bound", $"{r.BoundRatio / c:F2}x over");
        }

        return string.Join(", ", cells);
    }

    /// <summary>The CPU, its cores, whether AVX-512 is used, the OS and the .NET version.</summary>
    private static string Machine()
    {
        string cpu = "unknown CPU";
        try
        {
            string? line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            if (line is not null)
            {
                cpu = line[(line.IndexOf(':') + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }

        string path = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256"
            : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";
        string avx512 = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "AVX-512" : "no AVX-512";
        return $"{cpu}, {Environment.ProcessorCount} cores, {avx512} (vector path {path}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
