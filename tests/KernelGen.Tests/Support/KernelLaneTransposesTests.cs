using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KernelGen.Tests.Support;

/// <summary>
/// The channel-lane transposes generated convolutions call: a block row held one accumulator per column (one output
/// channel per lane) lands in channel-planar outputs, columns before <c>keep</c> untouched, and loads back unchanged.
/// The 512-bit ones need AVX-512 and the 256-bit ones AVX2, which the kernels test before calling them; elsewhere
/// there is nothing to run.
/// </summary>
public sealed class KernelLaneTransposesTests
{
    private const int Columns = 8, OutPlane = 37, At = 5;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Float_StoresEachLaneToItsChannelPlane_AndLoadsBack(int keep)
    {
        if (!Avx512F.IsSupported)
        {
            return; // the kernels never call the transposes without AVX-512
        }

        var accumulators = new Vector512<float>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            accumulators[j] = Vector512.Create(Enumerable.Range(0, 16).Select(k => (float)(100 * k + j)).ToArray());
        }

        float[] output = Enumerable.Repeat(-1f, 16 * OutPlane + At + Columns).ToArray();
        var a = accumulators;
        KernelLaneTransposes.StoreOutOfLine(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep);
        for (int k = 0; k < 16; k++)
        {
            for (int j = 0; j < Columns; j++)
            {
                Assert.Equal(j < keep ? -1f : 100 * k + j, output[k * OutPlane + At + j]);
            }
        }

        KernelLaneTransposes.Store(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep: 0);
        KernelLaneTransposes.Load(ref output[0], At, OutPlane, out Vector512<float> b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7);
        Assert.Equal(accumulators, new[] { b0, b1, b2, b3, b4, b5, b6, b7 });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Double_StoresEachLaneToItsChannelPlane_AndLoadsBack(int keep)
    {
        if (!Avx512F.IsSupported)
        {
            return; // the kernels never call the transposes without AVX-512
        }

        var accumulators = new Vector512<double>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            accumulators[j] = Vector512.Create(Enumerable.Range(0, 8).Select(k => (double)(100 * k + j)).ToArray());
        }

        double[] output = Enumerable.Repeat(-1d, 8 * OutPlane + At + Columns).ToArray();
        var a = accumulators;
        KernelLaneTransposes.Store(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep);
        for (int k = 0; k < 8; k++)
        {
            for (int j = 0; j < Columns; j++)
            {
                Assert.Equal(j < keep ? -1d : 100 * k + j, output[k * OutPlane + At + j]);
            }
        }

        KernelLaneTransposes.StoreOutOfLine(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep: 0);
        KernelLaneTransposes.Load(ref output[0], At, OutPlane, out Vector512<double> b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7);
        Assert.Equal(accumulators, new[] { b0, b1, b2, b3, b4, b5, b6, b7 });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)] // inside the first quarter
    [InlineData(5)] // past the overlap of the two quarters
    public void Float_SevenColumns_StoreOnlyTheirColumns_AndLoadBack(int keep)
    {
        if (!Avx512F.IsSupported)
        {
            return; // the kernels never call the transposes without AVX-512
        }

        var a = new Vector512<float>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            a[j] = Vector512.Create(Enumerable.Range(0, 16).Select(k => (float)(100 * k + j)).ToArray());
        }

        float[] output = Enumerable.Repeat(-1f, 16 * OutPlane + At + Columns).ToArray();
        KernelLaneTransposes.StoreOutOfLine(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep, columns: 7);
        for (int i = 0; i < output.Length; i++)
        {
            (int k, int j) = (Math.DivRem(i - At, OutPlane, out int column), column);
            bool stored = i >= At && k < 16 && j >= keep && j < 7;
            Assert.Equal(stored ? 100 * k + j : -1f, output[i]);
        }

        KernelLaneTransposes.Store(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep: 0, columns: 7);
        KernelLaneTransposes.Load(ref output[0], At, OutPlane, out Vector512<float> b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7, columns: 7);
        Assert.Equal(a[..7], new[] { b0, b1, b2, b3, b4, b5, b6 });
    }

    [Theory]
    [InlineData(7, 0)]
    [InlineData(7, 4)]
    [InlineData(4, 0)]
    [InlineData(4, 2)]
    public void Double_PartialBlocks_StoreOnlyTheirColumns_AndLoadBack(int columns, int keep)
    {
        if (!Avx512F.IsSupported)
        {
            return; // the kernels never call the transposes without AVX-512
        }

        var a = new Vector512<double>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            a[j] = Vector512.Create(Enumerable.Range(0, 8).Select(k => (double)(100 * k + j)).ToArray());
        }

        double[] output = Enumerable.Repeat(-1d, 8 * OutPlane + At + Columns).ToArray();
        KernelLaneTransposes.Store(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep, columns);
        for (int i = 0; i < output.Length; i++)
        {
            (int k, int j) = (Math.DivRem(i - At, OutPlane, out int column), column);
            bool stored = i >= At && k < 8 && j >= keep && j < columns;
            Assert.Equal(stored ? 100 * k + j : -1d, output[i]);
        }

        KernelLaneTransposes.StoreOutOfLine(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep: 0, columns);
        KernelLaneTransposes.Load(ref output[0], At, OutPlane, out Vector512<double> b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7, columns);
        Assert.Equal(a[..columns], new[] { b0, b1, b2, b3, b4, b5, b6, b7 }[..columns]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Float256_StoresEachLaneToItsChannelPlane_AndLoadsBack(int keep)
    {
        if (!Avx2.IsSupported)
        {
            return; // the kernels never call the 256-bit transposes without AVX2
        }

        var a = new Vector256<float>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            a[j] = Vector256.Create(Enumerable.Range(0, 8).Select(k => (float)(100 * k + j)).ToArray());
        }

        float[] output = Enumerable.Repeat(-1f, 8 * OutPlane + At + Columns).ToArray();
        KernelLaneTransposes.StoreOutOfLine(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep);
        AssertChannelPlanes(output, channels: 8, keep, (k, j) => 100 * k + j);
        Assert.All(output[(7 * OutPlane + At + Columns)..], value => Assert.Equal(-1f, value));

        KernelLaneTransposes.Store(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep: 0);
        KernelLaneTransposes.Load(ref output[0], At, OutPlane, out Vector256<float> b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7);
        Assert.Equal(a, new[] { b0, b1, b2, b3, b4, b5, b6, b7 });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)] // inside the first square
    [InlineData(6)] // the whole first square and part of the second
    public void Double256_StoresEachLaneToItsChannelPlane_AndLoadsBack(int keep)
    {
        if (!Avx2.IsSupported)
        {
            return; // the kernels never call the 256-bit transposes without AVX2
        }

        var a = new Vector256<double>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            a[j] = Vector256.Create(Enumerable.Range(0, 4).Select(k => (double)(100 * k + j)).ToArray());
        }

        double[] output = Enumerable.Repeat(-1d, 4 * OutPlane + At + Columns).ToArray();
        KernelLaneTransposes.Store(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep);
        AssertChannelPlanes(output, channels: 4, keep, (k, j) => 100 * k + j);
        Assert.All(output[(3 * OutPlane + At + Columns)..], value => Assert.Equal(-1d, value));

        KernelLaneTransposes.StoreOutOfLine(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep: 0);
        KernelLaneTransposes.Load(ref output[0], At, OutPlane, out Vector256<double> b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7);
        Assert.Equal(a, new[] { b0, b1, b2, b3, b4, b5, b6, b7 });
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(4, 2)]
    [InlineData(5, 0)]
    [InlineData(5, 3)] // inside the overlap of the two quarters
    [InlineData(6, 0)]
    [InlineData(6, 1)] // before the second quarter
    [InlineData(6, 4)] // past the first quarter
    [InlineData(7, 0)]
    [InlineData(7, 5)]
    public void Float256_PartialBlocks_StoreOnlyTheirColumns_AndLoadBack(int columns, int keep)
    {
        if (!Avx2.IsSupported)
        {
            return; // the kernels never call the 256-bit transposes without AVX2
        }

        var a = new Vector256<float>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            a[j] = Vector256.Create(Enumerable.Range(0, 8).Select(k => (float)(100 * k + j)).ToArray());
        }

        float[] output = Enumerable.Repeat(-1f, 8 * OutPlane + At + Columns).ToArray();
        KernelLaneTransposes.StoreOutOfLine(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep, columns);
        AssertOnlyColumns(output, channels: 8, keep, columns);

        Vector256<float>[] used = [.. a[..columns], .. new Vector256<float>[Columns - columns]]; // the columns past the block are no accumulator
        KernelLaneTransposes.Store(used[0], used[1], used[2], used[3], used[4], used[5], used[6], used[7], ref output[0], At, OutPlane, keep: 0, columns);
        KernelLaneTransposes.Load(ref output[0], At, OutPlane, out Vector256<float> b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7, columns);
        Assert.Equal(a[..columns], new[] { b0, b1, b2, b3, b4, b5, b6, b7 }[..columns]);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(4, 3)]
    [InlineData(5, 0)]
    [InlineData(5, 4)] // the whole first square
    [InlineData(6, 0)]
    [InlineData(6, 2)] // inside the first square
    [InlineData(6, 5)] // part of the second square
    [InlineData(7, 0)]
    [InlineData(7, 6)]
    public void Double256_PartialBlocks_StoreOnlyTheirColumns_AndLoadBack(int columns, int keep)
    {
        if (!Avx2.IsSupported)
        {
            return; // the kernels never call the 256-bit transposes without AVX2
        }

        var a = new Vector256<double>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            a[j] = Vector256.Create(Enumerable.Range(0, 4).Select(k => (double)(100 * k + j)).ToArray());
        }

        double[] output = Enumerable.Repeat(-1d, 4 * OutPlane + At + Columns).ToArray();
        KernelLaneTransposes.Store(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ref output[0], At, OutPlane, keep, columns);
        AssertOnlyColumns(output, channels: 4, keep, columns);

        Vector256<double>[] used = [.. a[..columns], .. new Vector256<double>[Columns - columns]]; // the columns past the block are no accumulator
        KernelLaneTransposes.StoreOutOfLine(used[0], used[1], used[2], used[3], used[4], used[5], used[6], used[7], ref output[0], At, OutPlane, keep: 0, columns);
        KernelLaneTransposes.Load(ref output[0], At, OutPlane, out Vector256<double> b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7, columns);
        Assert.Equal(a[..columns], new[] { b0, b1, b2, b3, b4, b5, b6, b7 }[..columns]);
    }

    // Channel k's columns keep to `columns` − 1 hold 100·k + j; every other element is untouched (still −1).
    private static void AssertOnlyColumns<T>(T[] output, int channels, int keep, int columns)
    {
        for (int i = 0; i < output.Length; i++)
        {
            (int k, int j) = (Math.DivRem(i - At, OutPlane, out int column), column);
            bool stored = i >= At && k < channels && j >= keep && j < columns;
            Assert.Equal(stored ? 100 * k + j : -1.0, Convert.ToDouble(output[i]));
        }
    }

    // Channel k's columns At to At + 7, the first `keep` untouched (still −1).
    private static void AssertChannelPlanes<T>(T[] output, int channels, int keep, Func<int, int, double> expected)
    {
        for (int k = 0; k < channels; k++)
        {
            for (int j = 0; j < Columns; j++)
            {
                Assert.Equal(j < keep ? -1.0 : expected(k, j), Convert.ToDouble(output[k * OutPlane + At + j]));
            }
        }
    }
}
