using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KernelGen.Benchmarks;

/// <summary>What one core sustains, measured the way the kernels are timed (fully optimized loops).</summary>
/// <param name="Float512">float32 GFLOP/s, 16 independent <see cref="Vector512{T}"/> FMA chains (0 without AVX-512).</param>
/// <param name="Float256">float32 GFLOP/s, 12 independent <see cref="Vector256{T}"/> FMA chains (16 would spill without AVX-512).</param>
/// <param name="Double512">float64 GFLOP/s, 16 independent <see cref="Vector512{T}"/> FMA chains (0 without AVX-512).</param>
/// <param name="Double256">float64 GFLOP/s, 12 independent <see cref="Vector256{T}"/> FMA chains.</param>
/// <param name="OneAlignedLoad">float32 GFLOP/s when every FMA also loads its vector operand from L1, 64-byte aligned (widest width).</param>
/// <param name="OneLoad">The same with every load one float off alignment, so it crosses a cache line as a window's shifted loads do.</param>
/// <param name="TwoLoads">As <paramref name="OneLoad"/>, and every FMA also broadcasts its scalar operand from L1.</param>
/// <param name="OneChain">float32 GFLOP/s of a single dependent FMA chain (widest width): the FMA latency bound of one accumulator.</param>
/// <param name="FourChains">float32 GFLOP/s of four independent FMA chains (widest width).</param>
public sealed record PeakResult(double Float512, double Float256, double Double512, double Double256,
    double OneAlignedLoad, double OneLoad, double TwoLoads, double OneChain, double FourChains)
{
    /// <summary>The float32 peak: the wider of the two widths when it is faster.</summary>
    public double Float => Math.Max(Float512, Float256);

    public double Double => Math.Max(Double512, Double256);

    public string FloatWidth => Float512 >= Float256 ? "Vector512" : "Vector256";

    /// <summary>The better of two measurements, probe by probe: the most the core sustained in either.</summary>
    public static PeakResult Best(PeakResult a, PeakResult b) => new(
        Math.Max(a.Float512, b.Float512), Math.Max(a.Float256, b.Float256), Math.Max(a.Double512, b.Double512),
        Math.Max(a.Double256, b.Double256), Math.Max(a.OneAlignedLoad, b.OneAlignedLoad), Math.Max(a.OneLoad, b.OneLoad),
        Math.Max(a.TwoLoads, b.TwoLoads), Math.Max(a.OneChain, b.OneChain), Math.Max(a.FourChains, b.FourChains));
}

/// <summary>
/// Measures the single-core FMA peak with 16 (Vector512) or 12 (Vector256) independent FMA chains (enough to cover the FMA latency
/// on every current core), in methods compiled fully optimized: a tier-0 or OSR loop would read a third of it.
/// Also measures the FMA rate when each FMA needs one or two loads from L1, the bound of a kernel with that mix.
/// </summary>
public static class Peak
{
    private const int Runs = 7;

    public static PeakResult Measure()
    {
        bool has512 = Vector512.IsHardwareAccelerated;
        double f512 = has512 ? Best(n => Fma512<float>(n), 16 * 16 * 2) : 0;
        double f256 = Best(n => Fma256<float>(n), 12 * 8 * 2);
        double d512 = has512 ? Best(n => Fma512<double>(n), 16 * 8 * 2) : 0;
        double d256 = Best(n => Fma256<double>(n), 12 * 4 * 2);
        // 4 KiB of vectors and 256 B of scalars, all in L1, in a pinned array so the alignment is known and stays.
        float[] data = GC.AllocateArray<float>(1024 + 64 + 32, pinned: true);
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = 1e-3f * (i % 7);
        }

        int aligned = (int)((64 - Marshal.UnsafeAddrOfPinnedArrayElement(data, 0) % 64) % 64 / sizeof(float));
        int lanes = has512 ? 16 : 8;
        Func<long, float> Probe(int offset, bool broadcast) => n => has512
            ? LoadFma512(ref data[offset], n, broadcast)
            : LoadFma256(ref data[offset], n, broadcast);
        double alignedLoad = Best(Probe(aligned, broadcast: false), 16 * lanes * 2);
        double oneLoad = Best(Probe(aligned + 1, broadcast: false), 16 * lanes * 2);
        double twoLoads = Best(Probe(aligned + 1, broadcast: true), 16 * lanes * 2);
        GC.KeepAlive(data);
        double oneChain = Best(n => has512 ? Chains512(n, four: false) : Chains256(n, four: false), lanes * 2);
        double fourChains = Best(n => has512 ? Chains512(n, four: true) : Chains256(n, four: true), 4 * lanes * 2);
        return new PeakResult(f512, f256, d512, d256, alignedLoad, oneLoad, twoLoads, oneChain, fourChains);
    }

    /// <summary>The best GFLOP/s of <see cref="Runs"/> runs of about 40 ms each.</summary>
    private static double Best(Func<long, float> loop, double flopsPerIteration)
    {
        long iterations = 1 << 16;
        loop(iterations); // compile (fully optimized from the start) and warm the core up
        while (true)
        {
            double start = CpuClock.Now();
            loop(iterations);
            if (CpuClock.Now() - start > 0.010)
            {
                break;
            }

            iterations *= 2;
        }

        iterations *= 4;
        double best = 0;
        for (int r = 0; r < Runs; r++)
        {
            double start = CpuClock.Now();
            loop(iterations);
            double seconds = CpuClock.Now() - start;
            best = Math.Max(best, iterations * flopsPerIteration / seconds / 1e9);
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float Fma512<T>(long iterations)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        Vector512<T> m = Vector512.Create(T.CreateTruncating(0.999999)), c = Vector512.Create(T.CreateTruncating(1e-7));
        Vector512<T> a0 = Vector512.Create(T.CreateTruncating(0.01)), a1 = a0 + c, a2 = a1 + c, a3 = a2 + c,
            a4 = a3 + c, a5 = a4 + c, a6 = a5 + c, a7 = a6 + c, a8 = a7 + c, a9 = a8 + c, a10 = a9 + c, a11 = a10 + c,
            a12 = a11 + c, a13 = a12 + c, a14 = a13 + c, a15 = a14 + c;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Fma(a0, m, c); a1 = Fma(a1, m, c); a2 = Fma(a2, m, c); a3 = Fma(a3, m, c);
            a4 = Fma(a4, m, c); a5 = Fma(a5, m, c); a6 = Fma(a6, m, c); a7 = Fma(a7, m, c);
            a8 = Fma(a8, m, c); a9 = Fma(a9, m, c); a10 = Fma(a10, m, c); a11 = Fma(a11, m, c);
            a12 = Fma(a12, m, c); a13 = Fma(a13, m, c); a14 = Fma(a14, m, c); a15 = Fma(a15, m, c);
        }

        Vector512<T> sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)) + ((a12 + a13) + (a14 + a15));
        return float.CreateTruncating(Vector512.Sum(sum));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float Fma256<T>(long iterations)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        // 12 chains, not 16: without AVX-512 there are 16 vector registers, and 16 accumulators beside the two
        // constants would spill (12 still cover the FMA latency: 4 cycles on 2 pipes needs 8 in flight).
        Vector256<T> m = Vector256.Create(T.CreateTruncating(0.999999)), c = Vector256.Create(T.CreateTruncating(1e-7));
        Vector256<T> a0 = Vector256.Create(T.CreateTruncating(0.01)), a1 = a0 + c, a2 = a1 + c, a3 = a2 + c,
            a4 = a3 + c, a5 = a4 + c, a6 = a5 + c, a7 = a6 + c, a8 = a7 + c, a9 = a8 + c, a10 = a9 + c, a11 = a10 + c;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Fma(a0, m, c); a1 = Fma(a1, m, c); a2 = Fma(a2, m, c); a3 = Fma(a3, m, c);
            a4 = Fma(a4, m, c); a5 = Fma(a5, m, c); a6 = Fma(a6, m, c); a7 = Fma(a7, m, c);
            a8 = Fma(a8, m, c); a9 = Fma(a9, m, c); a10 = Fma(a10, m, c); a11 = Fma(a11, m, c);
        }

        Vector256<T> sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11));
        return float.CreateTruncating(Vector256.Sum(sum));
    }

    /// <summary>16 FMA chains, each FMA taking a vector loaded from a 4 KiB block (and, with <paramref name="broadcast"/>,
    /// a scalar broadcast from memory instead of a register): the loads a convolution's inner loop needs per FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float LoadFma512(ref float p, long iterations, bool broadcast)
    {
        ref float w = ref Unsafe.Add(ref p, 1024);
        Vector512<float> m = Vector512.Create(0.999999f);
        Vector512<float> a0 = Vector512.Create(0.01f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0,
            a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        if (broadcast)
        {
            for (long i = 0; i < iterations; i++)
            {
                nint at = (nint)(i & 3) * 256, wi = (nint)(i & 3) * 16;
                a0 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 0)), Vector512.Create(Unsafe.Add(ref w, wi + 0)), a0);
                a1 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 16)), Vector512.Create(Unsafe.Add(ref w, wi + 1)), a1);
                a2 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 32)), Vector512.Create(Unsafe.Add(ref w, wi + 2)), a2);
                a3 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 48)), Vector512.Create(Unsafe.Add(ref w, wi + 3)), a3);
                a4 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 64)), Vector512.Create(Unsafe.Add(ref w, wi + 4)), a4);
                a5 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 80)), Vector512.Create(Unsafe.Add(ref w, wi + 5)), a5);
                a6 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 96)), Vector512.Create(Unsafe.Add(ref w, wi + 6)), a6);
                a7 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 112)), Vector512.Create(Unsafe.Add(ref w, wi + 7)), a7);
                a8 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 128)), Vector512.Create(Unsafe.Add(ref w, wi + 8)), a8);
                a9 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 144)), Vector512.Create(Unsafe.Add(ref w, wi + 9)), a9);
                a10 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 160)), Vector512.Create(Unsafe.Add(ref w, wi + 10)), a10);
                a11 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 176)), Vector512.Create(Unsafe.Add(ref w, wi + 11)), a11);
                a12 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 192)), Vector512.Create(Unsafe.Add(ref w, wi + 12)), a12);
                a13 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 208)), Vector512.Create(Unsafe.Add(ref w, wi + 13)), a13);
                a14 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 224)), Vector512.Create(Unsafe.Add(ref w, wi + 14)), a14);
                a15 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 240)), Vector512.Create(Unsafe.Add(ref w, wi + 15)), a15);
            }
        }
        else
        {
            for (long i = 0; i < iterations; i++)
            {
                nint at = (nint)(i & 3) * 256;
                a0 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 0)), m, a0);
                a1 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 16)), m, a1);
                a2 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 32)), m, a2);
                a3 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 48)), m, a3);
                a4 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 64)), m, a4);
                a5 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 80)), m, a5);
                a6 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 96)), m, a6);
                a7 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 112)), m, a7);
                a8 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 128)), m, a8);
                a9 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 144)), m, a9);
                a10 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 160)), m, a10);
                a11 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 176)), m, a11);
                a12 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 192)), m, a12);
                a13 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 208)), m, a13);
                a14 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 224)), m, a14);
                a15 = Fma(Vector512.LoadUnsafe(ref p, (nuint)(at + 240)), m, a15);
            }
        }

        Vector512<float> sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)) + ((a12 + a13) + (a14 + a15));
        return Vector512.Sum(sum);
    }

    /// <summary>The 256-bit <see cref="LoadFma512"/>, for machines without AVX-512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float LoadFma256(ref float p, long iterations, bool broadcast)
    {
        ref float w = ref Unsafe.Add(ref p, 1024);
        Vector256<float> m = Vector256.Create(0.999999f);
        Vector256<float> a0 = Vector256.Create(0.01f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0,
            a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        if (broadcast)
        {
            for (long i = 0; i < iterations; i++)
            {
                nint at = (nint)(i & 7) * 128, wi = (nint)(i & 3) * 16;
                a0 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 0)), Vector256.Create(Unsafe.Add(ref w, wi + 0)), a0);
                a1 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 8)), Vector256.Create(Unsafe.Add(ref w, wi + 1)), a1);
                a2 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 16)), Vector256.Create(Unsafe.Add(ref w, wi + 2)), a2);
                a3 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 24)), Vector256.Create(Unsafe.Add(ref w, wi + 3)), a3);
                a4 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 32)), Vector256.Create(Unsafe.Add(ref w, wi + 4)), a4);
                a5 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 40)), Vector256.Create(Unsafe.Add(ref w, wi + 5)), a5);
                a6 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 48)), Vector256.Create(Unsafe.Add(ref w, wi + 6)), a6);
                a7 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 56)), Vector256.Create(Unsafe.Add(ref w, wi + 7)), a7);
                a8 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 64)), Vector256.Create(Unsafe.Add(ref w, wi + 8)), a8);
                a9 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 72)), Vector256.Create(Unsafe.Add(ref w, wi + 9)), a9);
                a10 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 80)), Vector256.Create(Unsafe.Add(ref w, wi + 10)), a10);
                a11 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 88)), Vector256.Create(Unsafe.Add(ref w, wi + 11)), a11);
                a12 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 96)), Vector256.Create(Unsafe.Add(ref w, wi + 12)), a12);
                a13 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 104)), Vector256.Create(Unsafe.Add(ref w, wi + 13)), a13);
                a14 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 112)), Vector256.Create(Unsafe.Add(ref w, wi + 14)), a14);
                a15 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 120)), Vector256.Create(Unsafe.Add(ref w, wi + 15)), a15);
            }
        }
        else
        {
            for (long i = 0; i < iterations; i++)
            {
                nint at = (nint)(i & 7) * 128;
                a0 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 0)), m, a0);
                a1 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 8)), m, a1);
                a2 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 16)), m, a2);
                a3 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 24)), m, a3);
                a4 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 32)), m, a4);
                a5 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 40)), m, a5);
                a6 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 48)), m, a6);
                a7 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 56)), m, a7);
                a8 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 64)), m, a8);
                a9 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 72)), m, a9);
                a10 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 80)), m, a10);
                a11 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 88)), m, a11);
                a12 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 96)), m, a12);
                a13 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 104)), m, a13);
                a14 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 112)), m, a14);
                a15 = Fma(Vector256.LoadUnsafe(ref p, (nuint)(at + 120)), m, a15);
            }
        }

        Vector256<float> sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)) + ((a12 + a13) + (a14 + a15));
        return Vector256.Sum(sum);
    }

    /// <summary>One dependent FMA chain, or four independent ones: the latency, not the throughput, of the FMA unit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float Chains512(long iterations, bool four)
    {
        Vector512<float> m = Vector512.Create(0.999999f), c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512.Create(0.01f), a1 = a0, a2 = a0, a3 = a0;
        if (four)
        {
            for (long i = 0; i < iterations; i++)
            {
                a0 = Fma(a0, m, c); a1 = Fma(a1, m, c); a2 = Fma(a2, m, c); a3 = Fma(a3, m, c);
            }
        }
        else
        {
            for (long i = 0; i < iterations; i++)
            {
                a0 = Fma(a0, m, c);
            }
        }

        return Vector512.Sum((a0 + a1) + (a2 + a3));
    }

    /// <summary>The 256-bit <see cref="Chains512"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float Chains256(long iterations, bool four)
    {
        Vector256<float> m = Vector256.Create(0.999999f), c = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256.Create(0.01f), a1 = a0, a2 = a0, a3 = a0;
        if (four)
        {
            for (long i = 0; i < iterations; i++)
            {
                a0 = Fma(a0, m, c); a1 = Fma(a1, m, c); a2 = Fma(a2, m, c); a3 = Fma(a3, m, c);
            }
        }
        else
        {
            for (long i = 0; i < iterations; i++)
            {
                a0 = Fma(a0, m, c);
            }
        }

        return Vector256.Sum((a0 + a1) + (a2 + a3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }
}
