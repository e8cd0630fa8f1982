namespace KernelGen.Kernels.Tests;

/// <summary>Max and average pools, 1D and 2D, float and double (names ending in F64), default and explicit strides.</summary>
public static partial class PoolingKernels
{
    [MaxPool2D(2, 2)]
    public static partial void Max2x2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(3, 3)]
    public static partial void Max3x3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(2, 2, Stride = 1)]
    public static partial void Max2x2_S1(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(3, 3, Padding = Padding.Same, Stride = 1)]
    public static partial void Max3x3_Same_S1(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(3, 3, Padding = Padding.Same, Stride = 2)]
    public static partial void Max3x3_Same_S2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(2, 3)]
    public static partial void Max2x3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(2, 3, Padding = Padding.Same, Stride = 1, Channels = 3)]
    public static partial void Max2x3_Same_S1_C3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(3, 2, Stride = 2)]
    public static partial void Max3x2_S2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(3, 3, Stride = 3, Channels = 3)]
    public static partial void Max3x3_S3_C3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(2, 2, Padding = Padding.Same, Channels = 3)]
    public static partial void Max2x2_Same_C3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(5, 5, Padding = Padding.Same, Stride = 1)]
    public static partial void Max5x5_Same_S1(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(1, 4, Stride = 2)]
    public static partial void Max1x4_S2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(2, 2)]
    public static partial void Max2x2_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [MaxPool2D(3, 3, Padding = Padding.Same, Stride = 2, Channels = 3)]
    public static partial void Max3x3_Same_S2_C3_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [MaxPool2D(2, 3, Stride = 1)]
    public static partial void Max2x3_S1_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [AvgPool2D(2, 2)]
    public static partial void Avg2x2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(3, 3, Padding = Padding.Same, Stride = 1)]
    public static partial void Avg3x3_Same_S1(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(3, 3, Padding = Padding.Same, Stride = 2, Channels = 3)]
    public static partial void Avg3x3_Same_S2_C3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(2, 3)]
    public static partial void Avg2x3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(2, 3, Padding = Padding.Same, Stride = 3)]
    public static partial void Avg2x3_Same_S3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(3, 2, Stride = 1, Channels = 3)]
    public static partial void Avg3x2_S1_C3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(5, 5, Padding = Padding.Same, Stride = 2)]
    public static partial void Avg5x5_Same_S2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(2, 2, Padding = Padding.Same)]
    public static partial void Avg2x2_Same(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [AvgPool2D(3, 3, Stride = 2)]
    public static partial void Avg3x3_S2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(3, 3, Padding = Padding.Same, Stride = 1)]
    public static partial void Max3x3_Same_S1_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [AvgPool2D(2, 2)]
    public static partial void Avg2x2_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [AvgPool2D(3, 3, Padding = Padding.Same, Stride = 1, Channels = 3)]
    public static partial void Avg3x3_Same_S1_C3_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [AvgPool2D(2, 3, Padding = Padding.Same, Stride = 2)]
    public static partial void Avg2x3_Same_S2_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [MaxPool1D(2)]
    public static partial void Max2(ReadOnlySpan<float> input, Span<float> output, int length);

    [MaxPool1D(3)]
    public static partial void Max3(ReadOnlySpan<float> input, Span<float> output, int length);

    [MaxPool1D(3, Padding = Padding.Same, Stride = 1)]
    public static partial void Max3_Same_S1(ReadOnlySpan<float> input, Span<float> output, int length);

    [MaxPool1D(3, Padding = Padding.Same, Stride = 2, Channels = 3)]
    public static partial void Max3_Same_S2_C3(ReadOnlySpan<float> input, Span<float> output, int length);

    [MaxPool1D(4, Stride = 3)]
    public static partial void Max4_S3(ReadOnlySpan<float> input, Span<float> output, int length);

    [MaxPool1D(5, Padding = Padding.Same)]
    public static partial void Max5_Same(ReadOnlySpan<float> input, Span<float> output, int length);

    [MaxPool1D(2, Stride = 1, Channels = 3)]
    public static partial void Max2_S1_C3(ReadOnlySpan<float> input, Span<float> output, int length);

    [MaxPool1D(2)]
    public static partial void Max2_F64(ReadOnlySpan<double> input, Span<double> output, int length);

    [MaxPool1D(3, Padding = Padding.Same, Stride = 1, Channels = 3)]
    public static partial void Max3_Same_S1_C3_F64(ReadOnlySpan<double> input, Span<double> output, int length);

    [AvgPool1D(2)]
    public static partial void Avg2(ReadOnlySpan<float> input, Span<float> output, int length);

    [AvgPool1D(3, Padding = Padding.Same, Stride = 1)]
    public static partial void Avg3_Same_S1(ReadOnlySpan<float> input, Span<float> output, int length);

    [AvgPool1D(3, Stride = 2, Channels = 3)]
    public static partial void Avg3_S2_C3(ReadOnlySpan<float> input, Span<float> output, int length);

    [AvgPool1D(5, Padding = Padding.Same, Stride = 3)]
    public static partial void Avg5_Same_S3(ReadOnlySpan<float> input, Span<float> output, int length);

    [AvgPool1D(4, Padding = Padding.Same)]
    public static partial void Avg4_Same(ReadOnlySpan<float> input, Span<float> output, int length);

    [AvgPool1D(2)]
    public static partial void Avg2_F64(ReadOnlySpan<double> input, Span<double> output, int length);

    [AvgPool1D(3, Padding = Padding.Same, Stride = 1, Channels = 3)]
    public static partial void Avg3_Same_S1_C3_F64(ReadOnlySpan<double> input, Span<double> output, int length);

    [AvgPool1D(5, Padding = Padding.Same, Stride = 2)]
    public static partial void Avg5_Same_S2_F64(ReadOnlySpan<double> input, Span<double> output, int length);

    // Global pools: on a map the size of the window, each channel's output is a reduction of its whole plane.

    /// <summary>49 values per plane: whole vectors and one lane more at every width (the 128-bit path loops).</summary>
    [AvgPool2D(7, 7, Channels = 5)]
    public static partial void GlobalAvg7x7_C5(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [MaxPool2D(7, 7, Channels = 3)]
    public static partial void GlobalMax7x7_C3(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>196 values per plane: looped with four accumulators at every width.</summary>
    [AvgPool2D(14, 14, Channels = 2)]
    public static partial void GlobalAvg14x14_C2_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    [MaxPool2D(5, 5, Padding = Padding.Same, Stride = 5, Channels = 2)]
    public static partial void GlobalMax5x5_Same_C2_F64(ReadOnlySpan<double> input, Span<double> output, int height, int width);

    /// <summary>9 values: no 512-bit vector fits in the plane.</summary>
    [AvgPool1D(9, Channels = 3)]
    public static partial void GlobalAvg9_C3(ReadOnlySpan<float> input, Span<float> output, int length);
}
