namespace KernelGen;

/// <summary>
/// Generates the body of a partial method as a fixed-size 1D average pool of shape
/// <c>void M(ReadOnlySpan&lt;T&gt; input, Span&lt;T&gt; output, int length)</c>, input <c>[Channels, length]</c>,
/// output <c>[Channels, outLength]</c>, with <c>T</c> <see cref="float"/> or <see cref="double"/>.
/// </summary>
/// <example>
/// <code>
/// [AvgPool1D(2)]
/// static partial void Pool(ReadOnlySpan&lt;float&gt; input, Span&lt;float&gt; output, int length);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AvgPool1DAttribute : PoolingAttribute
{
    /// <summary>Creates the attribute for a window of <paramref name="size"/> elements.</summary>
    /// <param name="size">Elements in the window.</param>
    public AvgPool1DAttribute(int size) => Size = size;

    /// <summary>Elements in the window.</summary>
    public int Size { get; }
}
