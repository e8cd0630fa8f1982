namespace KernelGen.Kernels.Tests;

/// <summary>
/// Kernels with their weights baked in (the attribute's <c>Weights</c>): the classic fixed filters, which the
/// generator writes as literals (zero taps dropped, ±1 taps as adds) or splits into two passes when separable, and
/// dense or multi-channel ones that it keeps in the assembly's data.
/// </summary>
public static partial class ConstantWeightKernels
{
    // Separable filters: [1, 2, 1]ᵀ × [1, 0, −1], binomial Gaussians, boxes.
    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 1, 0, -1, 2, 0, -2, 1, 0, -1 })]
    public static partial void Sobel(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 1, 2, 1, 0, 0, 0, -1, -2, -1 })]
    public static partial void SobelY(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Valid, Activation = Activation.Relu, Weights = new double[] { 1, 0, -1, 2, 0, -2, 1, 0, -1 })]
    public static partial void SobelBiasRelu(ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9 })]
    public static partial void Box3x3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Valid, Weights = new double[]
    {
        1, 1, 1, 1, 1,
        1, 1, 1, 1, 1,
        1, 1, 1, 1, 1,
        1, 1, 1, 1, 1,
        1, 1, 1, 1, 1,
    })]
    public static partial void Box5x5(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same, Weights = new double[]
    {
        1 / 256.0, 4 / 256.0, 6 / 256.0, 4 / 256.0, 1 / 256.0,
        4 / 256.0, 16 / 256.0, 24 / 256.0, 16 / 256.0, 4 / 256.0,
        6 / 256.0, 24 / 256.0, 36 / 256.0, 24 / 256.0, 6 / 256.0,
        4 / 256.0, 16 / 256.0, 24 / 256.0, 16 / 256.0, 4 / 256.0,
        1 / 256.0, 4 / 256.0, 6 / 256.0, 4 / 256.0, 1 / 256.0,
    })]
    public static partial void Gaussian5x5(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Full, Dilation = 2, Weights = new double[]
    {
        1, 4, 6, 4, 1,
        4, 16, 24, 16, 4,
        6, 24, 36, 24, 6,
        4, 16, 24, 16, 4,
        1, 4, 6, 4, 1,
    })]
    public static partial void Gaussian5x5DilatedFull(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [Conv2D(7, 7, Padding = Padding.Same, Weights = new double[]
    {
        1, 6, 15, 20, 15, 6, 1,
        6, 36, 90, 120, 90, 36, 6,
        15, 90, 225, 300, 225, 90, 15,
        20, 120, 300, 400, 300, 120, 20,
        15, 90, 225, 300, 225, 90, 15,
        6, 36, 90, 120, 90, 36, 6,
        1, 6, 15, 20, 15, 6, 1,
    })]
    public static partial void Gaussian7x7(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 3, OutChannels = 3, Groups = 3, Weights = new double[]
    {
        1, 2, 1, 2, 4, 2, 1, 2, 1,
        1, 2, 1, 2, 4, 2, 1, 2, 1,
        1, 2, 1, 2, 4, 2, 1, 2, 1,
    })]
    public static partial void GaussianDepthwise(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    // A depthwise window that differs per channel, kept in the assembly's data: 16 channels, so that output rows of 7
    // or 8 columns take the AVX-512 channel-lane path, reading its weights from that data.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 16, Groups = 16, Weights = new double[]
    {
        -3, -2, -1, 0, 1, 2, 3, -3, -2,
        -1, 0, 1, 2, 3, -3, -2, -1, 0,
        1, 2, 3, -3, -2, -1, 0, 1, 2,
        3, -3, -2, -1, 0, 1, 2, 3, -3,
        -2, -1, 0, 1, 2, 3, -3, -2, -1,
        0, 1, 2, 3, -3, -2, -1, 0, 1,
        2, 3, -3, -2, -1, 0, 1, 2, 3,
        -3, -2, -1, 0, 1, 2, 3, -3, -2,
        -1, 0, 1, 2, 3, -3, -2, -1, 0,
        1, 2, 3, -3, -2, -1, 0, 1, 2,
        3, -3, -2, -1, 0, 1, 2, 3, -3,
        -2, -1, 0, 1, 2, 3, -3, -2, -1,
        0, 1, 2, 3, -3, -2, -1, 0, 1,
        2, 3, -3, -2, -1, 0, 1, 2, 3,
        -3, -2, -1, 0, 1, 2, 3, -3, -2,
        -1, 0, 1, 2, 3, -3, -2, -1, 0,
    })]
    public static partial void MixedDepthwise16(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    // Separable with short row filters (computed in registers, border columns through strips): dilated Full
    // padding with bias and ReLU, and a flipped asymmetric [1, 2, 3]ᵀ × [1, −1, 2] in double.
    [Conv2D(3, 3, Padding = Padding.Full, Dilation = 2, Activation = Activation.Relu, Weights = new double[] { 1, 1, 1, 0, 0, 0, -1, -1, -1 })]
    public static partial void PrewittDilatedFullRelu(ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Flip = true, Weights = new double[] { 1, -1, 2, 2, -2, 4, 3, -3, 6 })]
    public static partial void AsymmetricSeparableFlip(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    // Not separable: the Laplacian, dense random windows, an all-zero window.
    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 })]
    public static partial void Laplacian(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full, Flip = true, Weights = new double[] { 3, -1, 2, 0, 4, -3, 1, 2, -2 })]
    public static partial void Dense3x3FlipFull(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(5, 5, Stride = 2, Weights = new double[]
    {
        2, -1, 0, 3, 1,
        -2, 4, 1, 0, -3,
        1, 1, -4, 2, 0,
        3, 0, 2, -1, 1,
        -1, 2, 0, 1, 4,
    })]
    public static partial void Dense5x5Stride2(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public static partial void AllZero(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    // Several channels with different windows: the weights are kept as data and loaded like run-time weights.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 2, OutChannels = 3, Weights = new double[]
    {
        1, 0, -1, 2, 0, -2, 1, 0, -1, 0, 1, 0, 1, -4, 1, 0, 1, 0,
        1, 2, 1, 0, 0, 0, -1, -2, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        2, -1, 0, 3, 1, -2, 4, 1, 0, -3, 1, 1, -4, 2, 0, 3, 0, 2,
    })]
    public static partial void MultiChannel(ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // 1D: the seed example's edge filter, and a biased one.
    [Conv1D(3, Padding = Padding.Same, Weights = new double[] { 1, 0, -1 })]
    public static partial void Edge1D(ReadOnlySpan<float> input, Span<float> output, int length);

    [Conv1D(5, Dilation = 2, Activation = Activation.Relu, Weights = new double[] { 1, -2, 3, -2, 1 })]
    public static partial void Dilated1DRelu(ReadOnlySpan<double> input, ReadOnlySpan<double> bias, Span<double> output, int length);
}
