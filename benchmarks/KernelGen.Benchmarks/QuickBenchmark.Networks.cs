using System.Text;
using KernelGen.Benchmarks.Networks;

namespace KernelGen.Benchmarks;

public static partial class QuickBenchmark
{
    /// <summary>A convolution with at least this many multiply-adds per output is compute-bound: it is held to <see cref="NetworkPeakPercent"/>.</summary>
    private const double ComputeBoundMultiplyAdds = 256;

    private const double NetworkPeakPercent = 80;

    /// <summary>Each network's layers together must be at least this much faster than ONNX Runtime's.</summary>
    private const double NetworkSpeedUp = 1.25;

    /// <summary>The network-layers section: a row per layer, then a row per network (its layers' times, each as often as it occurs).</summary>
    private static string NetworkTable(PeakResult peak, IReadOnlyList<Result> layers)
    {
        var misses = new List<string>();
        var table = new StringBuilder();
        TimingPlan plan = TimingPlan.Network;
        table.AppendLine($"Network layers: every distinct convolution and pooling layer of {string.Join(", ", NetworkLayers.All.Select(n => n.Name))} " +
            "(float, batch 1, 224 x 224 input; 32 x 32 for LeNet-5), timed as above with a shorter warm-up and sampling " +
            $"({plan.WarmUp.TotalMilliseconds:F0} ms of warm-up, {plan.Budget.TotalMilliseconds:F0} ms of samples; a call slower than {plan.SlowCall.TotalMilliseconds:F0} ms: the median of " +
            $"{plan.SlowSamples} single calls after {TimingPlan.SlowWarmUp.TotalMilliseconds:F0} ms of warm-up calls; slower than {TimingPlan.OneCall.TotalSeconds:F0} s: the check's call), the memory bound of pools only. " +
            "The generated kernel and ONNX Runtime are timed in alternating rounds after each one's warm-up, a round of each " +
            $"about {PairBatches * TimingPlan.Batch.TotalMilliseconds:F0} ms after one untimed call (a layer timed with single calls: three rounds of one call each); " +
            "their time columns are the rounds' medians, generated / ORT the median of the rounds' ratios. " +
            $"Targets: generated / ORT ≤ 1 on every layer, and ≥{NetworkPeakPercent:F0}% of the peak on every convolution with at least " +
            $"{ComputeBoundMultiplyAdds:F0} multiply-adds per output. \"generated\": on output maps of at most " +
            $"{NetworkLayers.PackedMaxOutputPixels} pixels, where repacking per call is a visible part of a call, the layer's kernel declared with " +
            "`PackedWeights<float>` weights (packed at its first call and read at every later one, as ONNX Runtime packs its weights " +
            "when a session is created), elsewhere the kernel declared with a span; " +
            $"\"span weights\": the same layer's kernel declared with `ReadOnlySpan<float>` weights, which repacks them on every call " +
            $"(timed with {TimingPlan.SpanWeights.WarmUp.TotalMilliseconds:F0} ms of warm-up and of samples).");
        table.AppendLine();
        table.AppendLine("| layer | what | occurs | generated | span weights | hand-vectorized | reference | ONNX Runtime | generated rate | % of peak | time / bound | generated / ORT | targets |");
        table.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (Result r in layers)
        {
            double? percent = r.PercentOfPeak(peak);
            string occurs = string.Join(", ", NetworkLayers.All
                .SelectMany(n => n.Layers.Where(l => l.Layer == r.Shape).Select(l => l.Count == 1 ? n.Name : $"{n.Name} ×{l.Count}")));
            table.AppendLine($"| {r.Shape.Name} | {r.Shape.Description} | {occurs} | {Format(r.Generated.Seconds)} | {SpanWeightsCell(r)} | {Format(r.Hand.Seconds)} | " +
                $"{Format(r.Reference.Seconds)} | {PeerCell(r)} | {r.Rate:F1} {r.Shape.Unit} | {(percent is { } p ? $"{p:F0}%" : "—")} | " +
                $"{(r.Shape.IsPool ? $"{r.BoundRatio:F2}" : "—")} | {PeerRatioCell(r)} | {NetworkTargetCell(r, percent, misses)}{(r.Correct ? "" : " **MISMATCH**")} |");
        }

        table.AppendLine();
        table.AppendLine(ErrorsNote(layers));
        string[] allocating = [.. layers.Where(r => r.Allocated != 0).Select(r => $"{r.Shape.Name} ({r.Allocated} B)")];
        table.AppendLine(allocating.Length == 0 ? "Every generated kernel allocated 0 B per call." : $"**Generated kernels that allocate, per call: {string.Join(", ", allocating)}.**");
        int faster = layers.Count(r => r.OverPeer <= 1);
        Result[] computeBound = [.. layers.Where(IsComputeBound)];
        table.AppendLine($"{faster} of {layers.Count} layers at least as fast as ONNX Runtime; {computeBound.Count(r => r.PercentOfPeak(peak) >= NetworkPeakPercent)} " +
            $"of the {computeBound.Length} compute-bound convolutions at ≥{NetworkPeakPercent:F0}% of the peak.");
        table.AppendLine();

        List<Network> complete = [.. NetworkLayers.All.Where(n => n.Layers.All(l => layers.Any(r => r.Shape == l.Layer)))];
        if (complete.Count != 0)
        {
            table.AppendLine("Each network: the sum of its layers' times, each layer as many times as it occurs.");
            table.AppendLine();
            table.AppendLine("| network | layers (distinct / in all) | generated | span weights | hand-vectorized | reference | ONNX Runtime | speed-up over ORT | span weights over ORT | target |");
            table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        }

        foreach (Network network in complete)
        {
            var measured = network.Layers.Select(l => (Result: layers.First(r => r.Shape == l.Layer), l.Count)).ToList();
            double Sum(Func<Result, Timing> timing) => measured.Sum(m => m.Count * timing(m.Result).Seconds);
            double generated = Sum(r => r.Generated), peer = Sum(r => r.Peer), speedUp = peer / generated;
            double spans = Sum(r => r.Shape.HasPackedWeights ? r.SpanWeights : r.Generated); // a layer without a twin: the one kernel
            bool met = speedUp >= NetworkSpeedUp;
            if (!met)
            {
                misses.Add($"{network.Name} sum {speedUp:F2}x ONNX Runtime's speed ({NetworkSpeedUp / speedUp:F2}x short)");
            }

            table.AppendLine($"| {network.Name} | {network.Layers.Count} / {network.Layers.Sum(l => l.Count)} | {Format(generated)} | " +
                $"{Format(spans)} | {Format(Sum(r => r.Hand))} | {Format(Sum(r => r.Reference))} | {Format(peer)} | {speedUp:F2}x | {peer / spans:F2}x | " +
                $"≥{NetworkSpeedUp:F2}x {(met ? "✓" : "✗")} |");
        }

        table.AppendLine();
        table.AppendLine(misses.Count == 0 ? "Every network-layer target is met." : $"Network targets missed ({misses.Count}): {string.Join("; ", misses)}.");
        return table.ToString();
    }

    private static string SpanWeightsCell(Result r) => r.Shape.HasPackedWeights ? Format(r.SpanWeights.Seconds) : "—";

    private static bool IsComputeBound(Result r) => !r.Shape.IsPool && r.Shape.MultiplyAddsPerOutput >= ComputeBoundMultiplyAdds;

    private static string NetworkTargetCell(Result r, double? percent, List<string> misses)
    {
        var cells = new List<string>();
        bool fast = r.OverPeer <= 1;
        cells.Add($"ORT ≤1 {(fast ? "✓" : "✗")}");
        if (!fast)
        {
            misses.Add($"{r.Shape.Name} {r.OverPeer:F2}x ONNX Runtime's time");
        }

        if (IsComputeBound(r) && percent is { } p)
        {
            bool met = p >= NetworkPeakPercent;
            cells.Add($"peak ≥{NetworkPeakPercent:F0}% {(met ? "✓" : "✗")}");
            if (!met)
            {
                misses.Add($"{r.Shape.Name} {p:F0}% of the peak");
            }
        }

        return string.Join(", ", cells);
    }

    /// <summary>A layer's speed-ups over the reference, for the chart.</summary>
    private static NetworkChart.Row ChartRow(Result r) =>
        new($"{r.Shape.Name} {r.Shape.Description}", r.Reference.Seconds / r.Generated.Seconds, r.Reference.Seconds / r.Peer.Seconds,
            r.Reference.Seconds / r.Hand.Seconds);
}
