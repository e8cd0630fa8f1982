namespace KernelGen.Kernels.Tests;

/// <summary>
/// Every generated kernel, whatever its shape, seen through one signature: pools ignore <paramref name="weights"/>
/// and <paramref name="bias"/>, kernels without a bias parameter ignore <paramref name="bias"/>, 1D kernels ignore
/// <paramref name="height"/> (and take <paramref name="width"/> as their length).
/// </summary>
public delegate void GeneratedKernel<T>(
    ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output, int height, int width);

/// <summary>The declared shapes of generated methods (docs/semantics.md, “Method shapes”), bound to the methods by reflection.</summary>
public static class KernelShapes
{
    public delegate void Conv2D<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, Span<T> output, int height, int width);

    public delegate void Conv2DWithBias<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output, int height, int width);

    public delegate void Conv1D<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, Span<T> output, int length);

    public delegate void Conv1DWithBias<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output, int length);

    public delegate void Conv2DConstantWithBias<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> bias, Span<T> output, int height, int width);

    public delegate void Conv1DConstantWithBias<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> bias, Span<T> output, int length);

    public delegate void Conv2DPacked<T>(ReadOnlySpan<T> input, PackedWeights<T> weights, Span<T> output, int height, int width)
        where T : unmanaged;

    public delegate void Conv2DPackedWithBias<T>(ReadOnlySpan<T> input, PackedWeights<T> weights, ReadOnlySpan<T> bias, Span<T> output, int height, int width)
        where T : unmanaged;

    public delegate void Conv1DPacked<T>(ReadOnlySpan<T> input, PackedWeights<T> weights, Span<T> output, int length)
        where T : unmanaged;

    public delegate void Conv1DPackedWithBias<T>(ReadOnlySpan<T> input, PackedWeights<T> weights, ReadOnlySpan<T> bias, Span<T> output, int length)
        where T : unmanaged;

    public delegate void Pool2D<T>(ReadOnlySpan<T> input, Span<T> output, int height, int width);

    public delegate void Pool1D<T>(ReadOnlySpan<T> input, Span<T> output, int length);
}
