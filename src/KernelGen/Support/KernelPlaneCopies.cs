using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KernelGen;

/// <summary>
/// The row copies of the small-plane path of generated depthwise convolutions: each input row into a padded scratch
/// copy of its plane (dealt out by column phase when the layer is strided), and each finished row out of the flattened
/// sums into the output. Rows there are 7 to a few dozen elements long, too short for a general copy routine's set-up
/// to pay: these copy with whole vectors, the last one overlapping the one before it, so that they never read or write
/// past the row's own elements (the scratch copy's padding stays zero and a neighbouring output row is never touched).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelPlaneCopies
{
    /// <summary>Copies <paramref name="count"/> elements from <paramref name="source"/> to <paramref name="destination"/> (the two do not overlap).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyRow<T>(ref T source, ref T destination, int count)
        where T : unmanaged
    {
        if (Vector256.IsHardwareAccelerated && count >= Vector256<T>.Count)
        {
            nint last = count - Vector256<T>.Count;
            for (nint k = 0; k < last; k += Vector256<T>.Count)
            {
                Vector256.LoadUnsafe(ref source, (nuint)k).StoreUnsafe(ref destination, (nuint)k);
            }

            Vector256.LoadUnsafe(ref source, (nuint)last).StoreUnsafe(ref destination, (nuint)last);
            return;
        }

        if (Vector128.IsHardwareAccelerated && count >= Vector128<T>.Count)
        {
            nint last = count - Vector128<T>.Count;
            for (nint k = 0; k < last; k += Vector128<T>.Count)
            {
                Vector128.LoadUnsafe(ref source, (nuint)k).StoreUnsafe(ref destination, (nuint)k);
            }

            Vector128.LoadUnsafe(ref source, (nuint)last).StoreUnsafe(ref destination, (nuint)last);
            return;
        }

        for (nint k = 0; k < count; k++)
        {
            Unsafe.Add(ref destination, k) = Unsafe.Add(ref source, k);
        }
    }

    /// <summary>
    /// Copies <paramref name="rows"/> rows of <paramref name="count"/> elements, <paramref name="sourcePitch"/> apart in
    /// <paramref name="source"/>, to rows <paramref name="destinationPitch"/> apart in <paramref name="destination"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyRows<T>(ref T source, nint sourcePitch, ref T destination, nint destinationPitch, int rows, int count)
        where T : unmanaged
    {
        for (int y = 0; y < rows; y++)
        {
            CopyRow(ref source, ref destination, count);
            source = ref Unsafe.Add(ref source, sourcePitch);
            destination = ref Unsafe.Add(ref destination, destinationPitch);
        }
    }

    /// <summary>
    /// Deals a strided layer's input plane out to the stride phases of its padded copy: input element (r, u) lies at
    /// padded row <c>pr = padTop + r</c> and column <c>pc = padLeft + u</c>, and goes to phase
    /// <c>(pr mod strideHeight, pc mod strideWidth)</c> at row <c>pr / strideHeight</c> and column
    /// <c>pc / strideWidth</c>. The phases are <paramref name="phaseLength"/> elements apart, row phase by row phase, their
    /// rows <paramref name="pitch"/> apart. A strided window then reads each phase at stride 1. The layers that take
    /// this path have strides of 1 or 2, the widths whose dealing is vectorized (at stride 3 an element-by-element deal
    /// cost more than the row path's strided reads).
    /// </summary>
    /// <param name="source">Element (0, 0) of the input plane, its rows <paramref name="sourcePitch"/> apart.</param>
    /// <param name="rows">The input rows to deal out (those some output reads).</param>
    /// <param name="columns">The input columns to deal out.</param>
    /// <param name="sourcePitch">The input's row length.</param>
    /// <param name="phases">The first phase's first element; the caller has zeroed the padding.</param>
    /// <param name="phaseLength">Elements from one phase to the next.</param>
    /// <param name="pitch">Elements from one row of a phase to the next.</param>
    /// <param name="padTop">Padded rows above the input.</param>
    /// <param name="padLeft">Padded columns left of the input.</param>
    /// <param name="strideHeight">The layer's vertical stride, 1 or 2.</param>
    /// <param name="strideWidth">The layer's horizontal stride, 1 or 2.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // its strides are the caller's constants
    public static void DealPlane<T>(ref T source, int rows, int columns, nint sourcePitch, ref T phases, nint phaseLength, nint pitch, int padTop, int padLeft, int strideHeight, int strideWidth)
        where T : unmanaged
    {
        // Within a row, where the even and the odd input columns start at stride 2 (column 0 is padded column padLeft).
        nint evens = (padLeft & 1) * phaseLength + padLeft / 2, odds = ((padLeft + 1) & 1) * phaseLength + (padLeft + 1) / 2;
        for (int rowPhase = 0; rowPhase < strideHeight; rowPhase++)
        {
            int first = ((rowPhase - padTop) % strideHeight + strideHeight) % strideHeight; // the first input row in this row phase
            ref T from = ref Unsafe.Add(ref source, first * sourcePitch);
            ref T to = ref Unsafe.Add(ref phases, rowPhase * strideWidth * phaseLength + (first + padTop) / strideHeight * pitch);
            for (int r = first; r < rows; r += strideHeight)
            {
                if (strideWidth == 1)
                {
                    CopyRow(ref from, ref Unsafe.Add(ref to, padLeft), columns);
                }
                else
                {
                    SplitPairs(ref from, columns, ref Unsafe.Add(ref to, evens), ref Unsafe.Add(ref to, odds));
                }

                from = ref Unsafe.Add(ref from, strideHeight * sourcePitch);
                to = ref Unsafe.Add(ref to, pitch);
            }
        }
    }

    /// <summary>Element <c>2k</c> of <paramref name="source"/> to <c>evens[k]</c> and element <c>2k + 1</c> to <c>odds[k]</c>, for the <paramref name="count"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SplitPairs<T>(ref T source, int count, ref T evens, ref T odds)
        where T : unmanaged
    {
        // Rounds of two vectors in and one out to each phase, of the widest vectors the row fills.
        nint done = Vector512.IsHardwareAccelerated && Avx512F.IsSupported && count >= Rounds512<T>.Width ? SplitRounds<T, Rounds512<T>>(ref source, count, ref evens, ref odds)
            : Vector256.IsHardwareAccelerated && count >= Rounds256<T>.Width ? SplitRounds<T, Rounds256<T>>(ref source, count, ref evens, ref odds)
            : Sse2.IsSupported && count >= Rounds128<T>.Width ? SplitRounds<T, Rounds128<T>>(ref source, count, ref evens, ref odds)
            : 0;
        for (nint u = done; u < count; u++)
        {
            Unsafe.Add(ref (u & 1) == 0 ? ref evens : ref odds, u >> 1) = Unsafe.Add(ref source, u);
        }
    }

    /// <summary>
    /// The vector rounds of <see cref="SplitPairs"/>, <typeparamref name="TRounds"/>' width each: whole rounds, then one
    /// more ending at the last even start, overlapping the round before it. The starts stay even, so each element keeps
    /// its phase; an odd count leaves its last element over. Returns the elements done.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint SplitRounds<T, TRounds>(ref T source, int count, ref T evens, ref T odds)
        where T : unmanaged
        where TRounds : struct, ISplitRound<T>
    {
        nint last = (count - TRounds.Width) & ~1;
        for (nint u = 0; ; u += TRounds.Width)
        {
            u = Math.Min(u, last);
            TRounds.Split(ref Unsafe.Add(ref source, u), ref Unsafe.Add(ref evens, u >> 1), ref Unsafe.Add(ref odds, u >> 1));
            if (u == last)
            {
                return last + TRounds.Width;
            }
        }
    }

    /// <summary>One round of <see cref="SplitPairs"/>: <see cref="Width"/> elements in, as two vectors, half of them out to each phase.</summary>
    private interface ISplitRound<T>
        where T : unmanaged
    {
        static abstract int Width { get; }

        static abstract void Split(ref T source, ref T evens, ref T odds);
    }

    /// <summary>AVX-512: each phase's vector picks its lanes from both input vectors in one two-source permute.</summary>
    private readonly struct Rounds512<T> : ISplitRound<T>
        where T : unmanaged
    {
        public static int Width => 2 * Vector512<T>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Split(ref T source, ref T evens, ref T odds)
        {
            Vector512<T> low = Vector512.LoadUnsafe(ref source), high = Vector512.LoadUnsafe(ref source, (nuint)Vector512<T>.Count);
            if (typeof(T) == typeof(float))
            {
                Vector512<int> evenLanes = Vector512.CreateSequence(0, 2);
                Avx512F.PermuteVar16x32x2(low.AsSingle(), evenLanes, high.AsSingle()).As<float, T>().StoreUnsafe(ref evens);
                Avx512F.PermuteVar16x32x2(low.AsSingle(), evenLanes + Vector512<int>.One, high.AsSingle()).As<float, T>().StoreUnsafe(ref odds);
            }
            else if (typeof(T) == typeof(double))
            {
                Vector512<long> evenLanes = Vector512.CreateSequence(0L, 2);
                Avx512F.PermuteVar8x64x2(low.AsDouble(), evenLanes, high.AsDouble()).As<double, T>().StoreUnsafe(ref evens);
                Avx512F.PermuteVar8x64x2(low.AsDouble(), evenLanes + Vector512<long>.One, high.AsDouble()).As<double, T>().StoreUnsafe(ref odds);
            }
            else
            {
                throw new NotSupportedException();
            }
        }
    }

    /// <summary>256 bits: each vector gathers its evens into its lower half and its odds into its upper half; the halves then pair up.</summary>
    private readonly struct Rounds256<T> : ISplitRound<T>
        where T : unmanaged
    {
        public static int Width => 2 * Vector256<T>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Split(ref T source, ref T evens, ref T odds)
        {
            Vector256<T> low = Vector256.LoadUnsafe(ref source), high = Vector256.LoadUnsafe(ref source, (nuint)Vector256<T>.Count);
            if (typeof(T) == typeof(float))
            {
                Vector256<int> order = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
                low = Vector256.Shuffle(low.AsSingle(), order).As<float, T>();
                high = Vector256.Shuffle(high.AsSingle(), order).As<float, T>();
            }
            else if (typeof(T) == typeof(double))
            {
                Vector256<long> order = Vector256.Create(0L, 2, 1, 3);
                low = Vector256.Shuffle(low.AsDouble(), order).As<double, T>();
                high = Vector256.Shuffle(high.AsDouble(), order).As<double, T>();
            }
            else
            {
                throw new NotSupportedException();
            }

            Vector256.Create(low.GetLower(), high.GetLower()).StoreUnsafe(ref evens);
            Vector256.Create(low.GetUpper(), high.GetUpper()).StoreUnsafe(ref odds);
        }
    }

    /// <summary>SSE2: one two-source shuffle (unpack, for doubles) per phase.</summary>
    private readonly struct Rounds128<T> : ISplitRound<T>
        where T : unmanaged
    {
        public static int Width => 2 * Vector128<T>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Split(ref T source, ref T evens, ref T odds)
        {
            Vector128<T> low = Vector128.LoadUnsafe(ref source), high = Vector128.LoadUnsafe(ref source, (nuint)Vector128<T>.Count);
            if (typeof(T) == typeof(float))
            {
                Sse.Shuffle(low.AsSingle(), high.AsSingle(), 0b10_00_10_00).As<float, T>().StoreUnsafe(ref evens);
                Sse.Shuffle(low.AsSingle(), high.AsSingle(), 0b11_01_11_01).As<float, T>().StoreUnsafe(ref odds);
            }
            else if (typeof(T) == typeof(double))
            {
                Sse2.UnpackLow(low.AsDouble(), high.AsDouble()).As<double, T>().StoreUnsafe(ref evens);
                Sse2.UnpackHigh(low.AsDouble(), high.AsDouble()).As<double, T>().StoreUnsafe(ref odds);
            }
            else
            {
                throw new NotSupportedException();
            }
        }
    }
}
