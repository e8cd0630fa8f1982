using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelGen.Tests.Support;

/// <summary>
/// <see cref="PackedWeights{T}"/>: a copy of the weights, and one packed copy per path, made by its first caller and
/// kept (64-byte aligned) for every later one, under concurrent first calls too.
/// </summary>
public sealed class PackedWeightsTests
{
    private sealed class PathA;

    private sealed class PathB;

    [Fact]
    public void TheWeightsAreCopiedWhenTheObjectIsCreated()
    {
        float[] source = [1, 2, 3, 4];
        var packed = new PackedWeights<float>(source);
        source[0] = 99;

        Assert.Equal(4, packed.Length);
        Assert.Equal([1f, 2, 3, 4], packed.Weights.ToArray());
    }

    [Fact]
    public void ElementTypesOtherThanFloatAndDoubleAreRefused()
    {
        var e = Assert.Throws<NotSupportedException>(() => new PackedWeights<int>([1, 2]));
        Assert.Contains("float or double", e.Message);
        _ = new PackedWeights<double>([1.0]);
    }

    [Fact]
    public void EachPathPacksOnceAndKeepsItsCopy()
    {
        var packed = new PackedWeights<double>([1, 2, 3]);
        int packsA = 0, packsB = 0;
        WeightPacker<double> reverse = (weights, into) => { packsA++; for (int i = 0; i < weights.Length; i++) { into[i] = weights[^(i + 1)]; } };
        WeightPacker<double> doubled = (weights, into) => { packsB++; for (int i = 0; i < weights.Length; i++) { into[2 * i] = into[2 * i + 1] = weights[i]; } };

        ReadOnlySpan<double> a1 = packed.PackedFor(typeof(PathA), 3, reverse);
        ReadOnlySpan<double> b1 = packed.PackedFor(typeof(PathB), 6, doubled);
        ReadOnlySpan<double> a2 = packed.PackedFor(typeof(PathA), 3, reverse);
        ReadOnlySpan<double> b2 = packed.PackedFor(typeof(PathB), 6, doubled);

        Assert.Equal((1, 1), (packsA, packsB));
        Assert.Equal([3.0, 2, 1], a2.ToArray());
        Assert.Equal([1.0, 1, 2, 2, 3, 3], b2.ToArray());
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(a1), ref MemoryMarshal.GetReference(a2)));
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(b1), ref MemoryMarshal.GetReference(b2)));
        Assert.Equal([1.0, 2, 3], packed.Weights.ToArray()); // packing leaves the copy as given
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(4099)]
    public void PackedCopiesStartOnA64ByteBoundary(int length)
    {
        var packed = new PackedWeights<float>(new float[length]);
        ReadOnlySpan<float> copy = packed.PackedFor(typeof(PathA), length, (_, into) => into.Fill(1));

        Assert.Equal(length, copy.Length);
        Assert.Equal(0, Address(copy) % 64);
        Assert.All(copy.ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void ConcurrentFirstCallsAllReadTheOneCopyKept()
    {
        for (int round = 0; round < 20; round++)
        {
            var packed = new PackedWeights<float>([5, 6, 7]);
            using var start = new Barrier(4);
            var addresses = new nint[4];
            var contents = new float[4][];
            Thread[] threads = [.. Enumerable.Range(0, 4).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                ReadOnlySpan<float> copy = packed.PackedFor(t % 2 == 0 ? typeof(PathA) : typeof(PathB), 3, (w, into) => w.CopyTo(into));
                addresses[t] = Address(copy);

                contents[t] = copy.ToArray();
            }))];
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            // Threads of one path read one copy, the one the path keeps from then on.
            Assert.Equal(addresses[0], Address(packed.PackedFor(typeof(PathA), 3, (_, _) => throw new InvalidOperationException())));
            Assert.Equal(addresses[1], Address(packed.PackedFor(typeof(PathB), 3, (_, _) => throw new InvalidOperationException())));

            Assert.Equal(addresses[0], addresses[2]);
            Assert.Equal(addresses[1], addresses[3]);
            Assert.All(contents, c => Assert.Equal([5f, 6, 7], c));
        }
    }

    // The pinned copies never move, so an address read once stays that copy's.
    private static nint Address<T>(ReadOnlySpan<T> span) => Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref MemoryMarshal.GetReference(span));
}
