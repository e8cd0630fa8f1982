namespace KernelGen;

/// <summary>
/// Generates the body of a partial method as a fixed-size 1D convolution of shape
/// <c>void M(ReadOnlySpan&lt;T&gt; input, ReadOnlySpan&lt;T&gt; weights, [ReadOnlySpan&lt;T&gt; bias,] Span&lt;T&gt; output, int length)</c>
/// with <c>T</c> <see cref="float"/> or <see cref="double"/>. Input <c>[InChannels, length]</c>,
/// weights <c>[OutChannels, InChannels/Groups, kernelSize]</c>, output <c>[OutChannels, outLength]</c>.
/// </summary>
/// <example>
/// <code>
/// [Conv1D(3, Padding = Padding.Same)]
/// static partial void Edge(ReadOnlySpan&lt;float&gt; input, ReadOnlySpan&lt;float&gt; weights, Span&lt;float&gt; output, int length);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class Conv1DAttribute : ConvolutionAttribute
{
    /// <summary>Creates the attribute for a window of <paramref name="kernelSize"/> taps.</summary>
    /// <param name="kernelSize">Number of taps of the window.</param>
    public Conv1DAttribute(int kernelSize) => KernelSize = kernelSize;

    /// <summary>Number of taps of the window.</summary>
    public int KernelSize { get; }
}
