using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace KernelGen;

/// <summary>
/// Cache hints for generated kernels that stream images too large for the cache: the line holding an element is
/// requested ahead of its use (x86 <c>prefetcht0</c>), so that the memory system works while the core computes.
/// A hint never changes a result, never faults, and names only elements inside the span: an index outside it is
/// ignored. Without SSE (other architectures) it does nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelPrefetch
{
    /// <summary>Requests the cache line of <c>span[index]</c>, if the index lies inside the span.</summary>
    /// <param name="span">The span the kernel will read.</param>
    /// <param name="index">The element, possibly outside the span.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Line<T>(ReadOnlySpan<T> span, nint index)
    {
        if (Sse.IsSupported && (nuint)index < (nuint)span.Length)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetReference(span), index)));
        }
    }

    /// <summary>Requests the cache line of <c>span[index]</c>, if the index lies inside the span: a line the kernel will write.</summary>
    /// <param name="span">The span the kernel will write.</param>
    /// <param name="index">The element, possibly outside the span.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Line<T>(Span<T> span, nint index) => Line((ReadOnlySpan<T>)span, index);
}
