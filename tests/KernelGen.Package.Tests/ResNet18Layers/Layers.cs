using KernelGen;

namespace ResNet18Layers;

/// <summary>Every distinct convolution and pooling layer of ResNet-18 (float, batch 1, CHW; batch norm folded into the bias).</summary>
public static partial class Layers
{
    // conv1: 7x7 stride 2, 3 -> 64, 224x224 -> 112x112
    [Conv2D(7, 7, Stride = 2, Padding = Padding.Same, InChannels = 3, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Stem(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // 3x3 stride 2 max pool, 112x112 -> 56x56
    [MaxPool2D(3, 3, Stride = 2, Padding = Padding.Same, Channels = 64)]
    public static partial void StemPool(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv64(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Stride = 2, Padding = Padding.Same, InChannels = 64, OutChannels = 128, Activation = Activation.Relu)]
    public static partial void Down128(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(1, 1, Stride = 2, InChannels = 64, OutChannels = 128)]
    public static partial void Project128(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 128, OutChannels = 128, Activation = Activation.Relu)]
    public static partial void Conv128(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Stride = 2, Padding = Padding.Same, InChannels = 128, OutChannels = 256, Activation = Activation.Relu)]
    public static partial void Down256(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(1, 1, Stride = 2, InChannels = 128, OutChannels = 256)]
    public static partial void Project256(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 256, OutChannels = 256, Activation = Activation.Relu)]
    public static partial void Conv256(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Stride = 2, Padding = Padding.Same, InChannels = 256, OutChannels = 512, Activation = Activation.Relu)]
    public static partial void Down512(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(1, 1, Stride = 2, InChannels = 256, OutChannels = 512)]
    public static partial void Project512(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 512, OutChannels = 512, Activation = Activation.Relu)]
    public static partial void Conv512(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // global average pool: the whole 7x7 map, 512 channels
    [AvgPool2D(7, 7, Channels = 512)]
    public static partial void GlobalPool(ReadOnlySpan<float> input, Span<float> output, int height, int width);
}
