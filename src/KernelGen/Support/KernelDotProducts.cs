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
        for (int o = 0; o < outputs; o++)
        {
            T sum = Dot(ref Unsafe.Add(ref weightsRef, (nint)o * length), ref Unsafe.Add(ref inputRef, (nint)(o / outputsPerGroup) * length), length);
            if (!bias.IsEmpty)
            {
                sum += bias[o];
            }

            output[o] = relu && sum < T.Zero ? T.Zero : sum;
        }
    }

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
