using System.Numerics;
using KernelGen.Benchmarks.HandVectorized;
using KernelGen.Benchmarks.Onnx;

namespace KernelGen.Benchmarks;

/// <summary>The numbers of a 2D convolution layer: square window and stride, channels-first, batch 1.</summary>
public sealed record ConvLayer(int InChannels, int OutChannels, int Height, int Width, int Kernel, int Stride = 1,
    Padding Padding = Padding.Valid, int Groups = 1, bool Bias = false, bool Relu = false)
{
    public bool IsDepthwise => Groups > 1 && Groups == InChannels && Groups == OutChannels;

    /// <summary>For example "3x3 stride 2 same, 64->128, 56x56, bias+ReLU" or "depthwise 3x3 same, 384 ch, 14x14".</summary>
    public string Description =>
        $"{(IsDepthwise ? "depthwise " : "")}{Kernel}x{Kernel}{(Stride > 1 ? $" stride {Stride}" : "")} {Padding.ToString().ToLowerInvariant()}, " +
        $"{(IsDepthwise ? $"{InChannels} ch" : $"{InChannels}->{OutChannels}")}{(Groups > 1 && !IsDepthwise ? $" in {Groups} groups" : "")}, " +
        $"{Height}x{Width}{(Bias ? Relu ? ", bias+ReLU" : ", bias" : Relu ? ", ReLU" : "")}";

    /// <summary>Output positions per channel.</summary>
    public int OutputPixels => ShapeMath.Dimension(Height, Kernel, Stride, padding: Padding).Output * ShapeMath.Dimension(Width, Kernel, Stride, padding: Padding).Output;

    internal OnnxLayer Onnx => new(InChannels, OutChannels, Height, Width, Kernel, Kernel, Stride, 1, Groups, Padding);
}

/// <summary>The numbers of a 2D pooling layer: square window and stride, channels-first, batch 1.</summary>
public sealed record PoolLayer(bool IsMax, int Channels, int Height, int Width, int Window, int Stride, Padding Padding = Padding.Valid)
{
    /// <summary>A Valid window over the whole map: one output per channel (ONNX's <c>GlobalAveragePool</c> or <c>GlobalMaxPool</c>).</summary>
    public bool IsGlobal => Window == Height && Window == Width && Padding == Padding.Valid;

    public string Description => IsGlobal
        ? $"global {(IsMax ? "max" : "avg")}pool, {Channels} ch, {Height}x{Width}"
        : $"{(IsMax ? "max" : "avg")}pool {Window}x{Window}{(Stride > 1 ? $" stride {Stride}" : "")}" +
          $"{(Padding == Padding.Same ? " same" : "")}, {Channels} ch, {Height}x{Width}";

    internal OnnxLayer Onnx => new(Channels, Channels, Height, Width, Window, Window, Stride, 1, 1, Padding);

    internal string OnnxOperator => (IsGlobal ? "Global" : "") + (IsMax ? "MaxPool" : "AveragePool");
}

/// <summary>
/// Shapes made from a layer's numbers: the generated kernel the caller declares, and beside it the hand-vectorized
/// generic kernel, the reference and (for float) ONNX Runtime on the same buffers.
/// </summary>
public static class LayerShapes
{
    public static Shape<T> Conv2D<T>(string name, string? description, ConvLayer layer, Targets targets, Kernel<T> generated,
        PackedKernelFactory<T>? packed = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (int h, int w, int k) = (layer.Height, layer.Width, layer.Kernel);
        DimensionExtent rows = ShapeMath.Dimension(h, k, layer.Stride, padding: layer.Padding);
        DimensionExtent columns = ShapeMath.Dimension(w, k, layer.Stride, padding: layer.Padding);
        int outputs = layer.OutChannels * rows.Output * columns.Output;
        int perGroup = layer.InChannels / layer.Groups;
        Activation activation = layer.Relu ? Activation.Relu : Activation.None;
        PeerFactory<float> onnx = (input, weights, bias, output) => new OnnxPeer(
            OnnxModel.Conv(layer.Onnx, weights, layer.Bias ? bias : null, layer.Relu), layer.Onnx, input, output);
        return new Shape<T>(name, description ?? layer.Description, layer.InChannels * h * w, layer.OutChannels * perGroup * k * k,
            layer.Bias ? layer.OutChannels : 0, outputs, 2.0 * outputs * perGroup * k * k, false, targets, generated,
            (i, wt, b, o) => HandVectorizedKernels.Conv2D<T>(i, wt, b, o, h, w, k, k, layer.Padding, layer.Stride,
                inChannels: layer.InChannels, outChannels: layer.OutChannels, groups: layer.Groups, activation: activation),
            (i, wt, b, o) => ReferenceKernels.Conv2D<T>(i, wt, b, o, h, w, k, k, layer.Padding, layer.Stride,
                inChannels: layer.InChannels, outChannels: layer.OutChannels, groups: layer.Groups, activation: activation),
            FloatOnly<T>(onnx), packed);
    }

    public static Shape<float> Pool2D(string name, string? description, PoolLayer layer, Targets targets, Kernel<float> generated)
    {
        (int h, int w, int k, int s) = (layer.Height, layer.Width, layer.Window, layer.Stride);
        int outputs = layer.Channels * ShapeMath.Dimension(h, k, s, padding: layer.Padding).Output *
            ShapeMath.Dimension(w, k, s, padding: layer.Padding).Output;
        Kernel<float> hand = layer.IsMax
            ? (i, _, _, o) => HandVectorizedKernels.MaxPool2D(i, o, h, w, k, k, layer.Padding, s, layer.Channels)
            : (i, _, _, o) => HandVectorizedKernels.AvgPool2D(i, o, h, w, k, k, layer.Padding, s, layer.Channels);
        Kernel<float> reference = layer.IsMax
            ? (i, _, _, o) => ReferenceKernels.MaxPool2D<float>(i, o, h, w, k, k, layer.Padding, s, layer.Channels)
            : (i, _, _, o) => ReferenceKernels.AvgPool2D<float>(i, o, h, w, k, k, layer.Padding, s, layer.Channels);
        return new Shape<float>(name, description ?? layer.Description, layer.Channels * h * w, 0, 0, outputs, outputs, true, targets,
            generated, hand, reference,
            (input, _, _, output) => new OnnxPeer(OnnxModel.Pool(layer.Onnx, layer.OnnxOperator), layer.Onnx, input, output));
    }

    /// <summary>ONNX Runtime's CPU convolution is float-only: other element types have no peer.</summary>
    private static PeerFactory<T>? FloatOnly<T>(PeerFactory<float> peer) => typeof(T) == typeof(float) ? (PeerFactory<T>)(object)peer : null;
}
