namespace KernelGen.Benchmarks;

/// <summary>The generated kernels the benchmarks time, declared the way a user declares them.</summary>
public static partial class BenchmarkKernels
{
    /// <summary>S2: 3 × 3 valid, one channel.</summary>
    [Conv2D(3, 3)]
    public static partial void Conv3x3Valid(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>S3: 3 × 3 same, one channel.</summary>
    [Conv2D(3, 3, Padding = Padding.Same)]
    public static partial void Conv3x3Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>S6: 3 × 3 same, 16 → 16 channels, bias and ReLU.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void Conv3x3Same16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>S10: 2 × 2 max pool, stride 2, 64 channels.</summary>
    [MaxPool2D(2, 2, Channels = 64)]
    public static partial void MaxPool2x2(ReadOnlySpan<float> input, Span<float> output, int height, int width);
}
