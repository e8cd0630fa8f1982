using System.Numerics;

namespace KernelGen;

public static partial class ReferenceKernels
{
    /// <summary>
    /// 2D max pool, channels-first: each output is the maximum of the in-input elements of its window (padded
    /// positions take no part; a NaN in the window gives NaN).
    /// </summary>
    /// <example>Input <c>[[1,2],[3,4]]</c> with a 2 × 2 window gives <c>[[4]]</c>.</example>
    /// <param name="input">The input, <c>[channels, height, width]</c>.</param>
    /// <param name="output">The output, <c>[channels, outHeight, outWidth]</c>.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="windowHeight">Rows of the window.</param>
    /// <param name="windowWidth">Columns of the window.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</param>
    /// <param name="stride">Step between windows in both dimensions; <see langword="null"/> for the window itself
    /// (<paramref name="windowHeight"/> down, <paramref name="windowWidth"/> across).</param>
    /// <param name="channels">Channels, pooled independently.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or option is out of range, or the output would be empty.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its shape, <paramref name="output"/> overlaps the input, or the padding is <see cref="Padding.Full"/>.</exception>
    public static void MaxPool2D<T>(
        ReadOnlySpan<T> input, Span<T> output, int height, int width, int windowHeight, int windowWidth,
        Padding padding = Padding.Valid, int? stride = null, int channels = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool(input, output, height, width, Geometry2D(windowHeight, windowWidth, padding, stride, channels), isMax: true, Names2D);

    /// <summary>
    /// 2D average pool, channels-first: each output is the mean of the in-input elements of its window (padded
    /// positions take no part and are not counted).
    /// </summary>
    /// <example>Input <c>[[1,2],[3,4]]</c> with a 2 × 2 window gives <c>[[2.5]]</c>.</example>
    /// <param name="input">The input, <c>[channels, height, width]</c>.</param>
    /// <param name="output">The output, <c>[channels, outHeight, outWidth]</c>.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="windowHeight">Rows of the window.</param>
    /// <param name="windowWidth">Columns of the window.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</param>
    /// <param name="stride">Step between windows in both dimensions; <see langword="null"/> for the window itself.</param>
    /// <param name="channels">Channels, pooled independently.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or option is out of range, or the output would be empty.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its shape, <paramref name="output"/> overlaps the input, or the padding is <see cref="Padding.Full"/>.</exception>
    public static void AvgPool2D<T>(
        ReadOnlySpan<T> input, Span<T> output, int height, int width, int windowHeight, int windowWidth,
        Padding padding = Padding.Valid, int? stride = null, int channels = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool(input, output, height, width, Geometry2D(windowHeight, windowWidth, padding, stride, channels), isMax: false, Names2D);

    /// <summary>1D max pool, channels-first: each output is the maximum of the in-input elements of its window.</summary>
    /// <example>Input <c>[1, 3, 2, 5]</c> with a window of 2 gives <c>[3, 5]</c>.</example>
    /// <param name="input">The input, <c>[channels, length]</c>.</param>
    /// <param name="output">The output, <c>[channels, outLength]</c>.</param>
    /// <param name="length">Input elements per channel.</param>
    /// <param name="size">Elements in the window.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</param>
    /// <param name="stride">Step between windows; <see langword="null"/> for the window size.</param>
    /// <param name="channels">Channels, pooled independently.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or option is out of range, or the output would be empty.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its shape, <paramref name="output"/> overlaps the input, or the padding is <see cref="Padding.Full"/>.</exception>
    public static void MaxPool1D<T>(
        ReadOnlySpan<T> input, Span<T> output, int length, int size, Padding padding = Padding.Valid, int? stride = null, int channels = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool(input, output, 1, length, Geometry1D(size, padding, stride, channels), isMax: true, Names1D);

    /// <summary>1D average pool, channels-first: each output is the mean of the in-input elements of its window.</summary>
    /// <example>Input <c>[1, 3, 2, 5]</c> with a window of 2 gives <c>[2, 3.5]</c>.</example>
    /// <param name="input">The input, <c>[channels, length]</c>.</param>
    /// <param name="output">The output, <c>[channels, outLength]</c>.</param>
    /// <param name="length">Input elements per channel.</param>
    /// <param name="size">Elements in the window.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</param>
    /// <param name="stride">Step between windows; <see langword="null"/> for the window size.</param>
    /// <param name="channels">Channels, pooled independently.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or option is out of range, or the output would be empty.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its shape, <paramref name="output"/> overlaps the input, or the padding is <see cref="Padding.Full"/>.</exception>
    public static void AvgPool1D<T>(
        ReadOnlySpan<T> input, Span<T> output, int length, int size, Padding padding = Padding.Valid, int? stride = null, int channels = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool(input, output, 1, length, Geometry1D(size, padding, stride, channels), isMax: false, Names1D);

    private static readonly KernelParameterNames Names2D = new("input", null, null, "output", "height", "width");
    private static readonly KernelParameterNames Names1D = new("input", null, null, "output", null, "length");

    private static PoolingGeometry Geometry2D(int windowHeight, int windowWidth, Padding padding, int? stride, int channels)
        => new(windowHeight, windowWidth, stride ?? windowHeight, stride ?? windowWidth, channels, padding);

    private static PoolingGeometry Geometry1D(int size, Padding padding, int? stride, int channels)
    {
        // Checked here so the exception names the 1D pools' parameter (the shared check calls it windowWidth).
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return new(1, size, 1, stride ?? size, channels, padding);
    }

    private static void Pool<T>(
        ReadOnlySpan<T> input, Span<T> output, int height, int width, in PoolingGeometry g, bool isMax, in KernelParameterNames names)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelExtents extents = KernelArguments.CheckPooling(input, output, height, width, g, names);
        int outHeight = extents.Rows.Output, outWidth = extents.Columns.Output;
        int padTop = extents.Rows.PadBefore, padLeft = extents.Columns.PadBefore;

        for (int c = 0; c < g.Channels; c++)
        {
            for (int y = 0; y < outHeight; y++)
            {
                for (int x = 0; x < outWidth; x++)
                {
                    T max = T.NegativeInfinity;
                    T sum = T.Zero;
                    int count = 0;
                    for (int i = 0; i < g.WindowHeight; i++)
                    {
                        int iy = y * g.StrideHeight + i - padTop;
                        if (iy < 0 || iy >= height)
                        {
                            continue; // padded rows take no part
                        }

                        for (int j = 0; j < g.WindowWidth; j++)
                        {
                            int ix = x * g.StrideWidth + j - padLeft;
                            if (ix < 0 || ix >= width)
                            {
                                continue; // padded columns take no part
                            }

                            T value = input[(c * height + iy) * width + ix];
                            max = T.Max(max, value); // IEEE maximum: a NaN propagates
                            sum += value;
                            count++;
                        }
                    }

                    output[(c * outHeight + y) * outWidth + x] = isMax ? max : sum / T.CreateTruncating(count);
                }
            }
        }
    }
}
