using KernelGen;

namespace KernelGen.Samples.LeNet;

/// <summary>
/// LeNet-5's convolution and pooling layers, each one attribute on a partial method: KernelGen's generator writes the
/// bodies. Layout is channels-first: [channels, height, width]; weights [out, in, 5, 5]; one bias per output channel.
/// </summary>
public static partial class Layers
{
    /// <summary>C1: 5 × 5 convolution, 1 → 6 channels, Valid (32 × 32 → 28 × 28), then bias and ReLU.</summary>
    [Conv2D(5, 5, InChannels = 1, OutChannels = 6, Activation = Activation.Relu)]
    public static partial void Conv1(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias,
                                     Span<float> output, int height, int width);

    /// <summary>S2: 2 × 2 average pool, stride 2, 6 channels (28 × 28 → 14 × 14).</summary>
    [AvgPool2D(2, 2, Channels = 6)]
    public static partial void Pool1(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>
    /// C3: 5 × 5 convolution, 6 → 16 channels, Valid (14 × 14 → 10 × 10), then bias and ReLU. Its weights come as a
    /// <see cref="PackedWeights{T}"/>: the kernel rearranges them for its vector blocks at its first call and reuses
    /// that at every later one, where a span would be rearranged on every call.
    /// </summary>
    [Conv2D(5, 5, InChannels = 6, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void Conv2(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias,
                                     Span<float> output, int height, int width);

    /// <summary>S4: 2 × 2 average pool, stride 2, 16 channels (10 × 10 → 5 × 5, 400 values for the dense layers).</summary>
    [AvgPool2D(2, 2, Channels = 16)]
    public static partial void Pool2(ReadOnlySpan<float> input, Span<float> output, int height, int width);
}
