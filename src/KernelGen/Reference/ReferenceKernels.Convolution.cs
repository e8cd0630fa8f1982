using System.Numerics;

namespace KernelGen;

/// <summary>
/// The generic reference kernels: every operation of KernelGen with run-time sizes and options, written as the
/// plain loops of its formula. They are the oracle every generated kernel is checked against, and the baseline
/// generated kernels are benchmarked against. They check their arguments exactly as generated kernels do.
/// </summary>
public static partial class ReferenceKernels
{
    /// <summary>
    /// 2D convolution (cross-correlation unless <paramref name="flip"/>), channels-first:
    /// <code>out[o, y, x] = act(bias[o] + Σ_{c ∈ group(o)} Σ_{i,j} in[c, y·s + i·d − padTop, x·s + j·d − padLeft] · w[o, c − c0, i', j'])</code>
    /// Input <c>[inChannels, height, width]</c>, weights <c>[outChannels, inChannels/groups, kernelHeight, kernelWidth]</c>,
    /// bias <c>[outChannels]</c>, output <c>[outChannels, outHeight, outWidth]</c> (sizes from <see cref="ShapeMath.Dimension"/>).
    /// </summary>
    /// <example>
    /// <c>f = [[1,2,1],[2,1,1],[1,1,1]]</c>, <c>w = [[1,.5],[.5,1]]</c>, <see cref="Padding.Valid"/> gives <c>[[4,4],[4,3]]</c>.
    /// </example>
    /// <param name="input">The input, <c>[inChannels, height, width]</c>.</param>
    /// <param name="weights">The weights, <c>[outChannels, inChannels/groups, kernelHeight, kernelWidth]</c>.</param>
    /// <param name="bias">The bias, <c>[outChannels]</c>, or an empty span for none.</param>
    /// <param name="output">The output, <c>[outChannels, outHeight, outWidth]</c>.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="kernelHeight">Rows of the window.</param>
    /// <param name="kernelWidth">Columns of the window.</param>
    /// <param name="padding">Zero padding of the borders.</param>
    /// <param name="stride">Step between outputs, in both dimensions.</param>
    /// <param name="dilation">Spacing of the taps, in both dimensions.</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="groups">Channel groups.</param>
    /// <param name="flip"><see langword="true"/> for the mathematical convolution (window reversed).</param>
    /// <param name="activation">Applied after the bias.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or option is out of range, or the output would be empty.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its shape, or <paramref name="output"/> overlaps another span.</exception>
    public static void Conv2D<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output,
        int height, int width, int kernelHeight, int kernelWidth,
        Padding padding = Padding.Valid, int stride = 1, int dilation = 1,
        int inChannels = 1, int outChannels = 1, int groups = 1,
        bool flip = false, Activation activation = Activation.None)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var geometry = new ConvolutionGeometry(kernelHeight, kernelWidth, stride, dilation, inChannels, outChannels, groups, padding);
        var names = new KernelParameterNames(nameof(input), nameof(weights), bias.IsEmpty ? null : nameof(bias), nameof(output), nameof(height), nameof(width));
        Convolve(input, weights, bias, output, height, width, geometry, flip, activation, names);
    }

    /// <summary>
    /// 1D convolution (cross-correlation unless <paramref name="flip"/>), channels-first:
    /// <code>out[o, x] = act(bias[o] + Σ_{c ∈ group(o)} Σ_j in[c, x·s + j·d − padLeft] · w[o, c − c0, j'])</code>
    /// Input <c>[inChannels, length]</c>, weights <c>[outChannels, inChannels/groups, kernelSize]</c>,
    /// bias <c>[outChannels]</c>, output <c>[outChannels, outLength]</c>.
    /// </summary>
    /// <example>
    /// <c>f = [1, 3, −1, 1, −3]</c>, <c>w = [1, 0, −1]</c>: <see cref="Padding.Valid"/> gives <c>[2, 2, 2]</c>,
    /// <see cref="Padding.Same"/> gives <c>[−3, 2, 2, 2, 1]</c>.
    /// </example>
    /// <param name="input">The input, <c>[inChannels, length]</c>.</param>
    /// <param name="weights">The weights, <c>[outChannels, inChannels/groups, kernelSize]</c>.</param>
    /// <param name="bias">The bias, <c>[outChannels]</c>, or an empty span for none.</param>
    /// <param name="output">The output, <c>[outChannels, outLength]</c>.</param>
    /// <param name="length">Input elements per channel.</param>
    /// <param name="kernelSize">Taps of the window.</param>
    /// <param name="padding">Zero padding of the borders.</param>
    /// <param name="stride">Step between outputs.</param>
    /// <param name="dilation">Spacing of the taps.</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="groups">Channel groups.</param>
    /// <param name="flip"><see langword="true"/> for the mathematical convolution (window reversed).</param>
    /// <param name="activation">Applied after the bias.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or option is out of range, or the output would be empty.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its shape, or <paramref name="output"/> overlaps another span.</exception>
    public static void Conv1D<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output,
        int length, int kernelSize,
        Padding padding = Padding.Valid, int stride = 1, int dilation = 1,
        int inChannels = 1, int outChannels = 1, int groups = 1,
        bool flip = false, Activation activation = Activation.None)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Checked here so the exception names this method's parameter (the shared check calls it kernelWidth).
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        var geometry = new ConvolutionGeometry(1, kernelSize, stride, dilation, inChannels, outChannels, groups, padding);
        var names = new KernelParameterNames(nameof(input), nameof(weights), bias.IsEmpty ? null : nameof(bias), nameof(output), null, nameof(length));
        Convolve(input, weights, bias, output, 1, length, geometry, flip, activation, names);
    }

    private static void Convolve<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output,
        int height, int width, in ConvolutionGeometry g, bool flip, Activation activation, in KernelParameterNames names)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Expected Activation.None or Activation.Relu.");
        }

        KernelExtents extents = KernelArguments.CheckConvolution(input, weights, bias, output, height, width, g, names);
        int outHeight = extents.Rows.Output, outWidth = extents.Columns.Output;
        int padTop = extents.Rows.PadBefore, padLeft = extents.Columns.PadBefore;
        int kh = g.KernelHeight, kw = g.KernelWidth, s = g.Stride, d = g.Dilation;
        int channelsPerGroup = g.InChannels / g.Groups;
        int outputsPerGroup = g.OutChannels / g.Groups;
        bool hasBias = names.Bias is not null;

        for (int o = 0; o < g.OutChannels; o++)
        {
            int c0 = o / outputsPerGroup * channelsPerGroup;
            for (int y = 0; y < outHeight; y++)
            {
                for (int x = 0; x < outWidth; x++)
                {
                    T sum = T.Zero;
                    for (int c = 0; c < channelsPerGroup; c++)
                    {
                        for (int i = 0; i < kh; i++)
                        {
                            int iy = y * s + i * d - padTop;
                            if (iy < 0 || iy >= height)
                            {
                                continue; // a padded row reads as zero
                            }

                            for (int j = 0; j < kw; j++)
                            {
                                int ix = x * s + j * d - padLeft;
                                if (ix < 0 || ix >= width)
                                {
                                    continue; // a padded column reads as zero
                                }

                                int wi = flip ? kh - 1 - i : i;
                                int wj = flip ? kw - 1 - j : j;
                                T value = input[((c0 + c) * height + iy) * width + ix];
                                T weight = weights[((o * channelsPerGroup + c) * kh + wi) * kw + wj];
                                sum += value * weight;
                            }
                        }
                    }

                    if (hasBias)
                    {
                        sum = bias[o] + sum;
                    }

                    if (activation == Activation.Relu)
                    {
                        sum = T.Max(sum, T.Zero);
                    }

                    output[(o * outHeight + y) * outWidth + x] = sum;
                }
            }
        }
    }
}
