namespace KernelGen.Kernels.Tests;

/// <summary>
/// One kernel of each family whose parameters are not called input, weights, bias, output, height, width or length
/// (some are keywords, written with @): the argument checks must name these parameters in their exceptions
/// (docs/semantics.md, “Method shapes” and “Errors at run time”), which the bad-input tests check for every kernel of the catalog.
/// </summary>
public static partial class ParameterNameKernels
{
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, Dilation = 2, Activation = Activation.Relu)]
    public static partial void Layer(ReadOnlySpan<float> @in, ReadOnlySpan<float> kernel, ReadOnlySpan<float> @base, Span<float> @out, int rows, int cols);

    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 0, -1, 0, -1, 4, -1, 0, -1, 0 })]
    public static partial void Edges(ReadOnlySpan<float> pixels, ReadOnlySpan<float> offsets, Span<float> edges, int tall, int wide);

    [Conv1D(4, Padding = Padding.Full, Stride = 2)]
    public static partial void Smooth(ReadOnlySpan<double> signal, ReadOnlySpan<double> taps, Span<double> result, int n);

    [Conv1D(3, InChannels = 2, OutChannels = 4, Groups = 2)]
    public static partial void Grouped(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> y, int count);

    [MaxPool2D(2, 3, Padding = Padding.Same, Stride = 2)]
    public static partial void Downsample(ReadOnlySpan<float> image, Span<float> pooled, int lines, int columns);

    [AvgPool2D(3, 2, Stride = 1, Channels = 2)]
    public static partial void Average(ReadOnlySpan<double> src, Span<double> dst, int h, int w);

    [MaxPool1D(5, Stride = 2)]
    public static partial void Peaks(ReadOnlySpan<float> @checked, Span<float> @fixed, int @int);

    [AvgPool1D(4, Padding = Padding.Same, Stride = 3, Channels = 2)]
    public static partial void Mean(ReadOnlySpan<double> samples, Span<double> means, int size);
}
