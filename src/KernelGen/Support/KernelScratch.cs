using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelGen;

/// <summary>
/// Per-thread scratch memory for generated kernels: the buffers a call needs that are too large for the stack
/// (repacked weights of the channel-lane path, the intermediate rows of a separable window).
/// </summary>
/// <remarks>
/// <para>
/// Why not <c>stackalloc</c>: a kernel call must run on a thread with a small stack (64 KiB), so it keeps at most a
/// few KiB there; its larger buffers come from here. Why not a new array per call: a call allocates nothing once the
/// thread has run it before. Each thread has one buffer per element type, which grows to the largest request the
/// thread has made and is reused by every later request; it is never shared between threads, so concurrent calls on
/// different threads never see each other's data.
/// </para>
/// <para>
/// A span from <see cref="Get{T}"/> stays valid until the same thread asks for scratch of the same element type again.
/// A generated kernel asks once per call, at its start, and never calls another kernel (nor anything else that asks)
/// while it holds the span, so no two users ever overlap.
/// </para>
/// <para>
/// The contents are unspecified: what an earlier request on the thread left there (zeros after the buffer grows).
/// A kernel writes every element before it reads it. The span starts on a 64-byte boundary (a cache line and a
/// 512-bit vector; for elements of 1, 2, 4 or 8 bytes), and the buffer lives on the pinned object heap, so that
/// address never moves.
/// </para>
/// <para>This type serves generated code and is not meant to be called directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelScratch
{
    /// <summary>The alignment, in bytes, of the first element of every span <see cref="Get{T}"/> returns.</summary>
    public const int Alignment = AlignedArrays.Alignment;

    /// <summary>
    /// This thread's scratch span of exactly <paramref name="length"/> elements, 64-byte aligned: the buffer of earlier
    /// requests when it is large enough, else a larger one (the only time this allocates).
    /// </summary>
    /// <typeparam name="T">The element type (the kernels use <see cref="float"/> and <see cref="double"/>).</typeparam>
    /// <param name="length">Elements wanted, 0 or more.</param>
    /// <returns>A span whose contents are unspecified; valid until this thread's next request for <typeparamref name="T"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<T> Get<T>(int length)
        where T : unmanaged
    {
        T[]? buffer = Buffer<T>.Array;
        int start = Buffer<T>.Start;
        if (buffer is null || (uint)length > (uint)(buffer.Length - start))
        {
            return Grow<T>(length);
        }

        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), start), length);
    }

    /// <summary>The capacity, in elements, of this thread's buffer for <typeparamref name="T"/> (0 before its first request).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    public static int Capacity<T>()
        where T : unmanaged
        => Buffer<T>.Array is { } buffer ? buffer.Length - Buffer<T>.Start : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Span<T> Grow<T>(int length)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);

        // Zeroed (not uninitialized): growing is rare, and a kernel's first call then never meets stale bytes in the
        // vector lanes it computes but does not store.
        T[] buffer = AlignedArrays.Allocate<T>(Math.Max(length, Capacity<T>()), out int start);
        Buffer<T>.Array = buffer;
        Buffer<T>.Start = start;
        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), start), length);
    }

    /// <summary>One thread's buffer for one element type, and where its aligned part starts.</summary>
    private static class Buffer<T>
        where T : unmanaged
    {
        [ThreadStatic]
        public static T[]? Array;

        [ThreadStatic]
        public static int Start;
    }
}
