namespace KernelGen;

/// <summary>
/// Generates the body of a partial method as a fixed-size 2D maximum pool of shape
/// <c>void M(ReadOnlySpan&lt;T&gt; input, Span&lt;T&gt; output, int height, int width)</c>, input
/// <c>[Channels, height, width]</c>, output <c>[Channels, outH, outW]</c>, with <c>T</c> <see cref="float"/> or <see cref="double"/>.
/// </summary>
/// <example>
/// <code>
/// [MaxPool2D(2, 2)]
/// static partial void Pool(ReadOnlySpan&lt;float&gt; input, Span&lt;float&gt; output, int height, int width);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MaxPool2DAttribute : PoolingAttribute
{
    /// <summary>Creates the attribute for a <paramref name="height"/> × <paramref name="width"/> window.</summary>
    /// <param name="height">Rows of the window.</param>
    /// <param name="width">Columns of the window.</param>
    public MaxPool2DAttribute(int height, int width)
    {
        Height = height;
        Width = width;
    }

    /// <summary>Rows of the window.</summary>
    public int Height { get; }

    /// <summary>Columns of the window.</summary>
    public int Width { get; }
}
