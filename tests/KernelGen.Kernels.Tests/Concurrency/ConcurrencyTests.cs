using System.Numerics;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// docs/semantics.md, “The generated code”, "safe to call from many threads at once": every kernel of the catalog, at two sizes each, called
/// by many threads sharing the same input spans, first all threads on the same kernel at the same moment (a barrier
/// before each), then each thread through every kernel in its own random order. Every output must equal, bit for
/// bit, the output of a single-threaded run beforehand, and so must a second single-threaded run afterwards (a kernel
/// gives the same bits on every call, whatever tier the JIT has compiled it at). The data are small integers, so
/// every sum is exact for run-time weights; kernels with baked-in fractional weights (1/9) are covered by the
/// same-bits-on-every-call check.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private static readonly int Threads = Math.Max(8, 4 * Environment.ProcessorCount);

    [Fact]
    public void ManyThreadsGetTheSingleThreadedResultsBitForBit()
    {
        Job[] jobs = [.. KernelCatalog.All.OrderBy(c => c.Name, StringComparer.Ordinal).SelectMany(Job.For)];
        byte[][] expected = [.. jobs.Select(job => job.Run())];
        int calls = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // All threads on one kernel at a time.
        using (var barrier = new Barrier(Threads))
        {
            RunThreads(thread =>
            {
                foreach ((Job job, int j) in jobs.Select((job, j) => (job, j)))
                {
                    barrier.SignalAndWait();
                    Compare(job, expected[j], job.Run(), thread, "together", failures);
                    Interlocked.Increment(ref calls);
                }
            });
        }

        // Every thread through every kernel, each in its own order.
        RunThreads(thread =>
        {
            var random = new Random(thread);
            int[] order = [.. Enumerable.Range(0, jobs.Length).OrderBy(_ => random.Next())];
            foreach (int j in order)
            {
                Compare(jobs[j], expected[j], jobs[j].Run(), thread, "shuffled", failures);
                Interlocked.Increment(ref calls);
            }
        });

        // And single-threaded again: a kernel gives the same bits on every call (whatever tier the JIT has reached).
        for (int j = 0; j < jobs.Length; j++)
        {
            Compare(jobs[j], expected[j], jobs[j].Run(), thread: -1, "single-threaded again", failures);
        }

        output.WriteLine($"{jobs.Length} kernel calls ({jobs.Length / 2} kernels, 2 sizes each), {Threads} threads, {calls} concurrent calls");
        Assert.Equal(2 * Threads * jobs.Length, calls);
        Assert.True(failures.IsEmpty, $"{failures.Count} concurrent calls differ from the single-threaded run:{Environment.NewLine}" +
            string.Join(Environment.NewLine, failures.Take(10)));
    }

    private static void RunThreads(Action<int> body)
    {
        Exception? failure = null;
        Thread[] threads = [.. Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                body(t);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }))];
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("A calling thread failed.", failure);
        }
    }

    private static void Compare(Job job, byte[] expected, byte[] actual, int thread, string phase, System.Collections.Concurrent.ConcurrentQueue<string> failures)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            int first = expected.AsSpan().CommonPrefixLength(actual) / job.ElementSize;
            failures.Enqueue($"{job} on thread {thread} ({phase}): output element {first} differs");
        }
    }

    /// <summary>One kernel at one size, with its inputs fixed: <see cref="Run"/> returns the output's bytes.</summary>
    private abstract class Job(string description)
    {
        public abstract int ElementSize { get; }

        public static IEnumerable<Job> For(KernelCase c)
        {
            int keffH = c.KernelHeight * (c.IsConvolution ? c.Dilation : 1), keffW = c.KernelWidth * (c.IsConvolution ? c.Dilation : 1);
            foreach ((int h, int w) in new[] { (keffH + 4, keffW + 37), (keffH + 19, keffW + 70) })
            {
                int height = c.Is2D ? h : 1;
                yield return c switch
                {
                    KernelCase<float> f => new Job<float>(f, height, w),
                    KernelCase<double> d => new Job<double>(d, height, w),
                    _ => throw new InvalidOperationException(c.Name),
                };
            }
        }

        public abstract byte[] Run();

        public override string ToString() => description;
    }

    private sealed class Job<T>(KernelCase<T> c, int height, int width) : Job($"{c.Name} at {height}x{width}")
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] input = Integers(c.InputLength(height, width), 1);
        private readonly T[] weights = Integers(c.Parameters.Weights is null ? 0 : c.WeightsLength, 2);
        private readonly T[] bias = Integers(c.BiasLength, 3);
        private readonly int outputLength = c.OutputLength(height, width);

        public override int ElementSize => Marshal.SizeOf<T>();

        public override byte[] Run()
        {
            var result = new T[outputLength];
            result.AsSpan().Fill(T.NaN);
            c.Generated(input, weights, bias, result, height, width);
            return MemoryMarshal.AsBytes(result.AsSpan()).ToArray();
        }

        private static T[] Integers(int length, int seed)
        {
            var values = new T[length];
            TestData.FillIntegers<T>(values, new Random(seed * 7919 + length), 4);
            return values;
        }
    }
}
