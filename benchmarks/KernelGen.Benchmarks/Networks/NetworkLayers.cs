namespace KernelGen.Benchmarks.Networks;

/// <summary>A generated convolution with a bias, as the network kernels are declared.</summary>
public delegate void ConvKernel(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output,
    int height, int width);

/// <summary>A generated convolution with a bias, taking its weights packed once.</summary>
public delegate void PackedConvKernel(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output,
    int height, int width);

/// <summary>A generated 2D pool.</summary>
public delegate void PoolKernel(ReadOnlySpan<float> input, Span<float> output, int height, int width);

/// <summary>A network: its distinct convolution and pooling layers, each with the number of times it occurs.</summary>
public sealed record Network(string Name, IReadOnlyList<(Shape Layer, int Count)> Layers);

/// <summary>
/// Every distinct convolution and pooling layer of ResNet-18, MobileNetV2 (width 1.0), the first two blocks of VGG-16
/// and LeNet-5, at their map sizes for a 224 x 224 input (32 x 32 for LeNet-5), float, batch 1.
/// Same padding is KernelGen's (for stride 2 the extra row and column go after, where PyTorch pads one before: the
/// same work). Convolutions carry a bias (batch norm folded in); those followed by an activation carry a ReLU
/// (MobileNetV2's ReLU6 and LeNet-5's tanh are not among the attributes' activations: its projections and LeNet-5's
/// layers have none).
/// </summary>
public static class NetworkLayers
{
    private const Padding Same = Padding.Same;

    public static IReadOnlyList<Network> All { get; } = Create();

    /// <summary>The layers of every network, each once, in the networks' order.</summary>
    public static IReadOnlyList<Shape> Layers { get; } = [.. All.SelectMany(n => n.Layers.Select(l => l.Layer)).Distinct()];

    private static List<Network> Create()
    {
        return
        [
            new Network("ResNet-18",
            [
                (Conv("R1", new(3, 64, 224, 224, 7, 2, Same, Bias: true, Relu: true), NetworkKernels.Conv7x7S2Same3To64Relu), 1),
                (Pool("R2", new(IsMax: true, 64, 112, 112, 3, 2, Same), NetworkKernels.MaxPool3x3S2Same64), 1),
                (Conv("R3", new(64, 64, 56, 56, 3, 1, Same, Bias: true, Relu: true), BenchmarkKernels.Conv3x3Same64), 4),
                (Conv("R4", new(64, 128, 56, 56, 3, 2, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3S2Same64To128Relu, NetworkKernels.Conv3x3S2Same64To128ReluPacked), 1),
                (Conv("R5", new(64, 128, 56, 56, 1, 2, Bias: true), NetworkKernels.Conv1x1S2_64To128, NetworkKernels.Conv1x1S2_64To128Packed), 1),
                (Conv("R6", new(128, 128, 28, 28, 3, 1, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3Same128Relu, NetworkKernels.Conv3x3Same128ReluPacked), 3),
                (Conv("R7", new(128, 256, 28, 28, 3, 2, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3S2Same128To256Relu, NetworkKernels.Conv3x3S2Same128To256ReluPacked), 1),
                (Conv("R8", new(128, 256, 28, 28, 1, 2, Bias: true), NetworkKernels.Conv1x1S2_128To256, NetworkKernels.Conv1x1S2_128To256Packed), 1),
                (Conv("R9", new(256, 256, 14, 14, 3, 1, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3Same256Relu, NetworkKernels.Conv3x3Same256ReluPacked), 3),
                (Conv("R10", new(256, 512, 14, 14, 3, 2, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3S2Same256To512Relu, NetworkKernels.Conv3x3S2Same256To512ReluPacked), 1),
                (Conv("R11", new(256, 512, 14, 14, 1, 2, Bias: true), NetworkKernels.Conv1x1S2_256To512, NetworkKernels.Conv1x1S2_256To512Packed), 1),
                (Conv("R12", new(512, 512, 7, 7, 3, 1, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3Same512Relu, NetworkKernels.Conv3x3Same512ReluPacked), 3),
                (Pool("R13", new(IsMax: false, 512, 7, 7, 7, 7), NetworkKernels.GlobalAvgPool512), 1),
            ]),
            new Network("MobileNetV2",
            [
                (Conv("M1", new(3, 32, 224, 224, 3, 2, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3S2Same3To32Relu), 1),
                (Conv("M2", Depthwise(32, 112, 1), NetworkKernels.Depthwise3x3Same32Relu), 1),
                (Conv("M3", Pointwise(32, 16, 112), NetworkKernels.Conv1x1_32To16), 1),
                (Conv("M4", Pointwise(16, 96, 112, relu: true), NetworkKernels.Conv1x1_16To96Relu), 1),
                (Conv("M5", Depthwise(96, 112, 2), NetworkKernels.Depthwise3x3S2Same96Relu), 1),
                (Conv("M6", Pointwise(96, 24, 56), NetworkKernels.Conv1x1_96To24), 1),
                (Conv("M7", Pointwise(24, 144, 56, relu: true), NetworkKernels.Conv1x1_24To144Relu), 2),
                (Conv("M8", Depthwise(144, 56, 1), NetworkKernels.Depthwise3x3Same144Relu), 1),
                (Conv("M9", Pointwise(144, 24, 56), NetworkKernels.Conv1x1_144To24), 1),
                (Conv("M10", Depthwise(144, 56, 2), NetworkKernels.Depthwise3x3S2Same144Relu), 1),
                (Conv("M11", Pointwise(144, 32, 28), NetworkKernels.Conv1x1_144To32, NetworkKernels.Conv1x1_144To32Packed), 1),
                (Conv("M12", Pointwise(32, 192, 28, relu: true), NetworkKernels.Conv1x1_32To192Relu, NetworkKernels.Conv1x1_32To192ReluPacked), 3),
                (Conv("M13", Depthwise(192, 28, 1), NetworkKernels.Depthwise3x3Same192Relu), 2),
                (Conv("M14", Pointwise(192, 32, 28), NetworkKernels.Conv1x1_192To32, NetworkKernels.Conv1x1_192To32Packed), 2),
                (Conv("M15", Depthwise(192, 28, 2), NetworkKernels.Depthwise3x3S2Same192Relu), 1),
                (Conv("M16", Pointwise(192, 64, 14), NetworkKernels.Conv1x1_192To64, NetworkKernels.Conv1x1_192To64Packed), 1),
                (Conv("M17", Pointwise(64, 384, 14, relu: true), NetworkKernels.Conv1x1_64To384Relu, NetworkKernels.Conv1x1_64To384ReluPacked), 4),
                (Conv("M18", Depthwise(384, 14, 1), NetworkKernels.Depthwise3x3Same384Relu), 4),
                (Conv("M19", Pointwise(384, 64, 14), NetworkKernels.Conv1x1_384To64, NetworkKernels.Conv1x1_384To64Packed), 3),
                (Conv("M20", Pointwise(384, 96, 14), NetworkKernels.Conv1x1_384To96, NetworkKernels.Conv1x1_384To96Packed), 1),
                (Conv("M21", Pointwise(96, 576, 14, relu: true), NetworkKernels.Conv1x1_96To576Relu, NetworkKernels.Conv1x1_96To576ReluPacked), 3),
                (Conv("M22", Depthwise(576, 14, 1), NetworkKernels.Depthwise3x3Same576Relu), 2),
                (Conv("M23", Pointwise(576, 96, 14), NetworkKernels.Conv1x1_576To96, NetworkKernels.Conv1x1_576To96Packed), 2),
                (Conv("M24", Depthwise(576, 14, 2), NetworkKernels.Depthwise3x3S2Same576Relu), 1),
                (Conv("M25", Pointwise(576, 160, 7), NetworkKernels.Conv1x1_576To160, NetworkKernels.Conv1x1_576To160Packed), 1),
                (Conv("M26", Pointwise(160, 960, 7, relu: true), NetworkKernels.Conv1x1_160To960Relu, NetworkKernels.Conv1x1_160To960ReluPacked), 3),
                (Conv("M27", Depthwise(960, 7, 1), NetworkKernels.Depthwise3x3Same960Relu), 3),
                (Conv("M28", Pointwise(960, 160, 7), NetworkKernels.Conv1x1_960To160, NetworkKernels.Conv1x1_960To160Packed), 2),
                (Conv("M29", Pointwise(960, 320, 7), NetworkKernels.Conv1x1_960To320, NetworkKernels.Conv1x1_960To320Packed), 1),
                (Conv("M30", Pointwise(320, 1280, 7, relu: true), NetworkKernels.Conv1x1_320To1280Relu, NetworkKernels.Conv1x1_320To1280ReluPacked), 1),
                (Pool("M31", new(IsMax: false, 1280, 7, 7, 7, 7), NetworkKernels.GlobalAvgPool1280), 1),
            ]),
            new Network("VGG-16, blocks 1-2",
            [
                (Conv("V1", new(3, 64, 224, 224, 3, 1, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3Same3To64Relu), 1),
                (Conv("V2", new(64, 64, 224, 224, 3, 1, Same, Bias: true, Relu: true), BenchmarkKernels.Conv3x3Same64), 1),
                (Pool("V3", new(IsMax: true, 64, 224, 224, 2, 2), BenchmarkKernels.MaxPool2x2), 1),
                (Conv("V4", new(64, 128, 112, 112, 3, 1, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3Same64To128Relu), 1),
                (Conv("V5", new(128, 128, 112, 112, 3, 1, Same, Bias: true, Relu: true), NetworkKernels.Conv3x3Same128Relu, NetworkKernels.Conv3x3Same128ReluPacked), 1),
                (Pool("V6", new(IsMax: true, 128, 112, 112, 2, 2), NetworkKernels.MaxPool2x2_128), 1),
            ]),
            new Network("LeNet-5",
            [
                (Conv("L1", new(1, 6, 32, 32, 5, Bias: true), NetworkKernels.Conv5x5_1To6), 1),
                (Pool("L2", new(IsMax: false, 6, 28, 28, 2, 2), NetworkKernels.AvgPool2x2_6), 1),
                (Conv("L3", new(6, 16, 14, 14, 5, Bias: true), NetworkKernels.Conv5x5_6To16, NetworkKernels.Conv5x5_6To16Packed), 1),
                (Pool("L4", new(IsMax: false, 16, 10, 10, 2, 2), NetworkKernels.AvgPool2x2_16), 1),
                (Conv("L5", new(16, 120, 5, 5, 5, Bias: true), NetworkKernels.Conv5x5_16To120, NetworkKernels.Conv5x5_16To120Packed), 1),
            ]),
        ];
    }

    /// <summary>MobileNetV2's depthwise 3 x 3 Same with bias and ReLU.</summary>
    private static ConvLayer Depthwise(int channels, int size, int stride) =>
        new(channels, channels, size, size, 3, stride, Same, channels, Bias: true, Relu: true);

    /// <summary>A 1 x 1 convolution with a bias (MobileNetV2's expansions also a ReLU).</summary>
    private static ConvLayer Pointwise(int inChannels, int outChannels, int size, bool relu = false) =>
        new(inChannels, outChannels, size, size, 1, Bias: true, Relu: relu);

    /// <summary>
    /// The largest output map, in pixels, on which a layer's generated kernel is the one taking packed weights. A call
    /// that repacks makes one pass over the weights, about as long as reading them; the convolution reads each weight
    /// once per output pixel, so the pass is about 1 / pixels of the work at memory speed against compute speed: 47%
    /// estimated (18% measured) on a 7 × 7 map, 3% on 28 × 28, under 1% on 56 × 56. Above this the two kernels time
    /// the same within noise, and timing both would cost the main job its three minutes.
    /// </summary>
    public const int PackedMaxOutputPixels = 32 * 32;

    private static Shape Conv(string name, ConvLayer layer, ConvKernel kernel, PackedConvKernel? packed = null) =>
        LayerShapes.Conv2D<float>(name, null, layer, new Targets(), (i, w, b, o) => kernel(i, w, b, o, layer.Height, layer.Width),
            packed is null || layer.OutputPixels > PackedMaxOutputPixels ? null : weights =>
            {
                var packedWeights = new PackedWeights<float>(weights);
                return (i, _, b, o) => packed(i, packedWeights, b, o, layer.Height, layer.Width);
            });

    private static Shape Pool(string name, PoolLayer layer, PoolKernel kernel) =>
        LayerShapes.Pool2D(name, null, layer, new Targets(), (i, _, _, o) => kernel(i, o, layer.Height, layer.Width));
}
