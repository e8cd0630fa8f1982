using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KernelGen.Benchmarks;

/// <summary>
/// The memory bound of a kernel: one vectorized pass that reads an input of the kernel's size once, front to back,
/// and writes an output of the kernel's size once, each output vector the maximum of its share of the input
/// vectors. No kernel moves fewer bytes (it must read every input and write every output), so a kernel's time over
/// this pass's, measured in the same run, says how far it is from the memory system's speed; for a pool, which does
/// almost no arithmetic, that is the whole story. Unlike <c>Span.CopyTo</c>, which reads and writes as many bytes
/// each way, the pass reads and writes what the kernel does.
/// </summary>
public static class MemoryBound
{
    public static void Pass<T>(ReadOnlySpan<T> input, Span<T> output)
        where T : unmanaged, INumber<T>
    {
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            Pass512(input, output);
        }
        else
        {
            PassOfVectorT(input, output);
        }
    }

    private static void Pass512<T>(ReadOnlySpan<T> input, Span<T> output)
        where T : unmanaged, INumber<T>
    {
        int lanes = Vector512<T>.Count;
        (int inVectors, int outVectors) = (input.Length / lanes, output.Length / lanes);
        ref T source = ref MemoryMarshal.GetReference(input);
        ref T destination = ref MemoryMarshal.GetReference(output);
        for (int k = 0; k < outVectors; k++)
        {
            // Output vector k takes input vectors [from, to): every input vector once, in order.
            int from = (int)((long)k * inVectors / outVectors), to = (int)((long)(k + 1) * inVectors / outVectors);
            Vector512<T> value = Vector512.LoadUnsafe(ref source, (nuint)(from * lanes));
            for (int q = from + 1; q < to; q++)
            {
                value = Vector512.Max(value, Vector512.LoadUnsafe(ref source, (nuint)(q * lanes)));
            }

            value.StoreUnsafe(ref destination, (nuint)(k * lanes));
        }

        Tails(input, output, inVectors * lanes, outVectors * lanes);
    }

    private static void PassOfVectorT<T>(ReadOnlySpan<T> input, Span<T> output)
        where T : unmanaged, INumber<T>
    {
        int lanes = Vector<T>.Count;
        (int inVectors, int outVectors) = (input.Length / lanes, output.Length / lanes);
        for (int k = 0; k < outVectors; k++)
        {
            int from = (int)((long)k * inVectors / outVectors), to = (int)((long)(k + 1) * inVectors / outVectors);
            var value = new Vector<T>(input[(from * lanes)..]);
            for (int q = from + 1; q < to; q++)
            {
                value = Vector.Max(value, new Vector<T>(input[(q * lanes)..]));
            }

            value.CopyTo(output[(k * lanes)..]);
        }

        Tails(input, output, inVectors * lanes, outVectors * lanes);
    }

    // The elements past the last whole vector of each buffer: the rest of the input read, the rest of the output written.
    private static void Tails<T>(ReadOnlySpan<T> input, Span<T> output, int readUpTo, int writtenUpTo)
        where T : unmanaged, INumber<T>
    {
        T rest = T.Zero;
        for (int i = readUpTo; i < input.Length; i++)
        {
            rest = T.Max(rest, input[i]);
        }

        for (int i = writtenUpTo; i < output.Length; i++)
        {
            output[i] = rest;
        }
    }
}
