namespace KernelGen.Benchmarks.Networks;

/// <summary>
/// The network layers' generated kernels again, taking their weights as <see cref="PackedWeights{T}"/>: each packs them
/// at its first call and reads that copy at every later one, as ONNX Runtime packs its weights when a session is
/// created. Every convolution whose outputs can fill vector lanes has one (the depthwise layers and LeNet-5's 1 -> 6
/// read their weights as given, so a twin would time the same code).
/// </summary>
public static partial class NetworkKernels
{
    /// <summary>ResNet-18 stem. Weights packed once.</summary>
    [Conv2D(7, 7, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv7x7S2Same3To64ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer2, first convolution. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 64, OutChannels = 128, Activation = Activation.Relu)]
    public static partial void Conv3x3S2Same64To128ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer2 projection shortcut. Weights packed once.</summary>
    [Conv2D(1, 1, Stride = 2, InChannels = 64, OutChannels = 128)]
    public static partial void Conv1x1S2_64To128Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer2; VGG-16 block 2. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 128, OutChannels = 128, Activation = Activation.Relu)]
    public static partial void Conv3x3Same128ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer3, first convolution. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 128, OutChannels = 256, Activation = Activation.Relu)]
    public static partial void Conv3x3S2Same128To256ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer3 projection shortcut. Weights packed once.</summary>
    [Conv2D(1, 1, Stride = 2, InChannels = 128, OutChannels = 256)]
    public static partial void Conv1x1S2_128To256Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer3. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 256, OutChannels = 256, Activation = Activation.Relu)]
    public static partial void Conv3x3Same256ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer4, first convolution. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 256, OutChannels = 512, Activation = Activation.Relu)]
    public static partial void Conv3x3S2Same256To512ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer4 projection shortcut. Weights packed once.</summary>
    [Conv2D(1, 1, Stride = 2, InChannels = 256, OutChannels = 512)]
    public static partial void Conv1x1S2_256To512Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer4. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 512, OutChannels = 512, Activation = Activation.Relu)]
    public static partial void Conv3x3Same512ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 stem. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 32, Activation = Activation.Relu)]
    public static partial void Conv3x3S2Same3To32ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 32, OutChannels = 16)]
    public static partial void Conv1x1_32To16Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 16, OutChannels = 96, Activation = Activation.Relu)]
    public static partial void Conv1x1_16To96ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 96, OutChannels = 24)]
    public static partial void Conv1x1_96To24Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 24, OutChannels = 144, Activation = Activation.Relu)]
    public static partial void Conv1x1_24To144ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 144, OutChannels = 24)]
    public static partial void Conv1x1_144To24Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 144, OutChannels = 32)]
    public static partial void Conv1x1_144To32Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 32, OutChannels = 192, Activation = Activation.Relu)]
    public static partial void Conv1x1_32To192ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 192, OutChannels = 32)]
    public static partial void Conv1x1_192To32Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 192, OutChannels = 64)]
    public static partial void Conv1x1_192To64Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 64, OutChannels = 384, Activation = Activation.Relu)]
    public static partial void Conv1x1_64To384ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 384, OutChannels = 64)]
    public static partial void Conv1x1_384To64Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 384, OutChannels = 96)]
    public static partial void Conv1x1_384To96Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 96, OutChannels = 576, Activation = Activation.Relu)]
    public static partial void Conv1x1_96To576ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 576, OutChannels = 96)]
    public static partial void Conv1x1_576To96Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 576, OutChannels = 160)]
    public static partial void Conv1x1_576To160Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 160, OutChannels = 960, Activation = Activation.Relu)]
    public static partial void Conv1x1_160To960ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 960, OutChannels = 160)]
    public static partial void Conv1x1_960To160Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 960, OutChannels = 320)]
    public static partial void Conv1x1_960To320Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 last convolution. Weights packed once.</summary>
    [Conv2D(1, 1, InChannels = 320, OutChannels = 1280, Activation = Activation.Relu)]
    public static partial void Conv1x1_320To1280ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>VGG-16 block 1, first convolution. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 3, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv3x3Same3To64ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>VGG-16 block 2, first convolution. Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 128, Activation = Activation.Relu)]
    public static partial void Conv3x3Same64To128ReluPacked(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>LeNet-5 C3. Weights packed once.</summary>
    [Conv2D(5, 5, InChannels = 6, OutChannels = 16)]
    public static partial void Conv5x5_6To16Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>LeNet-5 C5. Weights packed once.</summary>
    [Conv2D(5, 5, InChannels = 16, OutChannels = 120)]
    public static partial void Conv5x5_16To120Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer1 and VGG-16 block 1 (the standard set's S7, <see cref="BenchmarkKernels.Conv3x3Same64"/>). Weights packed once.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv3x3Same64Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);
}
