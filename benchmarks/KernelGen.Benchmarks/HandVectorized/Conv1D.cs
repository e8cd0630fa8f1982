using System.Numerics;

namespace KernelGen.Benchmarks.HandVectorized;

public static partial class HandVectorizedKernels
{
    /// <summary>
    /// 1D convolution (cross-correlation), channels-first, with run-time window, stride, dilation, padding,
    /// channels and groups; the same contract as <see cref="ReferenceKernels.Conv1D{T}"/> without <c>flip</c>.
    /// A 1D signal is a one-row image, so this runs the 2D row code with one row and a one-row window.
    /// </summary>
    public static void Conv1D<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output,
        int length, int kernelSize,
        Padding padding = Padding.Valid, int stride = 1, int dilation = 1,
        int inChannels = 1, int outChannels = 1, int groups = 1, Activation activation = Activation.None)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Conv2D(input, weights, bias, output, 1, length, 1, kernelSize, padding, stride, dilation,
            inChannels, outChannels, groups, activation);
}
