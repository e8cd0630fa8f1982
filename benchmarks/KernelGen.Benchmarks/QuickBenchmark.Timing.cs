using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelGen.Benchmarks;

/// <summary>How long a kernel is warmed up and sampled, and when a slow one is timed with single calls instead.</summary>
/// <param name="WarmUp">Warm-up of a fast kernel: at least this long (and 30 calls), so tiered compilation has finished.</param>
/// <param name="Budget">Sampling time of a fast kernel, in batches of about 5 ms.</param>
/// <param name="SlowCall">A call slower than this is timed with <paramref name="SlowSamples"/> single calls after <see cref="SlowWarmUp"/> of warm-up calls.</param>
/// <param name="SlowSamples">Single calls of a slow kernel; a call slower than a second is timed by its first call alone.</param>
/// <param name="ConvolutionBounds">Whether convolutions get their memory bound timed too (pools always do).</param>
/// <param name="AlternatesWithPeer">
/// Whether the generated kernel and ONNX Runtime are timed in alternating rounds (the network layers, whose target is
/// their ratio), or each back to back like every other kernel (the standard table, comparable with its earlier runs).
/// </param>
internal sealed record TimingPlan(TimeSpan WarmUp, TimeSpan Budget, TimeSpan SlowCall, int SlowSamples, bool ConvolutionBounds, bool AlternatesWithPeer = false)
{
    /// <summary>The standard table's: 300 ms of warm-up and of samples, single calls above 50 ms.</summary>
    public static TimingPlan Standard { get; } =
        new(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(50), 3, ConvolutionBounds: true);

    /// <summary>
    /// The network layers' (four kernels on each of 55 layers and a fifth on 21, within the main job's three minutes):
    /// 80 ms of warm-up (longer while methods are still being compiled), 60 ms of samples, single calls above 20 ms
    /// (the median of two), no memory bound for convolutions. (At 100 ms each, with the packed-weights twins, a full run
    /// took 177 s on a slow day of the shared machine; at 80 ms of samples with three single calls 169-176 s, with two
    /// 168-177.)
    /// </summary>
    public static TimingPlan Network { get; } =
        new(TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(20), 2, ConvolutionBounds: false, AlternatesWithPeer: true);

    /// <summary>
    /// The network layers' span-weights kernels (the twins of the kernels taking packed weights, shown beside them),
    /// at a shorter plan than the network one, to keep the main job within its three minutes.
    /// </summary>
    public static TimingPlan SpanWeights { get; } =
        new(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(20), 3, ConvolutionBounds: false);

    public static TimeSpan Batch { get; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The least warm-up of a kernel timed with single calls (at least one call after the check's).</summary>
    public static TimeSpan SlowWarmUp { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A call this slow is timed by the one call the check before made.</summary>
    public static TimeSpan OneCall { get; } = TimeSpan.FromSeconds(1);
}

public static partial class QuickBenchmark
{
    /// <summary>One measurement: the median seconds per call; <see cref="Few"/> when timed with single calls.</summary>
    private readonly record struct Timing(double Seconds, bool Few)
    {
        public static Timing None { get; } = new(double.NaN, Few: false);
    }

    /// <summary>
    /// A warm-up goes on until no method has been compiled for this long plus 30 calls' time. Tiered compilation
    /// counts a method's calls only once no method has been compiled for 100 ms, and promotes it after 30 calls; with
    /// dynamic PGO a method takes that step twice (to instrumented code, then to optimized code). A kernel whose work
    /// is one long call of one method (a depthwise layer on small planes) runs its on-stack-replaced loops until then,
    /// twice as slow as its final code in one measured case; a shorter quiet time timed those.
    /// </summary>
    private static readonly TimeSpan QuietJit = TimeSpan.FromMilliseconds(120);

    /// <summary>
    /// A round of a kernel timed against its peer is this many batches of <see cref="TimingPlan.Batch"/> (at least 5
    /// rounds): switching kernels every 5 ms read single-channel 1080 × 1920 (S3) at 1.19-1.5x its memory bound
    /// against 0.88 timed back to back.
    /// </summary>
    private const int PairBatches = 4;

    /// <summary>Rounds of a slow kernel and its peer, one single call of each a round (the median of three ratios).</summary>
    private const int SlowPairRounds = 3;

    /// <summary>Thread CPU time and wall time over every timed sample: their ratio is the share of a core the timings got.</summary>
    private static double _cpuSeconds, _wallSeconds;

    /// <summary>
    /// The median time of a call, on <see cref="CpuClock"/>: batches for a fast kernel, single calls for a slow one;
    /// for one slower than <see cref="TimingPlan.OneCall"/>, <paramref name="checkCall"/> (the check's call) when given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Timing Time(Action kernel, TimingPlan plan, double? checkCall = null)
    {
        if (checkCall > TimingPlan.OneCall.TotalSeconds)
        {
            return new Timing(checkCall.Value, Few: true);
        }

        double first = TimeBatch(kernel, 1);
        if (first > TimingPlan.OneCall.TotalSeconds)
        {
            return new Timing(first, Few: true);
        }

        if (first > plan.SlowCall.TotalSeconds)
        {
            WarmUpSlow(kernel);
            var single = new double[plan.SlowSamples];
            for (int i = 0; i < single.Length; i++)
            {
                single[i] = TimeBatch(kernel, 1);
            }

            return new Timing(Median(single), Few: true);
        }

        int batch = WarmUp(kernel, plan);
        var samples = new List<double>();
        var watch = Stopwatch.StartNew();
        while ((watch.Elapsed < plan.Budget || samples.Count < 9) && (watch.Elapsed < 4 * plan.Budget || samples.Count < 3))
        {
            samples.Add(TimeBatch(kernel, batch));
        }

        return new Timing(Median([.. samples]), Few: false);
    }

    /// <summary>
    /// Warm-up calls of a slow kernel for at least <see cref="TimingPlan.SlowWarmUp"/>: a generated kernel's block
    /// methods are called many times per call, each call too short for on-stack replacement, so they run unoptimized
    /// until tiered compilation has counted them and installed the optimized code, some 100 ms after their first calls.
    /// </summary>
    private static void WarmUpSlow(Action kernel)
    {
        var warm = Stopwatch.StartNew();
        do
        {
            kernel();
        }
        while (warm.Elapsed < TimingPlan.SlowWarmUp);
    }

    /// <summary>
    /// Warms a fast kernel up, long enough for the tiered JIT to install its optimized code (call counting, then a
    /// background compile), and on while methods are still being compiled (at most four times as long); returns the
    /// calls of a batch of about <see cref="TimingPlan.Batch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WarmUp(Action kernel, TimingPlan plan)
    {
        var watch = Stopwatch.StartNew();
        var sinceCompile = Stopwatch.StartNew();
        long compiled = JitInfo.GetCompiledMethodCount();
        int calls = 0;
        while ((watch.Elapsed < plan.WarmUp || calls < 30 || sinceCompile.Elapsed < QuietJit + 30 * (watch.Elapsed / calls)) && watch.Elapsed < 4 * plan.WarmUp)
        {
            kernel();
            calls++;
            if (JitInfo.GetCompiledMethodCount() is long now && now != compiled)
            {
                compiled = now;
                sinceCompile.Restart();
            }
        }

        return Math.Max(1, (int)Math.Round(TimingPlan.Batch.TotalSeconds * calls / watch.Elapsed.TotalSeconds));
    }

    /// <summary>
    /// The generated kernel and its peer, each warmed up as <see cref="Time"/> does, then timed in alternating rounds of
    /// <see cref="PairBatches"/> batches for twice the plan's sampling time: their median seconds per call, and the median over the rounds of the
    /// generated kernel's time over the peer's, a ratio that the shared machine's drifts affect alike (timed one after
    /// the other, a layer's two times could be seconds apart). Where either is slower than the plan's single-call limit,
    /// both are warmed up with single calls and timed in <see cref="SlowPairRounds"/> alternating single calls.
    /// </summary>
    private static (Timing Generated, Timing Peer, double Ratio) TimeWithPeer(Action generated, Action peer, TimingPlan plan)
    {
        if (Math.Max(TimeBatch(generated, 1), TimeBatch(peer, 1)) > plan.SlowCall.TotalSeconds)
        {
            WarmUpSlow(peer);
            WarmUpSlow(generated);
            (double g, double p, double ratio) = AlternatingRounds(() => TimeAfterOneCall(generated, 1), () => TimeAfterOneCall(peer, 1), TimeSpan.Zero, SlowPairRounds, TimeSpan.Zero);
            return (new Timing(g, Few: true), new Timing(p, Few: true), ratio);
        }

        // The generated kernel's warm-up last: its methods, compiled for the check, have then had time to pass tiered
        // compilation's call-counting delay.
        int peerBatch = PairBatches * WarmUp(peer, plan), generatedBatch = PairBatches * WarmUp(generated, plan);
        (double generatedSeconds, double peerSeconds, double peerRatio) = AlternatingRounds(
            () => TimeAfterOneCall(generated, generatedBatch), () => TimeAfterOneCall(peer, peerBatch), 2 * plan.Budget, 5, 8 * plan.Budget);
        return (new Timing(generatedSeconds, Few: false), new Timing(peerSeconds, Few: false), peerRatio);
    }

    /// <summary>
    /// Rounds of one timing of <paramref name="first"/> and then one of <paramref name="second"/> (seconds per call
    /// each), for at least <paramref name="duration"/> and <paramref name="minRounds"/> rounds, but past
    /// <paramref name="cap"/> only until 3 rounds: the medians of both, and the median of the rounds' first / second.
    /// </summary>
    private static (double First, double Second, double Ratio) AlternatingRounds(Func<double> first, Func<double> second, TimeSpan duration, int minRounds, TimeSpan cap)
    {
        var a = new List<double>();
        var b = new List<double>();
        var ratios = new List<double>();
        var watch = Stopwatch.StartNew();
        while ((watch.Elapsed < duration || ratios.Count < minRounds) && (watch.Elapsed < cap || ratios.Count < 3))
        {
            double ta = first(), tb = second();
            a.Add(ta);
            b.Add(tb);
            ratios.Add(ta / tb);
        }

        return (Median([.. a]), Median([.. b]), Median([.. ratios]));
    }

    /// <summary>
    /// Two kernels timed in alternating batches after a joint warm-up: their median seconds per call, and the median
    /// over the rounds of <paramref name="slower"/>'s time over <paramref name="faster"/>'s (a ratio that drifts of
    /// the shared machine affect alike).
    /// </summary>
    private static (double Slower, double Faster, double Ratio) TimePair(Action slower, Action faster, TimingPlan plan)
    {
        var watch = Stopwatch.StartNew();
        int calls = 0;
        while ((watch.Elapsed < plan.WarmUp || calls < 30) && watch.Elapsed < 4 * plan.WarmUp)
        {
            slower();
            faster();
            calls++;
        }

        int batch = Math.Max(1, (int)Math.Round(TimingPlan.Batch.TotalSeconds * calls / watch.Elapsed.TotalSeconds));
        return AlternatingRounds(() => TimeBatch(slower, batch), () => TimeBatch(faster, batch), 2 * plan.Budget, 9, TimeSpan.MaxValue);
    }

    /// <summary>
    /// <see cref="TimeBatch"/> after one untimed call: the first call after the other kernel's batch finds its data
    /// evicted from the caches (ONNX Runtime's 1080 × 1920 map streams 16 MB a call), which a kernel timed back to back
    /// never does; a memory-bound kernel of fast calls paid it once in every 5 ms batch (S3 read 1.40-1.5x its memory
    /// bound, 0.88x timed alone).
    /// </summary>
    private static double TimeAfterOneCall(Action kernel, int calls)
    {
        kernel();
        return TimeBatch(kernel, calls);
    }

    /// <summary>Seconds per call over one batch of <paramref name="calls"/> calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double TimeBatch(Action kernel, int calls)
    {
        double wall = CpuClock.Wall();
        double start = CpuClock.Now();
        for (int i = 0; i < calls; i++)
        {
            kernel();
        }

        double seconds = CpuClock.Now() - start;
        _cpuSeconds += seconds;
        _wallSeconds += CpuClock.Wall() - wall;
        return seconds / calls;
    }

    /// <summary>Bytes the calling thread allocates per call of a warmed-up kernel (the kernels run on the calling thread only).</summary>
    private static long AllocatedPerCall(Action kernel)
    {
        const int calls = 3;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            kernel();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before + calls - 1) / calls;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        int mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static string Format(double seconds) => seconds switch
    {
        < 1e-3 => $"{seconds * 1e6:F1} µs",
        < 1 => $"{seconds * 1e3:F2} ms",
        _ => $"{seconds:F2} s",
    };
}
