using System.Diagnostics;
using System.Numerics;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelGen.Samples;

/// <summary>How long a call takes: the best of several timed batches, after a warm-up long enough for tier-1 code.</summary>
public sealed class KernelTimer(bool quick)
{
    /// <summary>Timed batches per measurement (the best one counts).</summary>
    private readonly int runs = quick ? 5 : 25;

    /// <summary>The time a batch should last, so one call's time is well above the clock's resolution.</summary>
    private readonly TimeSpan batchTarget = TimeSpan.FromMilliseconds(quick ? 1 : 4);

    /// <summary>The best time of one call of <paramref name="call"/>, in microseconds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double BestMicroseconds(Action call)
    {
        // Warm-up: the tiered JIT compiles a method first without optimization (then instrumented, with tiered PGO),
        // and recompiles it with full optimization after 30 calls at each step, on a background thread, once no new
        // code has been compiled for 100 ms; a large generated kernel takes a while to compile. So: rounds of 30 calls
        // and a pause, at least three, until the JIT has compiled nothing during a whole round.
        double fastest = double.PositiveInfinity;
        for (int round = 0; round < 25; round++)
        {
            long compiled = JitInfo.GetCompiledMethodCount();
            for (int i = 0; i < 30; i++)
            {
                long t = Stopwatch.GetTimestamp();
                call();
                fastest = Math.Min(fastest, Stopwatch.GetElapsedTime(t).TotalMicroseconds);
            }

            Thread.Sleep(120);
            if (round >= 2 && JitInfo.GetCompiledMethodCount() == compiled)
            {
                break;
            }
        }

        // Batch size: enough calls to fill the batch target.
        int batch = (int)Math.Clamp(batchTarget.TotalMicroseconds / Math.Max(fastest, 0.01), 1, 100_000);

        double best = double.PositiveInfinity;
        for (int run = 0; run < runs; run++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++)
            {
                call();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds / batch);
        }

        return best;
    }

    /// <summary>A time in µs or ms, to three significant digits.</summary>
    public static string Format(double microseconds)
        => microseconds >= 1000 ? $"{microseconds / 1000:0.00} ms" : microseconds >= 100 ? $"{microseconds:0} µs" : $"{microseconds:0.0} µs";
}

/// <summary>Generated results against the reference's.</summary>
public static class Compare
{
    /// <summary>
    /// The largest difference between <paramref name="actual"/> and <paramref name="expected"/>, relative to
    /// 1 + |expected| (absolute for values near 0, relative for large ones), and where it is.
    /// </summary>
    public static (double Error, int Index) LargestError<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
        where T : IFloatingPointIeee754<T>
    {
        if (expected.Length != actual.Length)
        {
            throw new ArgumentException($"{actual.Length} results, the reference has {expected.Length}");
        }

        double largest = 0;
        int index = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateChecked(expected[i]), a = double.CreateChecked(actual[i]);
            // Equal values (NaN to NaN, an infinity to the same one) differ by 0; anything else compared with a NaN or
            // an infinity differs infinitely.
            double error = a.Equals(e) ? 0 : Math.Abs(a - e) / (1 + Math.Abs(e));
            if (double.IsNaN(error) || double.IsInfinity(error))
            {
                error = double.PositiveInfinity;
            }

            if (error > largest)
            {
                largest = error;
                index = i;
            }
        }

        return (largest, index);
    }
}
