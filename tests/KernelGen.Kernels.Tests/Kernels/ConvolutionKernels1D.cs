namespace KernelGen.Kernels.Tests;

/// <summary>Conv1D kernels over float and double (names ending in F64).</summary>
public static partial class Conv1DKernels
{
    [Conv1D(1)]
    public static partial void K1(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3)]
    public static partial void K3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Same)]
    public static partial void K3_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Full)]
    public static partial void K3_Full(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(4, Padding = Padding.Same)]
    public static partial void K4_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(2, Padding = Padding.Full, Flip = true)]
    public static partial void K2_Full_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(2, Flip = true)]
    public static partial void K2_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(5, Padding = Padding.Same)]
    public static partial void K5_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(5, Padding = Padding.Full, Stride = 2, Dilation = 2)]
    public static partial void K5_Full_S2_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(7)]
    public static partial void K7(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(7, Padding = Padding.Full, Flip = true)]
    public static partial void K7_Full_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Same, Stride = 2)]
    public static partial void K3_Same_S2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(5, Stride = 3)]
    public static partial void K5_S3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Same, Dilation = 2)]
    public static partial void K3_Same_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(7, Padding = Padding.Same, Stride = 3, Dilation = 2)]
    public static partial void K7_Same_S3_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Same)]
    public static partial void K3_Same_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int length);

    [Conv1D(3, Activation = Activation.Relu)]
    public static partial void K3_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Same, InChannels = 3, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void K3_Same_C3to8_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int length);

    [Conv1D(3, InChannels = 16, OutChannels = 16)]
    public static partial void K3_C16to16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(5, Padding = Padding.Same, InChannels = 4, OutChannels = 6, Groups = 2)]
    public static partial void K5_Same_C4to6_G2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8)]
    public static partial void K3_Same_Depthwise8_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int length);

    [Conv1D(7, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void K7_Same_S2_C3to8_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int length);

    [Conv1D(1, InChannels = 16, OutChannels = 16)]
    public static partial void K1_C16to16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Same, InChannels = 2, OutChannels = 5)]
    public static partial void K3_Same_C2to5(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(5, Padding = Padding.Same, Stride = 2, InChannels = 16, OutChannels = 16, Groups = 4, Flip = true)]
    public static partial void K5_Same_S2_C16to16_G4_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(3, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void K3_Same_S2_C3to8_Bias_Relu_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int length);

    [Conv1D(5, Padding = Padding.Full, Flip = true)]
    public static partial void K5_Full_Flip_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);

    [Conv1D(7, Dilation = 2)]
    public static partial void K7_D2_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);

    [Conv1D(1)]
    public static partial void K1_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);

    [Conv1D(3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8)]
    public static partial void K3_Same_Depthwise8_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);

    [Conv1D(5, Padding = Padding.Same, Stride = 3, InChannels = 4, OutChannels = 6, Groups = 2)]
    public static partial void K5_Same_S3_C4to6_G2_Bias_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int length);

    [Conv1D(2, Padding = Padding.Same)]
    public static partial void K2_Same_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);
}
