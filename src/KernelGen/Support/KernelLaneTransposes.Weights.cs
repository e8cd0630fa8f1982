using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KernelGen;

// The weight repacking of the channel-lane path. A block of output channels needs, for each input channel and tap,
// one vector holding that weight of every output channel in the block; the weights are stored output channel by
// output channel, so the repacking transposes one row per output channel (16 floats or 8 doubles to a vector). It
// runs on squares of vectors in registers: each weight is loaded once in a row and stored once in a column, where an
// element-by-element copy writes 64 bytes apart and, on a deep layer of a small map, costs as much as the convolution.
public static partial class KernelLaneTransposes
{
    /// <summary>
    /// Writes <c>destination[j·16 + k] = source[k·rowStride + j]</c> for the 16 rows k and the <paramref name="columns"/>
    /// columns j, then reverses the order of the columns within each run of <paramref name="reversedRun"/> (a flipped
    /// window's taps; 1 leaves them in order).
    /// </summary>
    public static void PackWeights512(ref float source, nint rowStride, int columns, int reversedRun, ref float destination)
    {
        const int Lanes = 16;
        int j = 0;
        for (; j + Lanes <= columns; j += Lanes)
        {
            ref float row = ref Unsafe.Add(ref source, j);
            Vector512<float> r0 = Vector512.LoadUnsafe(ref row, 0), r1 = Vector512.LoadUnsafe(ref row, (nuint)rowStride);
            Vector512<float> r2 = Vector512.LoadUnsafe(ref row, (nuint)(2 * rowStride)), r3 = Vector512.LoadUnsafe(ref row, (nuint)(3 * rowStride));
            Vector512<float> r4 = Vector512.LoadUnsafe(ref row, (nuint)(4 * rowStride)), r5 = Vector512.LoadUnsafe(ref row, (nuint)(5 * rowStride));
            Vector512<float> r6 = Vector512.LoadUnsafe(ref row, (nuint)(6 * rowStride)), r7 = Vector512.LoadUnsafe(ref row, (nuint)(7 * rowStride));
            Vector512<float> r8 = Vector512.LoadUnsafe(ref row, (nuint)(8 * rowStride)), r9 = Vector512.LoadUnsafe(ref row, (nuint)(9 * rowStride));
            Vector512<float> r10 = Vector512.LoadUnsafe(ref row, (nuint)(10 * rowStride)), r11 = Vector512.LoadUnsafe(ref row, (nuint)(11 * rowStride));
            Vector512<float> r12 = Vector512.LoadUnsafe(ref row, (nuint)(12 * rowStride)), r13 = Vector512.LoadUnsafe(ref row, (nuint)(13 * rowStride));
            Vector512<float> r14 = Vector512.LoadUnsafe(ref row, (nuint)(14 * rowStride)), r15 = Vector512.LoadUnsafe(ref row, (nuint)(15 * rowStride));

            // Round r swaps bit r of the row (which vector) with bit r of the column (which lane), pairing the vectors
            // 2^r apart: after the four, vector m holds column j + m of all 16 rows.
            Swap(ref r0, ref r1, SwapLow0F, SwapHigh0F); Swap(ref r2, ref r3, SwapLow0F, SwapHigh0F);
            Swap(ref r4, ref r5, SwapLow0F, SwapHigh0F); Swap(ref r6, ref r7, SwapLow0F, SwapHigh0F);
            Swap(ref r8, ref r9, SwapLow0F, SwapHigh0F); Swap(ref r10, ref r11, SwapLow0F, SwapHigh0F);
            Swap(ref r12, ref r13, SwapLow0F, SwapHigh0F); Swap(ref r14, ref r15, SwapLow0F, SwapHigh0F);
            Swap(ref r0, ref r2, SwapLow1F, SwapHigh1F); Swap(ref r1, ref r3, SwapLow1F, SwapHigh1F);
            Swap(ref r4, ref r6, SwapLow1F, SwapHigh1F); Swap(ref r5, ref r7, SwapLow1F, SwapHigh1F);
            Swap(ref r8, ref r10, SwapLow1F, SwapHigh1F); Swap(ref r9, ref r11, SwapLow1F, SwapHigh1F);
            Swap(ref r12, ref r14, SwapLow1F, SwapHigh1F); Swap(ref r13, ref r15, SwapLow1F, SwapHigh1F);
            Swap(ref r0, ref r4, SwapLow2F, SwapHigh2F); Swap(ref r1, ref r5, SwapLow2F, SwapHigh2F);
            Swap(ref r2, ref r6, SwapLow2F, SwapHigh2F); Swap(ref r3, ref r7, SwapLow2F, SwapHigh2F);
            Swap(ref r8, ref r12, SwapLow2F, SwapHigh2F); Swap(ref r9, ref r13, SwapLow2F, SwapHigh2F);
            Swap(ref r10, ref r14, SwapLow2F, SwapHigh2F); Swap(ref r11, ref r15, SwapLow2F, SwapHigh2F);
            Swap(ref r0, ref r8, SwapLow3F, SwapHigh3F); Swap(ref r1, ref r9, SwapLow3F, SwapHigh3F);
            Swap(ref r2, ref r10, SwapLow3F, SwapHigh3F); Swap(ref r3, ref r11, SwapLow3F, SwapHigh3F);
            Swap(ref r4, ref r12, SwapLow3F, SwapHigh3F); Swap(ref r5, ref r13, SwapLow3F, SwapHigh3F);
            Swap(ref r6, ref r14, SwapLow3F, SwapHigh3F); Swap(ref r7, ref r15, SwapLow3F, SwapHigh3F);

            ref float column = ref Unsafe.Add(ref destination, (nint)j * Lanes);
            r0.StoreUnsafe(ref column, 0 * Lanes); r1.StoreUnsafe(ref column, 1 * Lanes);
            r2.StoreUnsafe(ref column, 2 * Lanes); r3.StoreUnsafe(ref column, 3 * Lanes);
            r4.StoreUnsafe(ref column, 4 * Lanes); r5.StoreUnsafe(ref column, 5 * Lanes);
            r6.StoreUnsafe(ref column, 6 * Lanes); r7.StoreUnsafe(ref column, 7 * Lanes);
            r8.StoreUnsafe(ref column, 8 * Lanes); r9.StoreUnsafe(ref column, 9 * Lanes);
            r10.StoreUnsafe(ref column, 10 * Lanes); r11.StoreUnsafe(ref column, 11 * Lanes);
            r12.StoreUnsafe(ref column, 12 * Lanes); r13.StoreUnsafe(ref column, 13 * Lanes);
            r14.StoreUnsafe(ref column, 14 * Lanes); r15.StoreUnsafe(ref column, 15 * Lanes);
        }

        PackRemainder(ref source, rowStride, j, columns, Lanes, ref destination);
        ReverseRuns(ref destination, columns, reversedRun, Lanes);
    }

    /// <summary>
    /// Writes <c>destination[j·8 + k] = source[k·rowStride + j]</c> for the 8 rows k and the <paramref name="columns"/>
    /// columns j, then reverses the order of the columns within each run of <paramref name="reversedRun"/> (a flipped
    /// window's taps; 1 leaves them in order).
    /// </summary>
    public static void PackWeights512(ref double source, nint rowStride, int columns, int reversedRun, ref double destination)
    {
        const int Lanes = 8;
        int j = 0;
        for (; j + Lanes <= columns; j += Lanes)
        {
            ref double row = ref Unsafe.Add(ref source, j);
            Vector512<double> e0 = Vector512.LoadUnsafe(ref row, 0);
            Vector512<double> e1 = Vector512.LoadUnsafe(ref row, (nuint)rowStride);
            Vector512<double> e2 = Vector512.LoadUnsafe(ref row, (nuint)(2 * rowStride));
            Vector512<double> e3 = Vector512.LoadUnsafe(ref row, (nuint)(3 * rowStride));
            Vector512<double> e4 = Vector512.LoadUnsafe(ref row, (nuint)(4 * rowStride));
            Vector512<double> e5 = Vector512.LoadUnsafe(ref row, (nuint)(5 * rowStride));
            Vector512<double> e6 = Vector512.LoadUnsafe(ref row, (nuint)(6 * rowStride));
            Vector512<double> e7 = Vector512.LoadUnsafe(ref row, (nuint)(7 * rowStride));

            // The output transposes' three rounds swap the row and column bits: vector m ends as column j + m.
            SwapRounds(e0, e1, e2, e3, e4, e5, e6, e7, out Vector512<double> d0, out Vector512<double> d1, out Vector512<double> d2, out Vector512<double> d3, out Vector512<double> d4, out Vector512<double> d5, out Vector512<double> d6, out Vector512<double> d7);
            ref double column = ref Unsafe.Add(ref destination, (nint)j * Lanes);
            d0.StoreUnsafe(ref column, 0 * Lanes); d1.StoreUnsafe(ref column, 1 * Lanes);
            d2.StoreUnsafe(ref column, 2 * Lanes); d3.StoreUnsafe(ref column, 3 * Lanes);
            d4.StoreUnsafe(ref column, 4 * Lanes); d5.StoreUnsafe(ref column, 5 * Lanes);
            d6.StoreUnsafe(ref column, 6 * Lanes); d7.StoreUnsafe(ref column, 7 * Lanes);
        }

        PackRemainder(ref source, rowStride, j, columns, Lanes, ref destination);
        ReverseRuns(ref destination, columns, reversedRun, Lanes);
    }

    // The columns after the last whole square, element by element.
    private static void PackRemainder<T>(ref T source, nint rowStride, int from, int columns, int lanes, ref T destination)
    {
        for (int j = from; j < columns; j++)
        {
            for (int k = 0; k < lanes; k++)
            {
                Unsafe.Add(ref destination, (nint)j * lanes + k) = Unsafe.Add(ref source, k * rowStride + j);
            }
        }
    }

    // Reverses the order of the packed columns (vectors of `lanes` elements) within each run of `run` of them.
    private static void ReverseRuns<T>(ref T destination, int columns, int run, int lanes)
    {
        for (int start = 0; run > 1 && start + run <= columns; start += run)
        {
            for (int a = start, b = start + run - 1; a < b; a++, b--)
            {
                for (int k = 0; k < lanes; k++)
                {
                    ref T x = ref Unsafe.Add(ref destination, (nint)a * lanes + k);
                    ref T y = ref Unsafe.Add(ref destination, (nint)b * lanes + k);
                    (x, y) = (y, x);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Swap(ref Vector512<float> a, ref Vector512<float> b, Vector512<int> low, Vector512<int> high)
        => (a, b) = (Avx512F.PermuteVar16x32x2(a, low, b), Avx512F.PermuteVar16x32x2(a, high, b));
}
