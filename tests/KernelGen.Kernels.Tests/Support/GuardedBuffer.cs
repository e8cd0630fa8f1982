using System.Numerics;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// An array with <see cref="Guard"/> guard elements before and after the body. Inputs are guarded with NaN, so an
/// element read outside the span's shape turns an output into NaN; outputs are guarded with a sentinel that a kernel
/// must leave untouched.
/// </summary>
public sealed class GuardedBuffer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int Guard = 19;

    private readonly T[] array;
    private readonly T guardValue;

    public GuardedBuffer(int length, T guardValue, T bodyValue)
    {
        array = new T[length + 2 * Guard];
        Length = length;
        this.guardValue = guardValue;
        array.AsSpan().Fill(guardValue);
        Body.Fill(bodyValue);
    }

    public int Length { get; }

    /// <summary>The elements of the shape, exactly.</summary>
    public Span<T> Body => array.AsSpan(Guard, Length);

    /// <summary>The body followed by the trailing guard: a span longer than the shape needs.</summary>
    public Span<T> BodyAndTail => array.AsSpan(Guard);

    /// <summary>The index (relative to the body: negative before it) of the first guard element that changed, or null.</summary>
    public int? FirstChangedGuard()
    {
        for (int i = 0; i < array.Length; i++)
        {
            if (i >= Guard && i < Guard + Length)
            {
                continue;
            }

            T value = array[i];
            bool same = T.IsNaN(guardValue) ? T.IsNaN(value) : value == guardValue;
            if (!same)
            {
                return i - Guard;
            }
        }

        return null;
    }

    public T this[int index] => array[Guard + index];
}
