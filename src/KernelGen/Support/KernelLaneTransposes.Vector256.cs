using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KernelGen;

// The 256-bit channel-lane path (AVX2 and FMA: callers test Avx2.IsSupported): a block row is 8 accumulators, one per
// output column, each holding 8 float or 4 double output channels. A float block row is one 8 × 8 square, transposed
// in three rounds of in-register shuffles (pairs, quads, halves); a double block row is two 4 × 4 squares, columns 0-3
// and 4-7. The weight repacking transposes the same squares the other way. A transpose is its own inverse, so loading
// the partial sums back runs the same rounds.
public static partial class KernelLaneTransposes
{
    /// <summary>
    /// Stores one block row of 8 output channels: <paramref name="a0"/> to a7 hold columns <paramref name="at"/> to
    /// at + 7 of channel planes <paramref name="outPlane"/> apart, except the first <paramref name="keep"/> columns, which
    /// an overlapped block already finished (0 stores all 8). A block of 4 to 7 <paramref name="columns"/> stores
    /// those columns only (the accumulators past them are ignored), writing nothing past them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3, Vector256<float> a4, Vector256<float> a5, Vector256<float> a6, Vector256<float> a7, ref float destination, nint at, nint outPlane, int keep, int columns = 8)
    {
        Transpose(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7);
        StoreColumns(a0, ref destination, at + 0 * outPlane, keep, columns);
        StoreColumns(a1, ref destination, at + 1 * outPlane, keep, columns);
        StoreColumns(a2, ref destination, at + 2 * outPlane, keep, columns);
        StoreColumns(a3, ref destination, at + 3 * outPlane, keep, columns);
        StoreColumns(a4, ref destination, at + 4 * outPlane, keep, columns);
        StoreColumns(a5, ref destination, at + 5 * outPlane, keep, columns);
        StoreColumns(a6, ref destination, at + 6 * outPlane, keep, columns);
        StoreColumns(a7, ref destination, at + 7 * outPlane, keep, columns);
    }

    /// <summary><see cref="Store(Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, ref float, nint, nint, int, int)"/> as a call of its own: a caller that also resumes partial sums keeps its stack frame small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void StoreOutOfLine(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3, Vector256<float> a4, Vector256<float> a5, Vector256<float> a6, Vector256<float> a7, ref float destination, nint at, nint outPlane, int keep, int columns = 8)
        => Store(a0, a1, a2, a3, a4, a5, a6, a7, ref destination, at, outPlane, keep, columns);

    /// <summary>
    /// The inverse of <c>Store</c>: the partial sums of one block row of 8 channels, one accumulator per column. A block
    /// of 4 to 7 <paramref name="columns"/> reads nothing past them (the accumulators past them then hold no column).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load(ref float source, nint at, nint outPlane, out Vector256<float> a0, out Vector256<float> a1, out Vector256<float> a2, out Vector256<float> a3, out Vector256<float> a4, out Vector256<float> a5, out Vector256<float> a6, out Vector256<float> a7, int columns = 8)
    {
        a0 = LoadColumns(ref source, at + 0 * outPlane, columns);
        a1 = LoadColumns(ref source, at + 1 * outPlane, columns);
        a2 = LoadColumns(ref source, at + 2 * outPlane, columns);
        a3 = LoadColumns(ref source, at + 3 * outPlane, columns);
        a4 = LoadColumns(ref source, at + 4 * outPlane, columns);
        a5 = LoadColumns(ref source, at + 5 * outPlane, columns);
        a6 = LoadColumns(ref source, at + 6 * outPlane, columns);
        a7 = LoadColumns(ref source, at + 7 * outPlane, columns);
        Transpose(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7);
    }

    /// <summary>
    /// Stores one block row of 4 output channels: <paramref name="a0"/> to a7 hold columns <paramref name="at"/> to
    /// at + 7 of channel planes <paramref name="outPlane"/> apart, except the first <paramref name="keep"/> columns, which
    /// an overlapped block already finished (0 stores all 8). A block of 4 to 7 <paramref name="columns"/> stores
    /// those columns only (the accumulators past them are ignored), writing nothing past them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> a0, Vector256<double> a1, Vector256<double> a2, Vector256<double> a3, Vector256<double> a4, Vector256<double> a5, Vector256<double> a6, Vector256<double> a7, ref double destination, nint at, nint outPlane, int keep, int columns = 8)
    {
        // Columns 0-3 of each channel from the first square, 4-7 from the second.
        Transpose(ref a0, ref a1, ref a2, ref a3);
        StoreColumns(a0, ref destination, at + 0 * outPlane, keep);
        StoreColumns(a1, ref destination, at + 1 * outPlane, keep);
        StoreColumns(a2, ref destination, at + 2 * outPlane, keep);
        StoreColumns(a3, ref destination, at + 3 * outPlane, keep);
        if (columns > 4)
        {
            Transpose(ref a4, ref a5, ref a6, ref a7);
            StoreColumns(a4, ref destination, at + 0 * outPlane + 4, keep - 4, columns - 4);
            StoreColumns(a5, ref destination, at + 1 * outPlane + 4, keep - 4, columns - 4);
            StoreColumns(a6, ref destination, at + 2 * outPlane + 4, keep - 4, columns - 4);
            StoreColumns(a7, ref destination, at + 3 * outPlane + 4, keep - 4, columns - 4);
        }
    }

    /// <summary><see cref="Store(Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double}, ref double, nint, nint, int, int)"/> as a call of its own: a caller that also resumes partial sums keeps its stack frame small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void StoreOutOfLine(Vector256<double> a0, Vector256<double> a1, Vector256<double> a2, Vector256<double> a3, Vector256<double> a4, Vector256<double> a5, Vector256<double> a6, Vector256<double> a7, ref double destination, nint at, nint outPlane, int keep, int columns = 8)
        => Store(a0, a1, a2, a3, a4, a5, a6, a7, ref destination, at, outPlane, keep, columns);

    /// <summary>
    /// The inverse of <c>Store</c>: the partial sums of one block row of 4 channels, one accumulator per column. A block
    /// of 4 to 7 <paramref name="columns"/> reads nothing past them (the accumulators past them then hold zeros).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load(ref double source, nint at, nint outPlane, out Vector256<double> a0, out Vector256<double> a1, out Vector256<double> a2, out Vector256<double> a3, out Vector256<double> a4, out Vector256<double> a5, out Vector256<double> a6, out Vector256<double> a7, int columns = 8)
    {
        a0 = Vector256.LoadUnsafe(ref source, (nuint)(at + 0 * outPlane));
        a1 = Vector256.LoadUnsafe(ref source, (nuint)(at + 1 * outPlane));
        a2 = Vector256.LoadUnsafe(ref source, (nuint)(at + 2 * outPlane));
        a3 = Vector256.LoadUnsafe(ref source, (nuint)(at + 3 * outPlane));
        Transpose(ref a0, ref a1, ref a2, ref a3);
        if (columns > 4)
        {
            a4 = LoadSquareColumns(ref source, at + 0 * outPlane + 4, columns - 4);
            a5 = LoadSquareColumns(ref source, at + 1 * outPlane + 4, columns - 4);
            a6 = LoadSquareColumns(ref source, at + 2 * outPlane + 4, columns - 4);
            a7 = LoadSquareColumns(ref source, at + 3 * outPlane + 4, columns - 4);
            Transpose(ref a4, ref a5, ref a6, ref a7);
        }
        else
        {
            a4 = a5 = a6 = a7 = Vector256<double>.Zero;
        }
    }

    /// <summary>
    /// Writes <c>destination[j·8 + k] = source[k·rowStride + j]</c> for the 8 rows k and the <paramref name="columns"/>
    /// columns j, then reverses the order of the columns within each run of <paramref name="reversedRun"/> (a flipped
    /// window's taps; 1 leaves them in order).
    /// </summary>
    public static void PackWeights256(ref float source, nint rowStride, int columns, int reversedRun, ref float destination)
    {
        const int Lanes = 8;
        int j = 0;
        for (; j + Lanes <= columns; j += Lanes)
        {
            ref float row = ref Unsafe.Add(ref source, j);
            Vector256<float> r0 = Vector256.LoadUnsafe(ref row, 0), r1 = Vector256.LoadUnsafe(ref row, (nuint)rowStride);
            Vector256<float> r2 = Vector256.LoadUnsafe(ref row, (nuint)(2 * rowStride)), r3 = Vector256.LoadUnsafe(ref row, (nuint)(3 * rowStride));
            Vector256<float> r4 = Vector256.LoadUnsafe(ref row, (nuint)(4 * rowStride)), r5 = Vector256.LoadUnsafe(ref row, (nuint)(5 * rowStride));
            Vector256<float> r6 = Vector256.LoadUnsafe(ref row, (nuint)(6 * rowStride)), r7 = Vector256.LoadUnsafe(ref row, (nuint)(7 * rowStride));
            Transpose(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);

            ref float column = ref Unsafe.Add(ref destination, (nint)j * Lanes);
            r0.StoreUnsafe(ref column, 0 * Lanes); r1.StoreUnsafe(ref column, 1 * Lanes);
            r2.StoreUnsafe(ref column, 2 * Lanes); r3.StoreUnsafe(ref column, 3 * Lanes);
            r4.StoreUnsafe(ref column, 4 * Lanes); r5.StoreUnsafe(ref column, 5 * Lanes);
            r6.StoreUnsafe(ref column, 6 * Lanes); r7.StoreUnsafe(ref column, 7 * Lanes);
        }

        PackRemainder(ref source, rowStride, j, columns, Lanes, ref destination);
        ReverseRuns(ref destination, columns, reversedRun, Lanes);
    }

    /// <summary>
    /// Writes <c>destination[j·4 + k] = source[k·rowStride + j]</c> for the 4 rows k and the <paramref name="columns"/>
    /// columns j, then reverses the order of the columns within each run of <paramref name="reversedRun"/> (a flipped
    /// window's taps; 1 leaves them in order).
    /// </summary>
    public static void PackWeights256(ref double source, nint rowStride, int columns, int reversedRun, ref double destination)
    {
        const int Lanes = 4;
        int j = 0;
        for (; j + Lanes <= columns; j += Lanes)
        {
            ref double row = ref Unsafe.Add(ref source, j);
            Vector256<double> r0 = Vector256.LoadUnsafe(ref row, 0), r1 = Vector256.LoadUnsafe(ref row, (nuint)rowStride);
            Vector256<double> r2 = Vector256.LoadUnsafe(ref row, (nuint)(2 * rowStride)), r3 = Vector256.LoadUnsafe(ref row, (nuint)(3 * rowStride));
            Transpose(ref r0, ref r1, ref r2, ref r3);

            ref double column = ref Unsafe.Add(ref destination, (nint)j * Lanes);
            r0.StoreUnsafe(ref column, 0 * Lanes); r1.StoreUnsafe(ref column, 1 * Lanes);
            r2.StoreUnsafe(ref column, 2 * Lanes); r3.StoreUnsafe(ref column, 3 * Lanes);
        }

        PackRemainder(ref source, rowStride, j, columns, Lanes, ref destination);
        ReverseRuns(ref destination, columns, reversedRun, Lanes);
    }

    // An 8 × 8 transpose: element k of vector m ends as element m of vector k.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2, ref Vector256<float> a3, ref Vector256<float> a4, ref Vector256<float> a5, ref Vector256<float> a6, ref Vector256<float> a7)
    {
        // Pairs: interleave neighbouring vectors (within each 128-bit half).
        Vector256<float> b0 = Avx.UnpackLow(a0, a1), b1 = Avx.UnpackHigh(a0, a1);
        Vector256<float> b2 = Avx.UnpackLow(a2, a3), b3 = Avx.UnpackHigh(a2, a3);
        Vector256<float> b4 = Avx.UnpackLow(a4, a5), b5 = Avx.UnpackHigh(a4, a5);
        Vector256<float> b6 = Avx.UnpackLow(a6, a7), b7 = Avx.UnpackHigh(a6, a7);

        // Quads: each half now holds one element of four vectors.
        Vector256<float> c0 = Avx.Shuffle(b0, b2, 0x44), c1 = Avx.Shuffle(b0, b2, 0xEE);
        Vector256<float> c2 = Avx.Shuffle(b1, b3, 0x44), c3 = Avx.Shuffle(b1, b3, 0xEE);
        Vector256<float> c4 = Avx.Shuffle(b4, b6, 0x44), c5 = Avx.Shuffle(b4, b6, 0xEE);
        Vector256<float> c6 = Avx.Shuffle(b5, b7, 0x44), c7 = Avx.Shuffle(b5, b7, 0xEE);

        // Halves: the low halves of vectors 0-3 and 4-7 make elements 0-3, the high halves elements 4-7.
        a0 = Avx.Permute2x128(c0, c4, 0x20); a4 = Avx.Permute2x128(c0, c4, 0x31);
        a1 = Avx.Permute2x128(c1, c5, 0x20); a5 = Avx.Permute2x128(c1, c5, 0x31);
        a2 = Avx.Permute2x128(c2, c6, 0x20); a6 = Avx.Permute2x128(c2, c6, 0x31);
        a3 = Avx.Permute2x128(c3, c7, 0x20); a7 = Avx.Permute2x128(c3, c7, 0x31);
    }

    // A 4 × 4 transpose of doubles: element k of vector m ends as element m of vector k.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref Vector256<double> a0, ref Vector256<double> a1, ref Vector256<double> a2, ref Vector256<double> a3)
    {
        Vector256<double> b0 = Avx.UnpackLow(a0, a1), b1 = Avx.UnpackHigh(a0, a1);
        Vector256<double> b2 = Avx.UnpackLow(a2, a3), b3 = Avx.UnpackHigh(a2, a3);
        a0 = Avx.Permute2x128(b0, b2, 0x20); a2 = Avx.Permute2x128(b0, b2, 0x31);
        a1 = Avx.Permute2x128(b1, b3, 0x20); a3 = Avx.Permute2x128(b1, b3, 0x31);
    }

    // Four columns of one channel (or the first 1 to 3), the first `keep` of them left as they are (none when keep ≤ 0).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreColumns(Vector256<double> value, ref double destination, nint at, int keep, int columns = 4)
    {
        if (columns < 4)
        {
            // The second square of a block of 5 to 7 columns: element by element, nothing past the last column written.
            for (int j = Math.Max(keep, 0); j < columns; j++)
            {
                Unsafe.Add(ref destination, at + j) = value.GetElement(j);
            }

            return;
        }

        if (keep > 0)
        {
            Vector256<double> kept = Vector256.LoadUnsafe(ref destination, (nuint)at);
            value = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Create(0L, 1L, 2L, 3L), Vector256.Create((long)keep)).AsDouble(), kept, value);
        }

        value.StoreUnsafe(ref destination, (nuint)at);
    }

    // Four columns of one channel, or the first 1 to 3 with zeros past them (the second square of a block of 5 to 7).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LoadSquareColumns(ref double source, nint at, int columns)
        => columns switch
        {
            1 => Vector256.CreateScalar(Unsafe.Add(ref source, at)),
            2 => Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)at), Vector128<double>.Zero),
            3 => Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)at), Vector128.CreateScalar(Unsafe.Add(ref source, at + 2))),
            _ => Vector256.LoadUnsafe(ref source, (nuint)at),
        };
}
