using System.ComponentModel;

namespace KernelGen;

/// <summary>
/// The run-time argument checks of every kernel, generated or reference (docs/semantics.md, “Errors at run time”). They run before
/// anything is written: sizes ≤ 0 or an empty output throw <see cref="ArgumentOutOfRangeException"/>; a span shorter
/// than its shape, or an output overlapping another span, throws <see cref="ArgumentException"/> naming the parameter
/// and the lengths expected and found. Longer spans are fine: only the prefix the shape needs is used.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelArguments
{
    /// <summary>Checks a convolution call and returns its extents.</summary>
    /// <param name="input">The input span.</param>
    /// <param name="weights">The weights span (ignored when <see cref="KernelParameterNames.Weights"/> is null).</param>
    /// <param name="bias">The bias span (ignored when <see cref="KernelParameterNames.Bias"/> is null).</param>
    /// <param name="output">The output span.</param>
    /// <param name="height">Input rows (1 for 1D).</param>
    /// <param name="width">Input columns (the length for 1D).</param>
    /// <param name="geometry">The fixed part of the convolution.</param>
    /// <param name="names">The caller's parameter names, for the exceptions.</param>
    public static KernelExtents CheckConvolution<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output,
        int height, int width, in ConvolutionGeometry geometry, in KernelParameterNames names)
    {
        ValidateGeometry(geometry);
        KernelExtents extents = CheckSizes(height, width, geometry.KernelHeight, geometry.KernelWidth,
            geometry.Stride, geometry.Stride, geometry.Dilation, geometry.Padding, names);

        int cin = geometry.InChannels, cout = geometry.OutChannels;
        int kh = geometry.KernelHeight, kw = geometry.KernelWidth;
        bool is2D = names.Height is not null;
        int inputNeeded = RequireLength(input.Length, names.Input, is2D ? "[channels, height, width]" : "[channels, length]",
            cin, is2D ? height : -1, width);
        int weightsNeeded = names.Weights is null ? 0 : RequireLength(weights.Length, names.Weights,
            is2D ? "[outChannels, inChannels/groups, kernelHeight, kernelWidth]" : "[outChannels, inChannels/groups, kernelSize]",
            cout, cin / geometry.Groups, is2D ? kh : -1, kw);
        int biasNeeded = names.Bias is null ? 0 : RequireLength(bias.Length, names.Bias, "[outChannels]", cout);
        int outputNeeded = RequireLength(output.Length, names.Output, is2D ? "[outChannels, outHeight, outWidth]" : "[outChannels, outLength]",
            cout, is2D ? extents.Rows.Output : -1, extents.Columns.Output);

        Span<T> written = output[..outputNeeded];
        RequireNoOverlap(written, input[..inputNeeded], names.Output, names.Input);
        if (names.Weights is not null)
        {
            RequireNoOverlap(written, weights[..weightsNeeded], names.Output, names.Weights);
        }

        if (names.Bias is not null)
        {
            RequireNoOverlap(written, bias[..biasNeeded], names.Output, names.Bias);
        }

        return extents;
    }

    /// <summary>Checks a pooling call and returns its extents.</summary>
    /// <param name="input">The input span.</param>
    /// <param name="output">The output span.</param>
    /// <param name="height">Input rows (1 for 1D).</param>
    /// <param name="width">Input columns (the length for 1D).</param>
    /// <param name="geometry">The fixed part of the pool.</param>
    /// <param name="names">The caller's parameter names, for the exceptions.</param>
    public static KernelExtents CheckPooling<T>(
        ReadOnlySpan<T> input, Span<T> output, int height, int width, in PoolingGeometry geometry, in KernelParameterNames names)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.WindowHeight, "windowHeight");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.WindowWidth, "windowWidth");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.StrideHeight, "stride");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.StrideWidth, "stride");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.Channels, "channels");
        if (geometry.Padding is not (Padding.Valid or Padding.Same))
        {
            throw new ArgumentException($"Pooling takes Padding.Valid or Padding.Same, not {geometry.Padding}.", "padding");
        }

        KernelExtents extents = CheckSizes(height, width, geometry.WindowHeight, geometry.WindowWidth,
            geometry.StrideHeight, geometry.StrideWidth, 1, geometry.Padding, names);

        bool is2D = names.Height is not null;
        int inputNeeded = RequireLength(input.Length, names.Input, is2D ? "[channels, height, width]" : "[channels, length]",
            geometry.Channels, is2D ? height : -1, width);
        int outputNeeded = RequireLength(output.Length, names.Output, is2D ? "[channels, outHeight, outWidth]" : "[channels, outLength]",
            geometry.Channels, is2D ? extents.Rows.Output : -1, extents.Columns.Output);
        RequireNoOverlap(output[..outputNeeded], input[..inputNeeded], names.Output, names.Input);
        return extents;
    }

    private static void ValidateGeometry(in ConvolutionGeometry geometry)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.KernelHeight, "kernelHeight");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.KernelWidth, "kernelWidth");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.Stride, "stride");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.Dilation, "dilation");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.InChannels, "inChannels");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.OutChannels, "outChannels");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(geometry.Groups, "groups");
        if (geometry.InChannels % geometry.Groups != 0 || geometry.OutChannels % geometry.Groups != 0)
        {
            throw new ArgumentException(
                $"inChannels ({geometry.InChannels}) and outChannels ({geometry.OutChannels}) must both be multiples of groups ({geometry.Groups}).",
                "groups");
        }

        if (!Enum.IsDefined(geometry.Padding))
        {
            throw new ArgumentOutOfRangeException("padding", geometry.Padding, "Expected Padding.Valid, Padding.Same or Padding.Full.");
        }
    }

    private static KernelExtents CheckSizes(
        int height, int width, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, int dilation,
        Padding padding, in KernelParameterNames names)
    {
        if (names.Height is not null && height <= 0)
        {
            throw new ArgumentOutOfRangeException(names.Height, height, $"{names.Height} must be positive.");
        }

        if (width <= 0)
        {
            throw new ArgumentOutOfRangeException(names.Width, width, $"{names.Width} must be positive.");
        }

        DimensionExtent rows = Dimension(height, kernelHeight, strideHeight, dilation, padding, names.Height ?? names.Width);
        DimensionExtent columns = Dimension(width, kernelWidth, strideWidth, dilation, padding, names.Width);
        if (rows.Output <= 0)
        {
            throw EmptyOutput(names.Height!, height, kernelHeight, dilation, padding);
        }

        if (columns.Output <= 0)
        {
            throw EmptyOutput(names.Width, width, kernelWidth, dilation, padding);
        }

        return new KernelExtents(rows, columns);
    }

    // Full padding adds Keff − 1 positions on both sides, so near int.MaxValue an output dimension no longer fits an
    // int; that is the caller's size out of range, named as the caller named it (ShapeMath would name its own parameter).
    private static DimensionExtent Dimension(int size, int kernel, int stride, int dilation, Padding padding, string name)
    {
        if (padding == Padding.Full)
        {
            int effective = ShapeMath.EffectiveSize(kernel, dilation);
            long output = ((long)size + effective - 2) / stride + 1;
            if (output > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(name, size,
                    $"With a window of {effective} and Padding.Full, {name} = {size} gives {output} outputs along it, more than int.MaxValue: " +
                    $"{name} must be at most {(long)int.MaxValue * stride - effective + 1}.");
            }
        }

        return ShapeMath.Dimension(size, kernel, stride, dilation, padding);
    }

    private static ArgumentOutOfRangeException EmptyOutput(string name, int size, int kernel, int dilation, Padding padding)
    {
        int effective = ShapeMath.EffectiveSize(kernel, dilation);
        return new ArgumentOutOfRangeException(name, size,
            $"With a window of {effective} ({kernel} taps, dilation {dilation}) and Padding.{padding} the output would be empty: " +
            $"{name} must be at least {effective}.");
    }

    // Returns the number of elements the shape needs; a dimension of -1 is absent (1D kernels). The product
    // saturates just above int.MaxValue, so a shape too large for any span is reported instead of wrapping.
    private static int RequireLength(int length, string name, string layout, int d0, int d1 = -1, int d2 = -1, int d3 = -1)
    {
        const long TooLarge = (long)int.MaxValue + 1;
        long needed = 1;
        foreach (int d in (ReadOnlySpan<int>)[d0, d1, d2, d3])
        {
            if (d >= 0)
            {
                needed = Math.Min(needed * d, TooLarge);
            }
        }

        if (needed > length)
        {
            string dims = string.Join(", ", new[] { d0, d1, d2, d3 }.Where(d => d >= 0));
            string expected = needed == TooLarge ? "more than int.MaxValue" : $"at least {needed}";
            throw new ArgumentException(
                $"'{name}' is too short for its shape {layout} = [{dims}]: expected {expected} elements, found {length}.", name);
        }

        return (int)needed;
    }

    private static void RequireNoOverlap<T>(Span<T> written, ReadOnlySpan<T> read, string writtenName, string readName)
    {
        if (((ReadOnlySpan<T>)written).Overlaps(read))
        {
            throw new ArgumentException(
                $"'{writtenName}' overlaps '{readName}': the output must not share memory with any input span.", writtenName);
        }
    }
}
