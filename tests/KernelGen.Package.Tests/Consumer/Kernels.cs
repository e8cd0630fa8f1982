namespace KernelGen.PackageConsumer;

/// <summary>One kernel of every attribute, in float and double, declared as a user of the package would.</summary>
public static partial class Kernels
{
    /// <summary>The weights of <see cref="Sobel"/>, which has them baked in.</summary>
    public static readonly float[] SobelWeights = [1, 0, -1, 2, 0, -2, 1, 0, -1];

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 2, OutChannels = 3, Activation = Activation.Relu)]
    public static partial void Conv3x3SameBiasRelu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias,
                                                   Span<float> output, int height, int width);

    // Channel-rich, with its weights packed once (the object is reused across every size, and so across paths).
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 32, Activation = Activation.Relu)]
    public static partial void Conv3x3SamePacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias,
                                                 Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 1, 0, -1, 2, 0, -2, 1, 0, -1 })]
    public static partial void Sobel(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(5, 5, Stride = 2)]
    public static partial void Conv5x5Stride2(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv1D(7, Padding = Padding.Full, Flip = true)]
    public static partial void Conv1DFullFlip(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);

    [Conv1D(3, Dilation = 2, InChannels = 4, OutChannels = 4, Groups = 2)]
    public static partial void Conv1DDilatedGrouped(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias,
                                                    Span<float> output, int length);

    [MaxPool2D(2, 2, Channels = 3)]
    public static partial void MaxPool2x2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(3, 3, Stride = 2, Padding = Padding.Same)]
    public static partial void AvgPool3x3Same(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [MaxPool1D(3, Padding = Padding.Same)]
    public static partial void MaxPool1DSame(ReadOnlySpan<double> input, Span<double> output, int length);

    [AvgPool1D(4, Stride = 2, Channels = 2)]
    public static partial void AvgPool1DStride2(ReadOnlySpan<float> input, Span<float> output, int length);
}
