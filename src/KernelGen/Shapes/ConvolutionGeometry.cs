namespace KernelGen;

/// <summary>
/// The fixed part of a convolution: window, stride, dilation, channels, groups and padding. A 1D convolution is
/// the 2D one with <see cref="KernelHeight"/> = 1.
/// </summary>
/// <param name="KernelHeight">Rows of the window (1 for 1D).</param>
/// <param name="KernelWidth">Columns of the window.</param>
/// <param name="Stride">Step between outputs, in both dimensions.</param>
/// <param name="Dilation">Spacing of the taps, in both dimensions.</param>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="Groups">Channel groups; both channel counts are multiples of it.</param>
/// <param name="Padding">The padding mode.</param>
public readonly record struct ConvolutionGeometry(
    int KernelHeight, int KernelWidth, int Stride, int Dilation, int InChannels, int OutChannels, int Groups, Padding Padding);

/// <summary>The fixed part of a pool: window, strides, channels and padding. A 1D pool has <see cref="WindowHeight"/> = 1.</summary>
/// <param name="WindowHeight">Rows of the window (1 for 1D).</param>
/// <param name="WindowWidth">Columns of the window.</param>
/// <param name="StrideHeight">Step between output rows.</param>
/// <param name="StrideWidth">Step between output columns.</param>
/// <param name="Channels">Channels, pooled independently.</param>
/// <param name="Padding">The padding mode: <see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</param>
public readonly record struct PoolingGeometry(
    int WindowHeight, int WindowWidth, int StrideHeight, int StrideWidth, int Channels, Padding Padding);

/// <summary>The extents of both dimensions of a kernel call (for 1D, <see cref="Rows"/> is the single row).</summary>
/// <param name="Rows">The vertical extent.</param>
/// <param name="Columns">The horizontal extent.</param>
public readonly record struct KernelExtents(DimensionExtent Rows, DimensionExtent Columns);

/// <summary>
/// The names of a kernel method's parameters, used in the exceptions its argument checks throw.
/// A <see langword="null"/> name means the method has no such parameter.
/// </summary>
/// <param name="Input">The input span.</param>
/// <param name="Weights">The weights span, or <see langword="null"/> (pools, constant weights).</param>
/// <param name="Bias">The bias span, or <see langword="null"/> without bias.</param>
/// <param name="Output">The output span.</param>
/// <param name="Height">The height, or <see langword="null"/> for 1D kernels.</param>
/// <param name="Width">The width (the length of a 1D kernel).</param>
public readonly record struct KernelParameterNames(string Input, string? Weights, string? Bias, string Output, string? Height, string Width);
