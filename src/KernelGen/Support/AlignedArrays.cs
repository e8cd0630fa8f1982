using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelGen;

/// <summary>
/// Zeroed arrays on the pinned object heap whose element at a returned start lies on a 64-byte boundary (a cache
/// line and a 512-bit vector), for the buffers the kernels' vector loads read: the per-thread scratch and the weights
/// a <see cref="PackedWeights{T}"/> keeps packed.
/// </summary>
internal static class AlignedArrays
{
    /// <summary>The alignment, in bytes, of the element at the start <see cref="Allocate{T}"/> returns.</summary>
    public const int Alignment = 64;

    /// <summary>
    /// A pinned, zeroed array holding at least <paramref name="length"/> elements from <paramref name="start"/>, rounded
    /// up to whole cache lines; <paramref name="start"/> is the first 64-byte aligned element (for elements of 1, 2, 4
    /// or 8 bytes; 0 for others).
    /// </summary>
    public static unsafe T[] Allocate<T>(long length, out int start)
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        int slack = (Alignment + size - 1) / size; // elements the aligned start may skip
        long capacity = (length + slack - 1) / slack * slack; // whole cache lines
        if (capacity + slack > Array.MaxLength)
        {
            throw new OutOfMemoryException($"A buffer of {length} elements of {typeof(T).Name} exceeds the largest array.");
        }

        T[] buffer = GC.AllocateArray<T>((int)(capacity + slack), pinned: true);
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        nuint skip = (Alignment - address % Alignment) % Alignment;
        start = skip % (nuint)size == 0 ? (int)(skip / (nuint)size) : 0; // elements of a size that divides 8 always align
        return buffer;
    }
}
