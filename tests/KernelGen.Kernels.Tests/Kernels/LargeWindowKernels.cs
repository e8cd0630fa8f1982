namespace KernelGen.Kernels.Tests;

/// <summary>
/// Windows past the fully unrolled layout (more than 256 taps, or rows wider than 64): the generator loops over
/// window rows (17 × 17, 65 × 5) or rows and columns (3 × 90, 5 × 65, 300), and reports info diagnostic KG0100.
/// Conv1D(80) is still fully unrolled (80 taps) but has the longest unrolled row. The 65 × 5 window over two input
/// channels takes its rows one at a time with end vectors at every width, a pass no smaller window makes.
/// </summary>
public static partial class LargeWindowKernels
{
    [Conv2D(17, 17, Padding = Padding.Same)]
    public static partial void Conv17x17_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(17, 17, Stride = 2, InChannels = 2, OutChannels = 3, Activation = Activation.Relu)]
    public static partial void Conv17x17_S2_C2to3_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(17, 17, Padding = Padding.Full)]
    public static partial void Conv17x17_Full_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    [Conv2D(65, 5, Padding = Padding.Same, InChannels = 2, OutChannels = 3)]
    public static partial void Conv65x5_Same_C2to3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 90, Padding = Padding.Same)]
    public static partial void Conv3x90_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 65, Stride = 2)]
    public static partial void Conv5x65_S2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv1D(80, Padding = Padding.Same)]
    public static partial void Conv80_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(80, Stride = 2, InChannels = 2, OutChannels = 3)]
    public static partial void Conv80_S2_C2to3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(80, Padding = Padding.Full)]
    public static partial void Conv80_Full_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);

    [Conv1D(300, Padding = Padding.Same)]
    public static partial void Conv300_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    [Conv1D(300, Stride = 3, InChannels = 2, OutChannels = 4, Groups = 2)]
    public static partial void Conv300_S3_C2to4_G2_F64(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);

    [MaxPool2D(17, 17, Padding = Padding.Same, Stride = 1)]
    public static partial void Max17x17_Same_S1(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(17, 17, Padding = Padding.Same, Stride = 2)]
    public static partial void Avg17x17_Same_S2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(3, 90, Padding = Padding.Same, Stride = 1)]
    public static partial void Avg3x90_Same_S1(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool1D(300, Padding = Padding.Same, Stride = 7)]
    public static partial void Max300_Same_S7(ReadOnlySpan<float> input, Span<float> output, int length);

    [AvgPool1D(80, Stride = 1)]
    public static partial void Avg80_S1_F64(ReadOnlySpan<double> input, Span<double> output, int length);
}
