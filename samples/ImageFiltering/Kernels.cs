using KernelGen;

namespace KernelGen.Samples.ImageFiltering;

/// <summary>The filters, each one attribute on a partial method: KernelGen's generator writes the bodies.</summary>
public static partial class Filters
{
    /// <summary>
    /// 5 × 5 Gaussian blur: the binomial row [1, 4, 6, 4, 1] / 16 times the same column, constant weights, Same
    /// padding (the output has the input's size; pixels outside the image read as 0, so the border darkens a little).
    /// </summary>
    [Conv2D(5, 5, Padding = Padding.Same, Weights = new double[]
    {
        1 / 256.0,  4 / 256.0,  6 / 256.0,  4 / 256.0, 1 / 256.0,
        4 / 256.0, 16 / 256.0, 24 / 256.0, 16 / 256.0, 4 / 256.0,
        6 / 256.0, 24 / 256.0, 36 / 256.0, 24 / 256.0, 6 / 256.0,
        4 / 256.0, 16 / 256.0, 24 / 256.0, 16 / 256.0, 4 / 256.0,
        1 / 256.0,  4 / 256.0,  6 / 256.0,  4 / 256.0, 1 / 256.0,
    })]
    public static partial void GaussianBlur5x5(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>Sobel x: the horizontal derivative (positive where the image gets brighter to the right).</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 })]
    public static partial void SobelX(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>Sobel y: the vertical derivative (positive where the image gets brighter downwards).</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { -1, -2, -1, 0, 0, 0, 1, 2, 1 })]
    public static partial void SobelY(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>2 × 2 max pool, stride 2 (the default for a pool): half the width and height.</summary>
    [MaxPool2D(2, 2)]
    public static partial void MaxPool2x2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>The same weights as the attributes above, for the reference kernels, which take them at run time.</summary>
    public static readonly float[] GaussianWeights =
    [
        1 / 256f,  4 / 256f,  6 / 256f,  4 / 256f, 1 / 256f,
        4 / 256f, 16 / 256f, 24 / 256f, 16 / 256f, 4 / 256f,
        6 / 256f, 24 / 256f, 36 / 256f, 24 / 256f, 6 / 256f,
        4 / 256f, 16 / 256f, 24 / 256f, 16 / 256f, 4 / 256f,
        1 / 256f,  4 / 256f,  6 / 256f,  4 / 256f, 1 / 256f,
    ];

    /// <inheritdoc cref="GaussianWeights"/>
    public static readonly float[] SobelXWeights = [-1, 0, 1, -2, 0, 2, -1, 0, 1];

    /// <inheritdoc cref="GaussianWeights"/>
    public static readonly float[] SobelYWeights = [-1, -2, -1, 0, 0, 0, 1, 2, 1];
}
