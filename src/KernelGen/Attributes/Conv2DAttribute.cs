namespace KernelGen;

/// <summary>
/// Generates the body of a partial method as a fixed-size 2D convolution of shape
/// <c>void M(ReadOnlySpan&lt;T&gt; input, ReadOnlySpan&lt;T&gt; weights, [ReadOnlySpan&lt;T&gt; bias,] Span&lt;T&gt; output, int height, int width)</c>
/// with <c>T</c> <see cref="float"/> or <see cref="double"/>. Input <c>[InChannels, height, width]</c>,
/// weights <c>[OutChannels, InChannels/Groups, kernelHeight, kernelWidth]</c>, output <c>[OutChannels, outH, outW]</c>.
/// </summary>
/// <example>
/// <code>
/// [Conv2D(3, 3, Padding = Padding.Same)]
/// static partial void Blur(ReadOnlySpan&lt;float&gt; input, ReadOnlySpan&lt;float&gt; weights, Span&lt;float&gt; output, int height, int width);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class Conv2DAttribute : ConvolutionAttribute
{
    /// <summary>Creates the attribute for a <paramref name="kernelHeight"/> × <paramref name="kernelWidth"/> window.</summary>
    /// <param name="kernelHeight">Rows of the window.</param>
    /// <param name="kernelWidth">Columns of the window.</param>
    public Conv2DAttribute(int kernelHeight, int kernelWidth)
    {
        KernelHeight = kernelHeight;
        KernelWidth = kernelWidth;
    }

    /// <summary>Rows of the window.</summary>
    public int KernelHeight { get; }

    /// <summary>Columns of the window.</summary>
    public int KernelWidth { get; }
}
