using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KernelGen;

/// <summary>
/// The transposes of the channel-lane path of generated convolutions (AVX-512 only: callers test
/// <see cref="Avx512F.IsSupported"/>). One output row of a block is 8 accumulators, one per output column, each
/// holding one output channel per lane; the outputs are channel-planar, each channel's 8 columns contiguous. Three
/// rounds of two-source permutes swap bit r of the column (which vector) with bit r of the channel (which lane):
/// afterwards vector k holds the 8 columns of channel k (and, for float, of channel k + 8 in its upper half). Each
/// round is its own inverse, so loading the partial sums back runs the same rounds.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class KernelLaneTransposes
{
    /// <summary>
    /// Stores one block row of 16 output channels: <paramref name="a0"/> to a7 hold columns <paramref name="at"/> to at + 7
    /// of channel planes <paramref name="outPlane"/> apart, except the first <paramref name="keep"/> columns, which an
    /// overlapped block already finished (0 stores all 8). A block of seven <paramref name="columns"/> stores columns at
    /// to at + 6 only (a7 is ignored), one of four columns at to at + 3 (a4 to a7 ignored), writing nothing past them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3, Vector512<float> a4, Vector512<float> a5, Vector512<float> a6, Vector512<float> a7, ref float destination, nint at, nint outPlane, int keep, int columns = 8)
    {
        SwapRounds(a0, a1, a2, a3, a4, a5, a6, a7, out Vector512<float> d0, out Vector512<float> d1, out Vector512<float> d2, out Vector512<float> d3, out Vector512<float> d4, out Vector512<float> d5, out Vector512<float> d6, out Vector512<float> d7);
        StoreColumns(d0.GetLower(), ref destination, at + 0 * outPlane, keep, columns);
        StoreColumns(d0.GetUpper(), ref destination, at + 8 * outPlane, keep, columns);
        StoreColumns(d1.GetLower(), ref destination, at + 1 * outPlane, keep, columns);
        StoreColumns(d1.GetUpper(), ref destination, at + 9 * outPlane, keep, columns);
        StoreColumns(d2.GetLower(), ref destination, at + 2 * outPlane, keep, columns);
        StoreColumns(d2.GetUpper(), ref destination, at + 10 * outPlane, keep, columns);
        StoreColumns(d3.GetLower(), ref destination, at + 3 * outPlane, keep, columns);
        StoreColumns(d3.GetUpper(), ref destination, at + 11 * outPlane, keep, columns);
        StoreColumns(d4.GetLower(), ref destination, at + 4 * outPlane, keep, columns);
        StoreColumns(d4.GetUpper(), ref destination, at + 12 * outPlane, keep, columns);
        StoreColumns(d5.GetLower(), ref destination, at + 5 * outPlane, keep, columns);
        StoreColumns(d5.GetUpper(), ref destination, at + 13 * outPlane, keep, columns);
        StoreColumns(d6.GetLower(), ref destination, at + 6 * outPlane, keep, columns);
        StoreColumns(d6.GetUpper(), ref destination, at + 14 * outPlane, keep, columns);
        StoreColumns(d7.GetLower(), ref destination, at + 7 * outPlane, keep, columns);
        StoreColumns(d7.GetUpper(), ref destination, at + 15 * outPlane, keep, columns);
    }

    /// <summary><see cref="Store(Vector512{float}, Vector512{float}, Vector512{float}, Vector512{float}, Vector512{float}, Vector512{float}, Vector512{float}, Vector512{float}, ref float, nint, nint, int, int)"/> as a call of its own: a caller that also resumes partial sums keeps its stack frame small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void StoreOutOfLine(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3, Vector512<float> a4, Vector512<float> a5, Vector512<float> a6, Vector512<float> a7, ref float destination, nint at, nint outPlane, int keep, int columns = 8)
        => Store(a0, a1, a2, a3, a4, a5, a6, a7, ref destination, at, outPlane, keep, columns);

    /// <summary>
    /// The inverse of <c>Store</c>: the partial sums of one block row, one accumulator per column. A block of seven or
    /// four <paramref name="columns"/> reads nothing past them (a7, or a4 to a7, then hold no column).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load(ref float source, nint at, nint outPlane, out Vector512<float> a0, out Vector512<float> a1, out Vector512<float> a2, out Vector512<float> a3, out Vector512<float> a4, out Vector512<float> a5, out Vector512<float> a6, out Vector512<float> a7, int columns = 8)
    {
        Vector512<float> e0 = Vector512.Create(LoadColumns(ref source, at + 0 * outPlane, columns), LoadColumns(ref source, at + 8 * outPlane, columns));
        Vector512<float> e1 = Vector512.Create(LoadColumns(ref source, at + 1 * outPlane, columns), LoadColumns(ref source, at + 9 * outPlane, columns));
        Vector512<float> e2 = Vector512.Create(LoadColumns(ref source, at + 2 * outPlane, columns), LoadColumns(ref source, at + 10 * outPlane, columns));
        Vector512<float> e3 = Vector512.Create(LoadColumns(ref source, at + 3 * outPlane, columns), LoadColumns(ref source, at + 11 * outPlane, columns));
        Vector512<float> e4 = Vector512.Create(LoadColumns(ref source, at + 4 * outPlane, columns), LoadColumns(ref source, at + 12 * outPlane, columns));
        Vector512<float> e5 = Vector512.Create(LoadColumns(ref source, at + 5 * outPlane, columns), LoadColumns(ref source, at + 13 * outPlane, columns));
        Vector512<float> e6 = Vector512.Create(LoadColumns(ref source, at + 6 * outPlane, columns), LoadColumns(ref source, at + 14 * outPlane, columns));
        Vector512<float> e7 = Vector512.Create(LoadColumns(ref source, at + 7 * outPlane, columns), LoadColumns(ref source, at + 15 * outPlane, columns));
        SwapRounds(e0, e1, e2, e3, e4, e5, e6, e7, out a0, out a1, out a2, out a3, out a4, out a5, out a6, out a7);
    }

    // The three rounds of permutes; each is its own inverse, so the store and the load share them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SwapRounds(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3, Vector512<float> a4, Vector512<float> a5, Vector512<float> a6, Vector512<float> a7, out Vector512<float> d0, out Vector512<float> d1, out Vector512<float> d2, out Vector512<float> d3, out Vector512<float> d4, out Vector512<float> d5, out Vector512<float> d6, out Vector512<float> d7)
    {
        Vector512<float> b0 = Avx512F.PermuteVar16x32x2(a0, SwapLow0F, a1);
        Vector512<float> b1 = Avx512F.PermuteVar16x32x2(a0, SwapHigh0F, a1);
        Vector512<float> b2 = Avx512F.PermuteVar16x32x2(a2, SwapLow0F, a3);
        Vector512<float> b3 = Avx512F.PermuteVar16x32x2(a2, SwapHigh0F, a3);
        Vector512<float> b4 = Avx512F.PermuteVar16x32x2(a4, SwapLow0F, a5);
        Vector512<float> b5 = Avx512F.PermuteVar16x32x2(a4, SwapHigh0F, a5);
        Vector512<float> b6 = Avx512F.PermuteVar16x32x2(a6, SwapLow0F, a7);
        Vector512<float> b7 = Avx512F.PermuteVar16x32x2(a6, SwapHigh0F, a7);
        Vector512<float> c0 = Avx512F.PermuteVar16x32x2(b0, SwapLow1F, b2);
        Vector512<float> c2 = Avx512F.PermuteVar16x32x2(b0, SwapHigh1F, b2);
        Vector512<float> c1 = Avx512F.PermuteVar16x32x2(b1, SwapLow1F, b3);
        Vector512<float> c3 = Avx512F.PermuteVar16x32x2(b1, SwapHigh1F, b3);
        Vector512<float> c4 = Avx512F.PermuteVar16x32x2(b4, SwapLow1F, b6);
        Vector512<float> c6 = Avx512F.PermuteVar16x32x2(b4, SwapHigh1F, b6);
        Vector512<float> c5 = Avx512F.PermuteVar16x32x2(b5, SwapLow1F, b7);
        Vector512<float> c7 = Avx512F.PermuteVar16x32x2(b5, SwapHigh1F, b7);
        d0 = Avx512F.PermuteVar16x32x2(c0, SwapLow2F, c4);
        d4 = Avx512F.PermuteVar16x32x2(c0, SwapHigh2F, c4);
        d1 = Avx512F.PermuteVar16x32x2(c1, SwapLow2F, c5);
        d5 = Avx512F.PermuteVar16x32x2(c1, SwapHigh2F, c5);
        d2 = Avx512F.PermuteVar16x32x2(c2, SwapLow2F, c6);
        d6 = Avx512F.PermuteVar16x32x2(c2, SwapHigh2F, c6);
        d3 = Avx512F.PermuteVar16x32x2(c3, SwapLow2F, c7);
        d7 = Avx512F.PermuteVar16x32x2(c3, SwapHigh2F, c7);
    }

    // One channel's 8 columns (or 4 to 7), the first `keep` left as they are.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreColumns(Vector256<float> value, ref float destination, nint at, int keep, int columns = 8)
    {
        if (columns == 4)
        {
            Vector128<float> quarter = value.GetLower();
            if (keep > 0)
            {
                quarter = Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Create(0, 1, 2, 3), Vector128.Create(keep)).AsSingle(), Vector128.LoadUnsafe(ref destination, (nuint)at), quarter);
            }

            quarter.StoreUnsafe(ref destination, (nuint)at);
            return;
        }

        if (columns is > 4 and < 8)
        {
            // Columns 0-3 and the last four, two overlapping quarters: nothing past the last column is written.
            int second = columns - 4;
            Vector128<float> low = value.GetLower(), high = Vector256.Shuffle(value, LastQuarter(columns)).GetLower();
            if (keep > 0)
            {
                low = Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Create(0, 1, 2, 3), Vector128.Create(keep)).AsSingle(), Vector128.LoadUnsafe(ref destination, (nuint)at), low);
                high = Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Create(second, second + 1, second + 2, second + 3), Vector128.Create(keep)).AsSingle(), Vector128.LoadUnsafe(ref destination, (nuint)(at + second)), high);
            }

            low.StoreUnsafe(ref destination, (nuint)at);
            high.StoreUnsafe(ref destination, (nuint)(at + second));
            return;
        }

        if (keep > 0)
        {
            Vector256<float> kept = Vector256.LoadUnsafe(ref destination, (nuint)at);
            value = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(keep)).AsSingle(), kept, value);
        }

        value.StoreUnsafe(ref destination, (nuint)at);
    }

    // The permute moving a block's last four of 5 to 7 columns into the lower quarter (a constant once inlined).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> LastQuarter(int columns) => columns switch
    {
        5 => Vector256.Create(1, 2, 3, 4, 7, 7, 7, 7),
        6 => Vector256.Create(2, 3, 4, 5, 7, 7, 7, 7),
        _ => Vector256.Create(3, 4, 5, 6, 7, 7, 7, 7),
    };

    // One channel's 8 columns (or 5 to 7, the lanes past the last repeating it; or 4, the upper half zero), read as
    // StoreColumns wrote them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> LoadColumns(ref float source, nint at, int columns)
        => columns switch
        {
            4 => Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)at), Vector128<float>.Zero),
            > 4 and < 8 => Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)at), Vector128.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)(at + columns - 4)), UpperFromLastQuarter(columns))),
            _ => Vector256.LoadUnsafe(ref source, (nuint)at),
        };

    // Columns 4 on of a block of 5 to 7 from the quarter holding its last four (LoadColumns; a constant once inlined).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> UpperFromLastQuarter(int columns) => columns switch
    {
        5 => Vector128.Create(3, 3, 3, 3),
        6 => Vector128.Create(2, 3, 3, 3),
        _ => Vector128.Create(1, 2, 3, 3),
    };

    /// <summary>
    /// Stores one block row of 8 output channels: <paramref name="a0"/> to a7 hold columns <paramref name="at"/> to at + 7
    /// of channel planes <paramref name="outPlane"/> apart, except the first <paramref name="keep"/> columns, which an
    /// overlapped block already finished (0 stores all 8). A block of seven <paramref name="columns"/> stores columns at
    /// to at + 6 only (a7 is ignored), one of four columns at to at + 3 (a4 to a7 ignored), writing nothing past them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<double> a0, Vector512<double> a1, Vector512<double> a2, Vector512<double> a3, Vector512<double> a4, Vector512<double> a5, Vector512<double> a6, Vector512<double> a7, ref double destination, nint at, nint outPlane, int keep, int columns = 8)
    {
        SwapRounds(a0, a1, a2, a3, a4, a5, a6, a7, out Vector512<double> d0, out Vector512<double> d1, out Vector512<double> d2, out Vector512<double> d3, out Vector512<double> d4, out Vector512<double> d5, out Vector512<double> d6, out Vector512<double> d7);
        StoreColumns(d0, ref destination, at + 0 * outPlane, keep, columns);
        StoreColumns(d1, ref destination, at + 1 * outPlane, keep, columns);
        StoreColumns(d2, ref destination, at + 2 * outPlane, keep, columns);
        StoreColumns(d3, ref destination, at + 3 * outPlane, keep, columns);
        StoreColumns(d4, ref destination, at + 4 * outPlane, keep, columns);
        StoreColumns(d5, ref destination, at + 5 * outPlane, keep, columns);
        StoreColumns(d6, ref destination, at + 6 * outPlane, keep, columns);
        StoreColumns(d7, ref destination, at + 7 * outPlane, keep, columns);
    }

    /// <summary><see cref="Store(Vector512{double}, Vector512{double}, Vector512{double}, Vector512{double}, Vector512{double}, Vector512{double}, Vector512{double}, Vector512{double}, ref double, nint, nint, int, int)"/> as a call of its own: a caller that also resumes partial sums keeps its stack frame small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void StoreOutOfLine(Vector512<double> a0, Vector512<double> a1, Vector512<double> a2, Vector512<double> a3, Vector512<double> a4, Vector512<double> a5, Vector512<double> a6, Vector512<double> a7, ref double destination, nint at, nint outPlane, int keep, int columns = 8)
        => Store(a0, a1, a2, a3, a4, a5, a6, a7, ref destination, at, outPlane, keep, columns);

    /// <summary>
    /// The inverse of <c>Store</c>: the partial sums of one block row, one accumulator per column. A block of seven or
    /// four <paramref name="columns"/> reads nothing past them (a7, or a4 to a7, then hold no column).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load(ref double source, nint at, nint outPlane, out Vector512<double> a0, out Vector512<double> a1, out Vector512<double> a2, out Vector512<double> a3, out Vector512<double> a4, out Vector512<double> a5, out Vector512<double> a6, out Vector512<double> a7, int columns = 8)
    {
        Vector512<double> e0 = LoadColumns(ref source, at + 0 * outPlane, columns);
        Vector512<double> e1 = LoadColumns(ref source, at + 1 * outPlane, columns);
        Vector512<double> e2 = LoadColumns(ref source, at + 2 * outPlane, columns);
        Vector512<double> e3 = LoadColumns(ref source, at + 3 * outPlane, columns);
        Vector512<double> e4 = LoadColumns(ref source, at + 4 * outPlane, columns);
        Vector512<double> e5 = LoadColumns(ref source, at + 5 * outPlane, columns);
        Vector512<double> e6 = LoadColumns(ref source, at + 6 * outPlane, columns);
        Vector512<double> e7 = LoadColumns(ref source, at + 7 * outPlane, columns);
        SwapRounds(e0, e1, e2, e3, e4, e5, e6, e7, out a0, out a1, out a2, out a3, out a4, out a5, out a6, out a7);
    }

    // The three rounds of permutes; each is its own inverse, so the store and the load share them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SwapRounds(Vector512<double> a0, Vector512<double> a1, Vector512<double> a2, Vector512<double> a3, Vector512<double> a4, Vector512<double> a5, Vector512<double> a6, Vector512<double> a7, out Vector512<double> d0, out Vector512<double> d1, out Vector512<double> d2, out Vector512<double> d3, out Vector512<double> d4, out Vector512<double> d5, out Vector512<double> d6, out Vector512<double> d7)
    {
        Vector512<double> b0 = Avx512F.PermuteVar8x64x2(a0, SwapLow0D, a1);
        Vector512<double> b1 = Avx512F.PermuteVar8x64x2(a0, SwapHigh0D, a1);
        Vector512<double> b2 = Avx512F.PermuteVar8x64x2(a2, SwapLow0D, a3);
        Vector512<double> b3 = Avx512F.PermuteVar8x64x2(a2, SwapHigh0D, a3);
        Vector512<double> b4 = Avx512F.PermuteVar8x64x2(a4, SwapLow0D, a5);
        Vector512<double> b5 = Avx512F.PermuteVar8x64x2(a4, SwapHigh0D, a5);
        Vector512<double> b6 = Avx512F.PermuteVar8x64x2(a6, SwapLow0D, a7);
        Vector512<double> b7 = Avx512F.PermuteVar8x64x2(a6, SwapHigh0D, a7);
        Vector512<double> c0 = Avx512F.PermuteVar8x64x2(b0, SwapLow1D, b2);
        Vector512<double> c2 = Avx512F.PermuteVar8x64x2(b0, SwapHigh1D, b2);
        Vector512<double> c1 = Avx512F.PermuteVar8x64x2(b1, SwapLow1D, b3);
        Vector512<double> c3 = Avx512F.PermuteVar8x64x2(b1, SwapHigh1D, b3);
        Vector512<double> c4 = Avx512F.PermuteVar8x64x2(b4, SwapLow1D, b6);
        Vector512<double> c6 = Avx512F.PermuteVar8x64x2(b4, SwapHigh1D, b6);
        Vector512<double> c5 = Avx512F.PermuteVar8x64x2(b5, SwapLow1D, b7);
        Vector512<double> c7 = Avx512F.PermuteVar8x64x2(b5, SwapHigh1D, b7);
        d0 = Avx512F.PermuteVar8x64x2(c0, SwapLow2D, c4);
        d4 = Avx512F.PermuteVar8x64x2(c0, SwapHigh2D, c4);
        d1 = Avx512F.PermuteVar8x64x2(c1, SwapLow2D, c5);
        d5 = Avx512F.PermuteVar8x64x2(c1, SwapHigh2D, c5);
        d2 = Avx512F.PermuteVar8x64x2(c2, SwapLow2D, c6);
        d6 = Avx512F.PermuteVar8x64x2(c2, SwapHigh2D, c6);
        d3 = Avx512F.PermuteVar8x64x2(c3, SwapLow2D, c7);
        d7 = Avx512F.PermuteVar8x64x2(c3, SwapHigh2D, c7);
    }

    // One channel's 8 columns (or 4 to 7), the first `keep` left as they are.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreColumns(Vector512<double> value, ref double destination, nint at, int keep, int columns)
    {
        if (columns == 4)
        {
            Vector256<double> quarter = value.GetLower();
            if (keep > 0)
            {
                quarter = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Create(0L, 1L, 2L, 3L), Vector256.Create((long)keep)).AsDouble(), Vector256.LoadUnsafe(ref destination, (nuint)at), quarter);
            }

            quarter.StoreUnsafe(ref destination, (nuint)at);
            return;
        }

        if (columns == 7)
        {
            // Columns 0-3 and 3-6, two overlapping quarters: nothing past the seventh column is written.
            Vector256<double> low = value.GetLower(), high = Vector512.Shuffle(value, Vector512.Create(3L, 4L, 5L, 6L, 7L, 7L, 7L, 7L)).GetLower();
            if (keep > 0)
            {
                low = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Create(0L, 1L, 2L, 3L), Vector256.Create((long)keep)).AsDouble(), Vector256.LoadUnsafe(ref destination, (nuint)at), low);
                high = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Create(3L, 4L, 5L, 6L), Vector256.Create((long)keep)).AsDouble(), Vector256.LoadUnsafe(ref destination, (nuint)(at + 3)), high);
            }

            low.StoreUnsafe(ref destination, (nuint)at);
            high.StoreUnsafe(ref destination, (nuint)(at + 3));
            return;
        }

        if (keep > 0)
        {
            Vector512<double> kept = Vector512.LoadUnsafe(ref destination, (nuint)at);
            value = Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Create(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), Vector512.Create((long)keep)).AsDouble(), kept, value);
        }

        value.StoreUnsafe(ref destination, (nuint)at);
    }

    // One channel's 8 columns (or 7, the eighth lane then repeating the seventh; or 4, the upper half zero), read as
    // StoreColumns wrote them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LoadColumns(ref double source, nint at, int columns)
        => columns switch
        {
            7 => Vector512.Create(Vector256.LoadUnsafe(ref source, (nuint)at), Vector256.Shuffle(Vector256.LoadUnsafe(ref source, (nuint)(at + 3)), Vector256.Create(1L, 2L, 3L, 3L))),
            4 => Vector512.Create(Vector256.LoadUnsafe(ref source, (nuint)at), Vector256<double>.Zero),
            _ => Vector512.LoadUnsafe(ref source, (nuint)at),
        };

    // The permute indices of round r: lanes with bit r clear keep the first vector's lane, those with it set take the
    // second vector's lane with bit r cleared (SwapLow); SwapHigh is its mirror. Index n + lanes names lane n of the second.
    // Inlined however large the caller: code compiled without a profile (on-stack replacement, Native AOT) otherwise
    // calls a getter for every permute once the caller has used up the JIT's inlining budget.
    private static Vector512<int> SwapLow0F { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0, 16, 2, 18, 4, 20, 6, 22, 8, 24, 10, 26, 12, 28, 14, 30); }

    private static Vector512<int> SwapHigh0F { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(1, 17, 3, 19, 5, 21, 7, 23, 9, 25, 11, 27, 13, 29, 15, 31); }

    private static Vector512<int> SwapLow1F { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0, 1, 16, 17, 4, 5, 20, 21, 8, 9, 24, 25, 12, 13, 28, 29); }

    private static Vector512<int> SwapHigh1F { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(2, 3, 18, 19, 6, 7, 22, 23, 10, 11, 26, 27, 14, 15, 30, 31); }

    private static Vector512<int> SwapLow2F { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0, 1, 2, 3, 16, 17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27); }

    private static Vector512<int> SwapHigh2F { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31); }

    private static Vector512<int> SwapLow3F { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23); }

    private static Vector512<int> SwapHigh3F { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31); }

    private static Vector512<long> SwapLow0D { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0L, 8L, 2L, 10L, 4L, 12L, 6L, 14L); }

    private static Vector512<long> SwapHigh0D { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(1L, 9L, 3L, 11L, 5L, 13L, 7L, 15L); }

    private static Vector512<long> SwapLow1D { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0L, 1L, 8L, 9L, 4L, 5L, 12L, 13L); }

    private static Vector512<long> SwapHigh1D { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(2L, 3L, 10L, 11L, 6L, 7L, 14L, 15L); }

    private static Vector512<long> SwapLow2D { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(0L, 1L, 2L, 3L, 8L, 9L, 10L, 11L); }

    private static Vector512<long> SwapHigh2D { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Vector512.Create(4L, 5L, 6L, 7L, 12L, 13L, 14L, 15L); }
}
