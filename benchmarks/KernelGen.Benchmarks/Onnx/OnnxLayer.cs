namespace KernelGen.Benchmarks.Onnx;

/// <summary>
/// The numbers of one 2D layer as an ONNX node needs them: batch-1 NCHW sizes in and out, the square stride and
/// dilation, the groups, and the explicit <see cref="Pads"/> (top, left, bottom, right) of KernelGen's padding mode.
/// </summary>
internal sealed record OnnxLayer(int InChannels, int OutChannels, int Height, int Width, int KernelHeight, int KernelWidth,
    int Stride, int Dilation, int Groups, Padding Padding)
{
    private readonly DimensionExtent _rows = ShapeMath.Dimension(Height, KernelHeight, Stride, Dilation, Padding);
    private readonly DimensionExtent _columns = ShapeMath.Dimension(Width, KernelWidth, Stride, Dilation, Padding);

    public int OutHeight => _rows.Output;

    public int OutWidth => _columns.Output;

    public long[] Pads => [_rows.PadBefore, _columns.PadBefore, _rows.PadAfter, _columns.PadAfter];
}
