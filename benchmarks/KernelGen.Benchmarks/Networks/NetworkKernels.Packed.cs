namespace KernelGen.Benchmarks.Networks;

/// <summary>
/// The network layers' generated kernels again, taking their weights as <see cref="PackedWeights{T}"/>: each packs them
/// at its first call and reads that copy at every later one, as ONNX Runtime packs its weights when a session is
/// created. The layers with one are the convolutions on output maps of at most
/// <see cref="NetworkLayers.PackedMaxOutputPixels"/> pixels whose outputs fill vector lanes (the depthwise layers read
/// their weights as given, so a twin would time the same code).
/// </summary>
public static partial class NetworkKernels
{
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

    /// <summary>LeNet-5 C3. Weights packed once.</summary>
    [Conv2D(5, 5, InChannels = 6, OutChannels = 16)]
    public static partial void Conv5x5_6To16Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>LeNet-5 C5. Weights packed once.</summary>
    [Conv2D(5, 5, InChannels = 16, OutChannels = 120)]
    public static partial void Conv5x5_16To120Packed(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);
}
