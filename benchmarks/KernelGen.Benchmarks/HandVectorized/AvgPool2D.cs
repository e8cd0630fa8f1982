namespace KernelGen.Benchmarks.HandVectorized;

public static partial class HandVectorizedKernels
{
    /// <summary>
    /// 2D average pool, channels-first, with run-time window, stride and padding; the same contract as
    /// <see cref="ReferenceKernels.AvgPool2D{T}"/> for <see cref="float"/> (padded positions take no part and are
    /// not counted). Vectorized like <see cref="MaxPool2D"/>: horizontal stride 1 or 2, other strides scalar.
    /// </summary>
    public static void AvgPool2D(ReadOnlySpan<float> input, Span<float> output, int height, int width,
        int windowHeight, int windowWidth, Padding padding = Padding.Valid, int? stride = null, int channels = 1)
        => Pool(input, output, height, width, windowHeight, windowWidth, padding, stride, channels, isMax: false);
}
