using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KernelGen.Benchmarks.HandVectorized;

/// <summary>
/// Generic kernels with run-time sizes, vectorized by hand the way a careful developer writes them without a
/// generator: <see cref="Vector512{T}"/> (or <see cref="Vector256{T}"/>) along the output row, one accumulator
/// per output vector, the window loops (channels, kernel rows, kernel columns) left as loops, borders and tails
/// in scalar code. They are the "hand-vectorized" column of the benchmarks, checked against
/// <see cref="ReferenceKernels"/> like the generated kernels. Same layouts and semantics as the reference.
/// </summary>
public static partial class HandVectorizedKernels
{
    /// <summary>
    /// 2D convolution (cross-correlation), channels-first, with run-time window, stride, dilation, padding,
    /// channels and groups; the same contract as <see cref="ReferenceKernels.Conv2D{T}"/> without <c>flip</c>.
    /// Stride 1 rows are vectorized; other strides run the scalar path.
    /// </summary>
    public static void Conv2D<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output,
        int height, int width, int kernelHeight, int kernelWidth,
        Padding padding = Padding.Valid, int stride = 1, int dilation = 1,
        int inChannels = 1, int outChannels = 1, int groups = 1, Activation activation = Activation.None)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groups), groups, "Groups must divide both channel counts.");
        }

        DimensionExtent rows = ShapeMath.Dimension(height, kernelHeight, stride, dilation, padding);
        DimensionExtent columns = ShapeMath.Dimension(width, kernelWidth, stride, dilation, padding);
        if (rows.Output == 0 || columns.Output == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The window does not fit the input.");
        }

        var c = new ConvShape(height, width, kernelHeight, kernelWidth, stride, dilation, rows, columns,
            inChannels / groups, outChannels / groups, activation == Activation.Relu);
        int weightsPerOutput = c.ChannelsPerGroup * kernelHeight * kernelWidth;
        Require(input.Length >= inChannels * c.Plane, nameof(input));
        Require(weights.Length >= outChannels * weightsPerOutput, nameof(weights));
        Require(bias.IsEmpty || bias.Length >= outChannels, nameof(bias));
        Require(output.Length >= outChannels * rows.Output * columns.Output, nameof(output));

        // Outputs whose window lies inside the input across the row; only those are vectorized.
        (int xFrom, int xTo) = ShapeMath.InteriorRange(width, columns, stride, dilation * (kernelWidth - 1));
        for (int o = 0; o < outChannels; o++)
        {
            int firstChannel = o / c.OutputsPerGroup * c.ChannelsPerGroup;
            ReadOnlySpan<T> w = weights.Slice(o * weightsPerOutput, weightsPerOutput);
            T b = bias.IsEmpty ? T.Zero : bias[o];
            for (int y = 0; y < rows.Output; y++)
            {
                Span<T> outRow = output.Slice((o * rows.Output + y) * columns.Output, columns.Output);
                int x = xFrom;
                if (stride == 1 && Vector512.IsHardwareAccelerated && xTo - xFrom >= Vector512<T>.Count)
                {
                    ConvRow512(input, w, outRow, c, firstChannel, y, xFrom, xTo, b);
                    x = xTo;
                }
                else if (stride == 1 && Vector256.IsHardwareAccelerated && xTo - xFrom >= Vector256<T>.Count)
                {
                    ConvRow256(input, w, outRow, c, firstChannel, y, xFrom, xTo, b);
                    x = xTo;
                }

                for (; x < xTo; x++)
                {
                    outRow[x] = ConvPoint(input, w, c, firstChannel, y, x, b);
                }

                for (x = 0; x < xFrom; x++)
                {
                    outRow[x] = ConvPoint(input, w, c, firstChannel, y, x, b);
                }

                for (x = Math.Max(xTo, xFrom); x < columns.Output; x++)
                {
                    outRow[x] = ConvPoint(input, w, c, firstChannel, y, x, b);
                }
            }
        }
    }

    /// <summary>The run-time geometry of one convolution call.</summary>
    private readonly record struct ConvShape(
        int Height, int Width, int KernelHeight, int KernelWidth, int Stride, int Dilation,
        DimensionExtent Rows, DimensionExtent Columns, int ChannelsPerGroup, int OutputsPerGroup, bool Relu)
    {
        public int Plane => Height * Width;

        /// <summary>The kernel rows [from, to) of output row <paramref name="y"/> that fall inside the input.</summary>
        public (int From, int To) KernelRows(int y)
        {
            int top = y * Stride - Rows.PadBefore;
            int from = top >= 0 ? 0 : (-top + Dilation - 1) / Dilation;
            int to = Math.Min(KernelHeight, (Height - 1 - top) / Dilation + 1);
            return (from, to);
        }
    }

    /// <summary>Stride-1 interior columns [xFrom, xTo) of one output row, 16 (float) or 8 (double) at a time.</summary>
    private static void ConvRow512<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> w, Span<T> outRow, in ConvShape c,
        int firstChannel, int y, int xFrom, int xTo, T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T inputRef = ref MemoryMarshal.GetReference(input);
        ref T weightRef = ref MemoryMarshal.GetReference(w);
        ref T outRef = ref MemoryMarshal.GetReference(outRow);
        (int iFrom, int iTo) = c.KernelRows(y);
        int top = y - c.Rows.PadBefore, width = c.Width, plane = c.Plane;
        int kh = c.KernelHeight, kw = c.KernelWidth, d = c.Dilation, channels = c.ChannelsPerGroup;
        int n = Vector512<T>.Count;
        var biasVector = Vector512.Create(bias);
        for (int x = xFrom; ; x += n)
        {
            if (x > xTo - n)
            {
                if (x >= xTo)
                {
                    break;
                }

                x = xTo - n; // overlap the previous vector instead of a scalar tail
            }

            Vector512<T> acc = biasVector;
            for (int ch = 0; ch < channels; ch++)
            {
                nint channelStart = (nint)(firstChannel + ch) * plane + x - c.Columns.PadBefore;
                for (int i = iFrom; i < iTo; i++)
                {
                    nint rowStart = channelStart + (nint)(top + i * d) * width;
                    ref T rowWeights = ref Unsafe.Add(ref weightRef, (ch * kh + i) * kw);
                    for (int j = 0; j < kw; j++)
                    {
                        Vector512<T> v = Vector512.LoadUnsafe(ref inputRef, (nuint)(rowStart + j * d));
                        acc = MultiplyAdd(v, Vector512.Create(Unsafe.Add(ref rowWeights, j)), acc);
                    }
                }
            }

            if (c.Relu)
            {
                acc = Vector512.Max(acc, Vector512<T>.Zero);
            }

            acc.StoreUnsafe(ref outRef, (nuint)x);
        }
    }

    /// <summary>Stride-1 interior columns [xFrom, xTo) of one output row, 8 (float) or 4 (double) at a time.</summary>
    private static void ConvRow256<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> w, Span<T> outRow, in ConvShape c,
        int firstChannel, int y, int xFrom, int xTo, T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T inputRef = ref MemoryMarshal.GetReference(input);
        ref T weightRef = ref MemoryMarshal.GetReference(w);
        ref T outRef = ref MemoryMarshal.GetReference(outRow);
        (int iFrom, int iTo) = c.KernelRows(y);
        int top = y - c.Rows.PadBefore, width = c.Width, plane = c.Plane;
        int kh = c.KernelHeight, kw = c.KernelWidth, d = c.Dilation, channels = c.ChannelsPerGroup;
        int n = Vector256<T>.Count;
        var biasVector = Vector256.Create(bias);
        for (int x = xFrom; ; x += n)
        {
            if (x > xTo - n)
            {
                if (x >= xTo)
                {
                    break;
                }

                x = xTo - n;
            }

            Vector256<T> acc = biasVector;
            for (int ch = 0; ch < channels; ch++)
            {
                nint channelStart = (nint)(firstChannel + ch) * plane + x - c.Columns.PadBefore;
                for (int i = iFrom; i < iTo; i++)
                {
                    nint rowStart = channelStart + (nint)(top + i * d) * width;
                    ref T rowWeights = ref Unsafe.Add(ref weightRef, (ch * kh + i) * kw);
                    for (int j = 0; j < kw; j++)
                    {
                        Vector256<T> v = Vector256.LoadUnsafe(ref inputRef, (nuint)(rowStart + j * d));
                        acc = MultiplyAdd(v, Vector256.Create(Unsafe.Add(ref rowWeights, j)), acc);
                    }
                }
            }

            if (c.Relu)
            {
                acc = Vector256.Max(acc, Vector256<T>.Zero);
            }

            acc.StoreUnsafe(ref outRef, (nuint)x);
        }
    }

    /// <summary>One output, every tap checked against the borders (border columns, tails, strides other than 1).</summary>
    private static T ConvPoint<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> w, in ConvShape c, int firstChannel, int y, int x, T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (int iFrom, int iTo) = c.KernelRows(y);
        int top = y * c.Stride - c.Rows.PadBefore, left = x * c.Stride - c.Columns.PadBefore;
        T sum = T.Zero;
        for (int ch = 0; ch < c.ChannelsPerGroup; ch++)
        {
            for (int i = iFrom; i < iTo; i++)
            {
                int rowStart = ((firstChannel + ch) * c.Height + top + i * c.Dilation) * c.Width;
                int weightRow = (ch * c.KernelHeight + i) * c.KernelWidth;
                for (int j = 0; j < c.KernelWidth; j++)
                {
                    int ix = left + j * c.Dilation;
                    if ((uint)ix < (uint)c.Width)
                    {
                        sum += input[rowStart + ix] * w[weightRow + j];
                    }
                }
            }
        }

        sum = bias + sum;
        return c.Relu ? T.Max(sum, T.Zero) : sum;
    }

    /// <summary><c>a·b + c</c>, fused where the hardware has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> MultiplyAdd<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector512.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector512.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        return a * b + c;
    }

    /// <summary><c>a·b + c</c>, fused where the hardware has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MultiplyAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        return a * b + c;
    }

    private static void Require(bool condition, string name)
    {
        if (!condition)
        {
            throw new ArgumentException("The span is shorter than its shape needs.", name);
        }
    }
}
