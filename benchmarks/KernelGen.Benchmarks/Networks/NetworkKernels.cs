namespace KernelGen.Benchmarks.Networks;

/// <summary>
/// The generated kernels of the network layers, one per distinct attribute (a map size is a run-time argument, so one
/// kernel serves a layer wherever it occurs). Declared as a user declares them. Layers the standard set already has
/// (the 64 -> 64 3 x 3 of ResNet-18 and VGG-16 is S7's, VGG-16's first pool S10's) use its kernels.
/// </summary>
public static partial class NetworkKernels
{
    /// <summary>ResNet-18 stem.</summary>
    [Conv2D(7, 7, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv7x7S2Same3To64Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer2, first convolution.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 64, OutChannels = 128, Activation = Activation.Relu)]
    public static partial void Conv3x3S2Same64To128Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer2 projection shortcut.</summary>
    [Conv2D(1, 1, Stride = 2, InChannels = 64, OutChannels = 128)]
    public static partial void Conv1x1S2_64To128(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer2; VGG-16 block 2.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 128, OutChannels = 128, Activation = Activation.Relu)]
    public static partial void Conv3x3Same128Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer3, first convolution.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 128, OutChannels = 256, Activation = Activation.Relu)]
    public static partial void Conv3x3S2Same128To256Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer3 projection shortcut.</summary>
    [Conv2D(1, 1, Stride = 2, InChannels = 128, OutChannels = 256)]
    public static partial void Conv1x1S2_128To256(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer3.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 256, OutChannels = 256, Activation = Activation.Relu)]
    public static partial void Conv3x3Same256Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer4, first convolution.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 256, OutChannels = 512, Activation = Activation.Relu)]
    public static partial void Conv3x3S2Same256To512Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer4 projection shortcut.</summary>
    [Conv2D(1, 1, Stride = 2, InChannels = 256, OutChannels = 512)]
    public static partial void Conv1x1S2_256To512(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 layer4.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 512, OutChannels = 512, Activation = Activation.Relu)]
    public static partial void Conv3x3Same512Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 stem.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 32, Activation = Activation.Relu)]
    public static partial void Conv3x3S2Same3To32Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32, Groups = 32, Activation = Activation.Relu)]
    public static partial void Depthwise3x3Same32Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 32, OutChannels = 16)]
    public static partial void Conv1x1_32To16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion.</summary>
    [Conv2D(1, 1, InChannels = 16, OutChannels = 96, Activation = Activation.Relu)]
    public static partial void Conv1x1_16To96Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise, stride 2.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 96, OutChannels = 96, Groups = 96, Activation = Activation.Relu)]
    public static partial void Depthwise3x3S2Same96Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 96, OutChannels = 24)]
    public static partial void Conv1x1_96To24(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion.</summary>
    [Conv2D(1, 1, InChannels = 24, OutChannels = 144, Activation = Activation.Relu)]
    public static partial void Conv1x1_24To144Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 144, OutChannels = 144, Groups = 144, Activation = Activation.Relu)]
    public static partial void Depthwise3x3Same144Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 144, OutChannels = 24)]
    public static partial void Conv1x1_144To24(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise, stride 2.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 144, OutChannels = 144, Groups = 144, Activation = Activation.Relu)]
    public static partial void Depthwise3x3S2Same144Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 144, OutChannels = 32)]
    public static partial void Conv1x1_144To32(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion.</summary>
    [Conv2D(1, 1, InChannels = 32, OutChannels = 192, Activation = Activation.Relu)]
    public static partial void Conv1x1_32To192Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 192, OutChannels = 192, Groups = 192, Activation = Activation.Relu)]
    public static partial void Depthwise3x3Same192Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 192, OutChannels = 32)]
    public static partial void Conv1x1_192To32(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise, stride 2.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 192, OutChannels = 192, Groups = 192, Activation = Activation.Relu)]
    public static partial void Depthwise3x3S2Same192Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 192, OutChannels = 64)]
    public static partial void Conv1x1_192To64(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion.</summary>
    [Conv2D(1, 1, InChannels = 64, OutChannels = 384, Activation = Activation.Relu)]
    public static partial void Conv1x1_64To384Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 384, OutChannels = 384, Groups = 384, Activation = Activation.Relu)]
    public static partial void Depthwise3x3Same384Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 384, OutChannels = 64)]
    public static partial void Conv1x1_384To64(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 384, OutChannels = 96)]
    public static partial void Conv1x1_384To96(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion.</summary>
    [Conv2D(1, 1, InChannels = 96, OutChannels = 576, Activation = Activation.Relu)]
    public static partial void Conv1x1_96To576Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 576, OutChannels = 576, Groups = 576, Activation = Activation.Relu)]
    public static partial void Depthwise3x3Same576Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 576, OutChannels = 96)]
    public static partial void Conv1x1_576To96(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise, stride 2.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 576, OutChannels = 576, Groups = 576, Activation = Activation.Relu)]
    public static partial void Depthwise3x3S2Same576Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 576, OutChannels = 160)]
    public static partial void Conv1x1_576To160(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 expansion.</summary>
    [Conv2D(1, 1, InChannels = 160, OutChannels = 960, Activation = Activation.Relu)]
    public static partial void Conv1x1_160To960Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 depthwise.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 960, OutChannels = 960, Groups = 960, Activation = Activation.Relu)]
    public static partial void Depthwise3x3Same960Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 960, OutChannels = 160)]
    public static partial void Conv1x1_960To160(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 projection.</summary>
    [Conv2D(1, 1, InChannels = 960, OutChannels = 320)]
    public static partial void Conv1x1_960To320(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 last convolution.</summary>
    [Conv2D(1, 1, InChannels = 320, OutChannels = 1280, Activation = Activation.Relu)]
    public static partial void Conv1x1_320To1280Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>VGG-16 block 1, first convolution.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 3, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void Conv3x3Same3To64Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>VGG-16 block 2, first convolution.</summary>
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 64, OutChannels = 128, Activation = Activation.Relu)]
    public static partial void Conv3x3Same64To128Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>LeNet-5 C1.</summary>
    [Conv2D(5, 5, OutChannels = 6)]
    public static partial void Conv5x5_1To6(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>LeNet-5 C3.</summary>
    [Conv2D(5, 5, InChannels = 6, OutChannels = 16)]
    public static partial void Conv5x5_6To16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>LeNet-5 C5.</summary>
    [Conv2D(5, 5, InChannels = 16, OutChannels = 120)]
    public static partial void Conv5x5_16To120(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>ResNet-18 stem pool.</summary>
    [MaxPool2D(3, 3, Padding = Padding.Same, Stride = 2, Channels = 64)]
    public static partial void MaxPool3x3S2Same64(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>ResNet-18 global average pool (the 7 x 7 window is the map).</summary>
    [AvgPool2D(7, 7, Channels = 512)]
    public static partial void GlobalAvgPool512(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>MobileNetV2 global average pool.</summary>
    [AvgPool2D(7, 7, Channels = 1280)]
    public static partial void GlobalAvgPool1280(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>VGG-16 block 2 pool.</summary>
    [MaxPool2D(2, 2, Channels = 128)]
    public static partial void MaxPool2x2_128(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>LeNet-5 S2.</summary>
    [AvgPool2D(2, 2, Channels = 6)]
    public static partial void AvgPool2x2_6(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    /// <summary>LeNet-5 S4.</summary>
    [AvgPool2D(2, 2, Channels = 16)]
    public static partial void AvgPool2x2_16(ReadOnlySpan<float> input, Span<float> output, int height, int width);
}
