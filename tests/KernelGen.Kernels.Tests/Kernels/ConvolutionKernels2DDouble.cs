namespace KernelGen.Kernels.Tests;

/// <summary>Conv2D kernels over double: a subset of the float grid.</summary>
public static partial class Conv2DKernelsDouble
{
    [Conv2D(3, 3, Padding = Padding.Same)]
    public static partial void K3x3_Same(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(3, 3, InChannels = 3, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void K3x3_C3to8_Bias_Relu(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Dilation = 2, InChannels = 8, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K3x3_Same_D2_C8to16_Bias_Relu(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

    [Conv2D(3, 3, InChannels = 120, OutChannels = 8, Flip = true)]
    public static partial void K3x3_C120to8_Flip(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same, Stride = 2, Flip = true)]
    public static partial void K5x5_Same_S2_Flip(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(2, 2, Padding = Padding.Full)]
    public static partial void K2x2_Full(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(1, 1, InChannels = 16, OutChannels = 16)]
    public static partial void K1x1_C16to16(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    // Strided, without padding: the lane blocks along the input's own rows, two vectors a block at both widths.
    [Conv2D(1, 1, Stride = 2, InChannels = 8, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K1x1_S2_C8to16_Bias_Relu(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

    // In chunks (2060 channels' weights for 8 outputs exceed one 128 KiB buffer): at 256 bits the partial sums of blocks
    // of 6 columns are stored and resumed across both squares of the transposes.
    [Conv2D(1, 1, InChannels = 2060, OutChannels = 8)]
    public static partial void K1x1_C2060to8_Bias(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

    [Conv2D(7, 7, Padding = Padding.Same, Dilation = 2)]
    public static partial void K7x7_Same_D2(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8)]
    public static partial void K3x3_Same_Depthwise8_Bias(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 8, OutChannels = 8, Groups = 8, Activation = Activation.Relu)]
    public static partial void K3x3_Same_S2_Depthwise8_Bias_Relu(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

    // Eight lanes of double: 12 channels leave a last block that overlaps the one before.
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 12, OutChannels = 12, Groups = 12, Activation = Activation.Relu)]
    public static partial void K3x3_Same_S2_Depthwise12_Bias_Relu(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full, Stride = 3, InChannels = 4, OutChannels = 6, Groups = 2)]
    public static partial void K3x3_Full_S3_C4to6_G2(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(11, 11)]
    public static partial void K11x11(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(1, 3, Padding = Padding.Same, Stride = 2)]
    public static partial void K1x3_Same_S2(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(3, 1, Padding = Padding.Full)]
    public static partial void K3x1_Full(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K3x3_Same_S2_C16to16_Relu(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    /// <summary>Channel lanes (8 in double) over a 5 x 5 Valid window, two kernel rows of weight vectors at once.</summary>
    [Conv2D(5, 5, InChannels = 4, OutChannels = 8)]
    public static partial void K5x5_C4to8(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);
}
