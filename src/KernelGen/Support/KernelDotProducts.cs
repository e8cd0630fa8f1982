using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KernelGen;

/// <summary>
/// The path of generated convolutions whose window covers the whole input (a Valid layer on a map exactly the window's
/// size, such as LeNet-5's last convolution): the single output position of each channel is one dot product of that
/// channel's weights with its group's input, both contiguous and in the same order, so the kernel is a
/// matrix-vector product, vectorized along the dot products rather than along a one-position output row.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelDotProducts
{
    /// <summary>
    /// <c>output[o] = act(bias[o] + Σ_k weights[o·length + k] · input[(o / outputsPerGroup)·length + k])</c> for each of
    /// the <paramref name="outputs"/> output channels; an empty <paramref name="bias"/> adds nothing. The caller has
    /// checked the spans' lengths.
    /// </summary>
    public static void MatrixVector<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output, int outputs, int length, int outputsPerGroup, bool relu)
        where T : unmanaged, INumber<T>
    {
        ref T inputRef = ref MemoryMarshal.GetReference(input);
        ref T weightsRef = ref MemoryMarshal.GetReference(weights);
        Span<T> sums = stackalloc T[DotsAtOnce];
        for (int o = 0; o < outputs;)
        {
            ref T outputWeights = ref Unsafe.Add(ref weightsRef, (nint)o * length);
            ref T groupInput = ref Unsafe.Add(ref inputRef, (nint)(o / outputsPerGroup) * length);
            // Four outputs of one group at a time where the vectors allow: each input vector is loaded once for the four,
            // and four rows of weights stream at once.
            int count = outputsPerGroup - o % outputsPerGroup >= DotsAtOnce && Dot4(ref outputWeights, ref groupInput, length, sums) ? DotsAtOnce : 1;
            if (count == 1)
            {
                sums[0] = Dot(ref outputWeights, ref groupInput, length);
            }

            for (int i = 0; i < count; i++, o++)
            {
                T sum = sums[i];
                if (!bias.IsEmpty)
                {
                    sum += bias[o];
                }

                output[o] = relu && sum < T.Zero ? T.Zero : sum;
            }
        }
    }

    private const int DotsAtOnce = 4;

    /// <summary>
    /// The four dot products of rows <paramref name="a"/>, a + <paramref name="length"/>, a + 2·length and a + 3·length
    /// with <paramref name="b"/> into <paramref name="sums"/>, two vector sums each in <see cref="Vector{T}"/> (256 bits
    /// on AVX2 and AVX-512 machines alike: the weights, each read once, stream in no faster at 512); false (nothing
    /// computed) where vectors are not accelerated or the rows are shorter than two vectors; the elements past the last
    /// vector one by one. One row at a time (LeNet-5's 120 rows of 400) ran 3.0-3.5 µs in a probe loop against 2.1-2.7
    /// for four.
    /// </summary>
    private static bool Dot4<T>(ref T a, ref T b, int length, Span<T> sums)
        where T : unmanaged, INumber<T>
    {
        int lanes = Vector<T>.Count;
        if (!Vector.IsHardwareAccelerated || length < 2 * lanes)
        {
            return false;
        }

        ref T a1 = ref Unsafe.Add(ref a, length), a2 = ref Unsafe.Add(ref a, 2 * length), a3 = ref Unsafe.Add(ref a, 3 * length);
        Vector<T> s0 = default, s1 = default, s2 = default, s3 = default, t0 = default, t1 = default, t2 = default, t3 = default;
        int k = 0;
        for (; k + 2 * lanes <= length; k += 2 * lanes)
        {
            Vector<T> x = Load(ref b, k), y = Load(ref b, k + lanes);
            s0 += Load(ref a, k) * x;
            t0 += Load(ref a, k + lanes) * y;
            s1 += Load(ref a1, k) * x;
            t1 += Load(ref a1, k + lanes) * y;
            s2 += Load(ref a2, k) * x;
            t2 += Load(ref a2, k + lanes) * y;
            s3 += Load(ref a3, k) * x;
            t3 += Load(ref a3, k + lanes) * y;
        }

        if (k + lanes <= length)
        {
            Vector<T> x = Load(ref b, k);
            s0 += Load(ref a, k) * x;
            s1 += Load(ref a1, k) * x;
            s2 += Load(ref a2, k) * x;
            s3 += Load(ref a3, k) * x;
            k += lanes;
        }

        sums[0] = Vector.Sum(s0 + t0);
        sums[1] = Vector.Sum(s1 + t1);
        sums[2] = Vector.Sum(s2 + t2);
        sums[3] = Vector.Sum(s3 + t3);
        for (; k < length; k++)
        {
            T x = Unsafe.Add(ref b, k);
            sums[0] += Unsafe.Add(ref a, k) * x;
            sums[1] += Unsafe.Add(ref a1, k) * x;
            sums[2] += Unsafe.Add(ref a2, k) * x;
            sums[3] += Unsafe.Add(ref a3, k) * x;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Load<T>(ref T source, int at)
        where T : unmanaged
        => Vector.LoadUnsafe(ref source, (nuint)at);

    // Σ a[k]·b[k] over `length` elements: four independent vector sums at the widest accelerated width, then the rest.
    private static T Dot<T>(ref T a, ref T b, int length)
        where T : unmanaged, INumber<T>
    {
        int k = 0;
        T sum = T.Zero;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<T>.Count)
        {
            int lanes = Vector512<T>.Count;
            Vector512<T> s0 = Vector512<T>.Zero, s1 = Vector512<T>.Zero, s2 = Vector512<T>.Zero, s3 = Vector512<T>.Zero;
            for (; k + 4 * lanes <= length; k += 4 * lanes)
            {
                s0 += Vector512.LoadUnsafe(ref a, (nuint)k) * Vector512.LoadUnsafe(ref b, (nuint)k);
                s1 += Vector512.LoadUnsafe(ref a, (nuint)(k + lanes)) * Vector512.LoadUnsafe(ref b, (nuint)(k + lanes));
                s2 += Vector512.LoadUnsafe(ref a, (nuint)(k + 2 * lanes)) * Vector512.LoadUnsafe(ref b, (nuint)(k + 2 * lanes));
                s3 += Vector512.LoadUnsafe(ref a, (nuint)(k + 3 * lanes)) * Vector512.LoadUnsafe(ref b, (nuint)(k + 3 * lanes));
            }

            for (; k + lanes <= length; k += lanes)
            {
                s0 += Vector512.LoadUnsafe(ref a, (nuint)k) * Vector512.LoadUnsafe(ref b, (nuint)k);
            }

            sum = Vector512.Sum((s0 + s1) + (s2 + s3));
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<T>.Count)
        {
            int lanes = Vector256<T>.Count;
            Vector256<T> s0 = Vector256<T>.Zero, s1 = Vector256<T>.Zero, s2 = Vector256<T>.Zero, s3 = Vector256<T>.Zero;
            for (; k + 4 * lanes <= length; k += 4 * lanes)
            {
                s0 += Vector256.LoadUnsafe(ref a, (nuint)k) * Vector256.LoadUnsafe(ref b, (nuint)k);
                s1 += Vector256.LoadUnsafe(ref a, (nuint)(k + lanes)) * Vector256.LoadUnsafe(ref b, (nuint)(k + lanes));
                s2 += Vector256.LoadUnsafe(ref a, (nuint)(k + 2 * lanes)) * Vector256.LoadUnsafe(ref b, (nuint)(k + 2 * lanes));
                s3 += Vector256.LoadUnsafe(ref a, (nuint)(k + 3 * lanes)) * Vector256.LoadUnsafe(ref b, (nuint)(k + 3 * lanes));
            }

            for (; k + lanes <= length; k += lanes)
            {
                s0 += Vector256.LoadUnsafe(ref a, (nuint)k) * Vector256.LoadUnsafe(ref b, (nuint)k);
            }

            sum = Vector256.Sum((s0 + s1) + (s2 + s3));
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<T>.Count)
        {
            int lanes = Vector128<T>.Count;
            Vector128<T> s0 = Vector128<T>.Zero, s1 = Vector128<T>.Zero;
            for (; k + 2 * lanes <= length; k += 2 * lanes)
            {
                s0 += Vector128.LoadUnsafe(ref a, (nuint)k) * Vector128.LoadUnsafe(ref b, (nuint)k);
                s1 += Vector128.LoadUnsafe(ref a, (nuint)(k + lanes)) * Vector128.LoadUnsafe(ref b, (nuint)(k + lanes));
            }

            for (; k + lanes <= length; k += lanes)
            {
                s0 += Vector128.LoadUnsafe(ref a, (nuint)k) * Vector128.LoadUnsafe(ref b, (nuint)k);
            }

            sum = Vector128.Sum(s0 + s1);
        }

        for (; k < length; k++)
        {
            sum += Unsafe.Add(ref a, k) * Unsafe.Add(ref b, k);
        }

        return sum;
    }
}
