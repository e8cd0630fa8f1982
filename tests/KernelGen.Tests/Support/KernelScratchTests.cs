using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelGen.Tests.Support;

/// <summary>
/// <see cref="KernelScratch"/>: exact lengths, one buffer per thread reused without allocating, growth, aligned
/// starts. Each test runs on a thread of its own, so that no other test's requests have sized its buffers.
/// </summary>
public class KernelScratchTests
{
    [Fact]
    public void Get_returns_exactly_the_requested_length()
    {
        OnNewThread(() =>
        {
            foreach (int length in new[] { 0, 1, 15, 16, 17, 1000, 16_368, 5 })
            {
                Assert.Equal(length, KernelScratch.Get<float>(length).Length);
                Assert.Equal(length, KernelScratch.Get<double>(length).Length);
            }
        });
    }

    [Fact]
    public void A_second_request_reuses_the_buffer_without_allocating()
    {
        OnNewThread(() =>
        {
            Span<float> first = KernelScratch.Get<float>(16_368); // the channel-lane path's 63.9 KiB
            first.Fill(7);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Span<float> second = KernelScratch.Get<float>(16_368);
            Span<float> shorter = KernelScratch.Get<float>(100);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(first), ref MemoryMarshal.GetReference(second)));
            Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(first), ref MemoryMarshal.GetReference(shorter)));
            Assert.Equal(7f, shorter[99]); // not cleared: the contents are what the last user left
        });
    }

    [Fact]
    public void A_larger_request_grows_the_buffer_which_then_serves_every_smaller_one()
    {
        OnNewThread(() =>
        {
            Assert.Equal(0, KernelScratch.Capacity<double>());
            KernelScratch.Get<double>(100);
            int small = KernelScratch.Capacity<double>();
            Assert.InRange(small, 100, 100 + 16); // whole cache lines, plus what the aligned start leaves

            Span<double> large = KernelScratch.Get<double>(5000);
            Assert.Equal(5000, large.Length);
            Assert.InRange(KernelScratch.Capacity<double>(), 5000, 5000 + 16);
            large.Fill(1); // every element of the grown buffer is usable

            long before = GC.GetAllocatedBytesForCurrentThread();
            KernelScratch.Get<double>(100);
            KernelScratch.Get<double>(5000);
            KernelScratch.Get<double>(4999);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        });
    }

    [Fact]
    public void Each_element_type_has_its_own_buffer()
    {
        OnNewThread(() =>
        {
            Span<float> floats = KernelScratch.Get<float>(64);
            Span<double> doubles = KernelScratch.Get<double>(64);
            floats.Fill(1);
            doubles.Fill(2);
            Assert.All(floats.ToArray(), f => Assert.Equal(1f, f));
        });
    }

    [Fact]
    public void Threads_do_not_share_buffers()
    {
        const int Threads = 4, Length = 4096;
        using var barrier = new Barrier(Threads);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var addresses = new nint[Threads];
        Thread[] threads = [.. Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            Span<float> scratch = KernelScratch.Get<float>(Length);
            addresses[t] = Address(scratch);
            for (int round = 0; round < 50; round++)
            {
                scratch = KernelScratch.Get<float>(Length);
                scratch.Fill(t * 1000 + round);
                barrier.SignalAndWait(); // every thread has filled its span: none may see another's value
                float expected = t * 1000 + round;
                if (scratch.IndexOfAnyExcept(expected) is int at and >= 0)
                {
                    failures.Enqueue($"thread {t}, round {round}: [{at}] = {scratch[at]}, not {expected}");
                }

                barrier.SignalAndWait();
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

        Assert.Empty(failures);
        Assert.Equal(Threads, addresses.Distinct().Count());
    }

    [Fact]
    public void Spans_start_on_a_sixty_four_byte_boundary()
    {
        OnNewThread(() =>
        {
            // Each growth allocates a new array, whose start may lie anywhere modulo 64.
            for (int length = 1; length < 20_000; length = length * 3 / 2 + 1)
            {
                Assert.Equal(0, Address(KernelScratch.Get<float>(length)) % KernelScratch.Alignment);
                Assert.Equal(0, Address(KernelScratch.Get<double>(length)) % KernelScratch.Alignment);
                Assert.Equal(0, Address(KernelScratch.Get<float>(1)) % KernelScratch.Alignment);
                GC.Collect(); // the buffer is pinned: a collection never moves it off its boundary
                Assert.Equal(0, Address(KernelScratch.Get<double>(length)) % KernelScratch.Alignment);
            }
        });
    }

    [Fact]
    public void A_negative_length_is_rejected()
    {
        OnNewThread(() => Assert.Throws<ArgumentOutOfRangeException>(() => KernelScratch.Get<float>(-1)));
    }

    private static nint Address<T>(Span<T> span) => Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref MemoryMarshal.GetReference(span));

    private static void OnNewThread(Action body)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
