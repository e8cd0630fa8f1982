using System.Runtime.Intrinsics.X86;

namespace KernelGen.Tests.Support;

/// <summary>
/// The weight repacking of the channel-lane path: rows of weights (one per output channel, <c>rowStride</c> apart)
/// come out as one vector per column, whole squares and the columns after them alike, and a flipped window's taps
/// reversed within each input channel. The 512-bit packing needs AVX-512 and the 256-bit one AVX2, as the kernels call
/// them; elsewhere there is nothing to run.
/// </summary>
public sealed class KernelLaneWeightPackingTests
{
    private const int RowStride = 101, First = 3;

    [Theory]
    [InlineData(16, 1)] // one whole square
    [InlineData(45, 1)] // two squares and 13 columns after them
    [InlineData(45, 9)] // 5 input channels of a flipped 3 × 3 window
    [InlineData(7, 7)] // no whole square: one flipped channel of 7 taps
    public void Float_EachColumnBecomesOneVector(int columns, int reversedRun)
    {
        if (!Avx512F.IsSupported)
        {
            return; // the kernels never repack without AVX-512
        }

        float[] weights = Enumerable.Range(0, 16 * RowStride).Select(i => (float)i).ToArray();
        float[] packed = Enumerable.Repeat(-1f, columns * 16 + 16).ToArray();
        KernelLaneTransposes.PackWeights512(ref weights[First], RowStride, columns, reversedRun, ref packed[0]);
        AssertPacked(packed, columns, reversedRun, 16, (k, j) => weights[First + k * RowStride + j]);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(30, 1)]
    [InlineData(30, 5)]
    [InlineData(4, 4)]
    public void Double_EachColumnBecomesOneVector(int columns, int reversedRun)
    {
        if (!Avx512F.IsSupported)
        {
            return; // the kernels never repack without AVX-512
        }

        double[] weights = Enumerable.Range(0, 8 * RowStride).Select(i => (double)i).ToArray();
        double[] packed = Enumerable.Repeat(-1d, columns * 8 + 8).ToArray();
        KernelLaneTransposes.PackWeights512(ref weights[First], RowStride, columns, reversedRun, ref packed[0]);
        AssertPacked(packed, columns, reversedRun, 8, (k, j) => weights[First + k * RowStride + j]);
    }

    [Theory]
    [InlineData(8, 1)] // one whole square
    [InlineData(45, 1)] // five squares and 5 columns after them
    [InlineData(45, 9)] // 5 input channels of a flipped 3 × 3 window
    [InlineData(7, 7)] // no whole square: one flipped channel of 7 taps
    public void Float256_EachColumnBecomesOneVector(int columns, int reversedRun)
    {
        if (!Avx2.IsSupported)
        {
            return; // the kernels never take the 256-bit lanes without AVX2
        }

        float[] weights = Enumerable.Range(0, 8 * RowStride).Select(i => (float)i).ToArray();
        float[] packed = Enumerable.Repeat(-1f, columns * 8 + 8).ToArray();
        KernelLaneTransposes.PackWeights256(ref weights[First], RowStride, columns, reversedRun, ref packed[0]);
        AssertPacked(packed, columns, reversedRun, 8, (k, j) => weights[First + k * RowStride + j]);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(30, 1)]
    [InlineData(30, 5)]
    [InlineData(3, 3)]
    public void Double256_EachColumnBecomesOneVector(int columns, int reversedRun)
    {
        if (!Avx2.IsSupported)
        {
            return; // the kernels never take the 256-bit lanes without AVX2
        }

        double[] weights = Enumerable.Range(0, 4 * RowStride).Select(i => (double)i).ToArray();
        double[] packed = Enumerable.Repeat(-1d, columns * 4 + 4).ToArray();
        KernelLaneTransposes.PackWeights256(ref weights[First], RowStride, columns, reversedRun, ref packed[0]);
        AssertPacked(packed, columns, reversedRun, 4, (k, j) => weights[First + k * RowStride + j]);
    }

    // Column j of the packing holds, in lane k, row k's element at the column that j reverses to within its run;
    // nothing after the packing is written.
    private static void AssertPacked<T>(T[] packed, int columns, int run, int lanes, Func<int, int, T> source)
    {
        for (int j = 0; j < columns; j++)
        {
            int from = run == 1 ? j : j / run * run + run - 1 - j % run;
            for (int k = 0; k < lanes; k++)
            {
                Assert.Equal(source(k, from), packed[j * lanes + k]);
            }
        }

        Assert.All(packed[(columns * lanes)..], value => Assert.Equal(-1.0, Convert.ToDouble(value)));
    }
}
