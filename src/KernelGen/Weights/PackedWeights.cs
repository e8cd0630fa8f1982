using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelGen;

/// <summary>
/// A convolution layer's weights, copied once, for kernels declared with a <see cref="PackedWeights{T}"/> weights
/// parameter: such a kernel rearranges them into the order its vector blocks read at its first call with them, keeps
/// that copy here, and reads it at every later call. A kernel that takes <c>ReadOnlySpan&lt;T&gt;</c> weights
/// rearranges them on every call instead, which on a layer with many channels and a small map (3 × 3, 512 → 512
/// channels on a 7 × 7 map: 9.4 MB of weights for 0.23 GFLOP) is a noticeable part of the call.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the kernel's element type.</typeparam>
/// <remarks>
/// <para>
/// Create one per layer when the weights are loaded, as an inference session would, and pass it on every call:
/// <code>
/// [Conv2D(3, 3, InChannels = 512, OutChannels = 512, Padding = Padding.Same, Activation = Activation.Relu)]
/// static partial void Layer(ReadOnlySpan&lt;float&gt; input, PackedWeights&lt;float&gt; weights, ReadOnlySpan&lt;float&gt; bias,
///                           Span&lt;float&gt; output, int height, int width);
///
/// var weights = new PackedWeights&lt;float&gt;(layerWeights); // [OutChannels, InChannels/Groups, KH, KW]
/// Layer(input, weights, bias, output, 7, 7);
/// </code>
/// </para>
/// <para>
/// The weights are copied when the object is created: changing the source afterwards changes nothing here (create
/// a new object for new weights). Which arrangement a kernel reads depends on the path a call takes (the vector
/// width the hardware has, and for some layers the map size), so each path packs its own copy, once; kernels of other
/// layers may share the object, each reading the weights in its own shape. A kernel whose paths read the weights as
/// they are (a single-channel filter, a depthwise layer) reads <see cref="Weights"/> directly and packs nothing.
/// </para>
/// <para>
/// The object is safe to share between threads. Two threads making their first call at the same time may both
/// pack; one copy is kept. Every later call allocates nothing.
/// </para>
/// </remarks>
public sealed class PackedWeights<T>
    where T : unmanaged
{
    private readonly T[] weights;
    private Packing? packings;

    /// <summary>Copies <paramref name="weights"/>, in the kernels' weights layout <c>[OutChannels, InChannels/Groups, KH, KW]</c>.</summary>
    /// <param name="weights">The layer's weights; a kernel reads the prefix its shape needs, as it would from a span.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither <see cref="float"/> nor <see cref="double"/>.</exception>
    public PackedWeights(ReadOnlySpan<T> weights)
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"Kernels take float or double weights, not {typeof(T).Name}.");
        }

        this.weights = weights.ToArray();
    }

    /// <summary>The number of weights copied.</summary>
    public int Length => weights.Length;

    /// <summary>The weights as copied, in the layout they were given in.</summary>
    public ReadOnlySpan<T> Weights => weights;

    /// <summary>
    /// The weights in the arrangement <paramref name="path"/> reads, <paramref name="length"/> elements starting on a
    /// 64-byte boundary: the copy made at the path's first call, or a new one written by <paramref name="pack"/>.
    /// </summary>
    /// <param name="path">Identifies the arrangement: a type of the generated kernel that owns the path.</param>
    /// <param name="length">The packed copy's length.</param>
    /// <param name="pack">Writes the packed copy from <see cref="Weights"/>; called once per path.</param>
    /// <remarks>This member serves generated code and is not meant to be called directly.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReadOnlySpan<T> PackedFor(Type path, int length, WeightPacker<T> pack)
        => Find(Volatile.Read(ref packings), path) is { } packing ? packing.Values : Pack(path, length, pack);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<T> Pack(Type path, int length, WeightPacker<T> pack)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        T[] buffer = AlignedArrays.Allocate<T>(length, out int start);
        pack(weights, buffer.AsSpan(start, length));

        // Published with a compare-and-swap: a thread that lost the race to another packing (of this path or another)
        // looks again, and keeps the copy already there for its path if there is one.
        while (true)
        {
            Packing? head = Volatile.Read(ref packings);
            if (Find(head, path) is { } packed)
            {
                return packed.Values;
            }

            var added = new Packing(path, buffer, start, length, head);
            if (Interlocked.CompareExchange(ref packings, added, head) == head)
            {
                return added.Values;
            }
        }
    }

    private static Packing? Find(Packing? head, Type path)
    {
        for (Packing? packing = head; packing is not null; packing = packing.Next)
        {
            if (packing.Path == path)
            {
                return packing;
            }
        }

        return null;
    }

    /// <summary>One path's packed copy, in a list that only grows (a kernel has one or two paths that pack).</summary>
    private sealed class Packing(Type path, T[] buffer, int start, int length, Packing? next)
    {
        public Type Path { get; } = path;

        public Packing? Next { get; } = next;

        public ReadOnlySpan<T> Values => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), start), length);
    }
}

/// <summary>Writes a kernel path's packed arrangement of <paramref name="weights"/> into <paramref name="packed"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="weights">The weights, in <c>[OutChannels, InChannels/Groups, KH, KW]</c>.</param>
/// <param name="packed">Where the path's arrangement goes (zeroed before the call).</param>
/// <remarks>This delegate serves generated code and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void WeightPacker<T>(ReadOnlySpan<T> weights, Span<T> packed);
