namespace KernelGen.Benchmarks;

/// <summary>
/// The generated kernels the benchmarks time, one per shape of the standard set, declared the way a user declares
/// them: an attribute on a partial method, the generator writes the body.
/// </summary>
public static partial class BenchmarkKernels
{
    /// <summary>S1: conv1d k=3 valid, one channel.</summary>
    [Conv1D(3)]
    public static partial void Conv1D3Valid(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

    /// <summary>S2: conv2d 3 × 3 valid, one channel.</summary>
    [Conv2D(3, 3)]
    public static partial void Conv3x3Valid(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>S3: conv2d 3 × 3 same, one channel.</summary>
    [Conv2D(3, 3, Padding = Padding.Same)]
    public static partial void Conv3x3Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>S4: conv2d 5 × 5 same, one channel.</summary>
    [Conv2D(5, 5, Padding = Padding.Same)]
    public static partial void Conv5x5Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>S5: conv2d 11 × 11 valid, one channel.</summary>
    [Conv2D(11, 11)]
    public static partial void Conv11x11Valid(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>S6: conv2d 3 × 3 same, 16 → 16 channels, bias and ReLU.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void Conv3x3Same16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>S7: conv2d 3 × 3 same, 64 → 64 channels, bias and ReLU.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv3x3Same64(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>S8: depthwise conv2d 3 × 3 same, 32 channels.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32, Groups = 32)]
    public static partial void Depthwise3x3Same32(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>S9: conv2d 5 × 5 valid, 1 → 6 channels.</summary>
    [Conv2D(5, 5, OutChannels = 6)]
    public static partial void Conv5x5Valid1To6(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>S10: max pool 2 × 2, stride 2, 64 channels.</summary>
    [MaxPool2D(2, 2, Channels = 64)]
    public static partial void MaxPool2x2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>S11: average pool 3 × 3, stride 1, same, 32 channels.</summary>
    [AvgPool2D(3, 3, Padding = Padding.Same, Stride = 1, Channels = 32)]
    public static partial void AvgPool3x3Same32(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>S2 in double.</summary>
    [Conv2D(3, 3)]
    public static partial void Conv3x3ValidDouble(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

    /// <summary>S7 in double.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv3x3Same64Double(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

    // Border checks: the same layers with Padding.Valid on an input padded by one pixel per side, so they compute the
    // same number of outputs as S6, S7 and S8 with no border code; the quick mode times them to measure what the
    // Same-padding borders cost.

    /// <summary>S6 without borders: valid on 66 × 66.</summary>
    [Conv2D(3, 3, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void Conv3x3Valid16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>S7 without borders: valid on 58 × 58.</summary>
    [Conv2D(3, 3, InChannels = 64, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv3x3Valid64(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>S8 without borders: valid on 114 × 114.</summary>
    [Conv2D(3, 3, InChannels = 32, OutChannels = 32, Groups = 32)]
    public static partial void Depthwise3x3Valid32(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
}
