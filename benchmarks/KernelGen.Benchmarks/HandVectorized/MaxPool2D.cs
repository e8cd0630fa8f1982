using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KernelGen.Benchmarks.HandVectorized;

public static partial class HandVectorizedKernels
{
    /// <summary>
    /// 2D max pool, channels-first, with run-time window, stride and padding; the same contract as
    /// <see cref="ReferenceKernels.MaxPool2D{T}"/> for <see cref="float"/> (padded positions take no part, a NaN
    /// propagates). Rows are vectorized for a horizontal stride of 1 (shifted loads) or 2 (two loads narrowed to
    /// their even lanes); other strides run the scalar path.
    /// </summary>
    public static void MaxPool2D(ReadOnlySpan<float> input, Span<float> output, int height, int width,
        int windowHeight, int windowWidth, Padding padding = Padding.Valid, int? stride = null, int channels = 1)
        => Pool(input, output, height, width, windowHeight, windowWidth, padding, stride, channels, isMax: true);

    /// <summary>The row-vectorized pool both <see cref="MaxPool2D"/> and <see cref="AvgPool2D"/> run.</summary>
    private static void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width,
        int windowHeight, int windowWidth, Padding padding, int? stride, int channels, bool isMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (padding == Padding.Full)
        {
            throw new ArgumentException("Pools take Padding.Valid or Padding.Same.", nameof(padding));
        }

        int strideHeight = stride ?? windowHeight, strideWidth = stride ?? windowWidth;
        DimensionExtent rows = ShapeMath.Dimension(height, windowHeight, strideHeight, 1, padding);
        DimensionExtent columns = ShapeMath.Dimension(width, windowWidth, strideWidth, 1, padding);
        if (rows.Output == 0 || columns.Output == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The window does not fit the input.");
        }

        Require(input.Length >= channels * height * width, nameof(input));
        Require(output.Length >= channels * rows.Output * columns.Output, nameof(output));
        var p = new PoolShape(height, width, windowHeight, windowWidth, strideHeight, strideWidth, rows, columns, isMax);

        // A stride-2 vector reads one element past its last window (the odd lane of the pair), so its reach is one more.
        int reach = windowWidth - 1 + (strideWidth == 2 ? 1 : 0);
        (int xFrom, int xTo) = ShapeMath.InteriorRange(width, columns, strideWidth, reach);
        bool vectorStride = strideWidth is 1 or 2;
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < rows.Output; y++)
            {
                Span<float> outRow = output.Slice((c * rows.Output + y) * columns.Output, columns.Output);
                int x = xFrom;
                if (vectorStride && Vector512.IsHardwareAccelerated && xTo - xFrom >= Vector512<float>.Count)
                {
                    PoolRow512(input, outRow, p, c, y, xFrom, xTo);
                    x = xTo;
                }
                else if (vectorStride && Vector256.IsHardwareAccelerated && xTo - xFrom >= Vector256<float>.Count)
                {
                    PoolRow256(input, outRow, p, c, y, xFrom, xTo);
                    x = xTo;
                }

                for (; x < xTo; x++)
                {
                    outRow[x] = PoolPoint(input, p, c, y, x);
                }

                for (x = 0; x < xFrom; x++)
                {
                    outRow[x] = PoolPoint(input, p, c, y, x);
                }

                for (x = xTo; x < columns.Output; x++)
                {
                    outRow[x] = PoolPoint(input, p, c, y, x);
                }
            }
        }
    }

    /// <summary>The run-time geometry of one pooling call.</summary>
    private readonly record struct PoolShape(
        int Height, int Width, int WindowHeight, int WindowWidth, int StrideHeight, int StrideWidth,
        DimensionExtent Rows, DimensionExtent Columns, bool IsMax)
    {
        /// <summary>The window rows [from, to) of output row <paramref name="y"/> that fall inside the input.</summary>
        public (int From, int To) WindowRows(int y)
        {
            int top = y * StrideHeight - Rows.PadBefore;
            return (Math.Max(0, -top), Math.Min(WindowHeight, Height - top));
        }
    }

    /// <summary>Interior columns [xFrom, xTo) of one output row, 16 at a time.</summary>
    private static void PoolRow512(ReadOnlySpan<float> input, Span<float> outRow, in PoolShape p, int c, int y, int xFrom, int xTo)
    {
        ref float inputRef = ref MemoryMarshal.GetReference(input);
        ref float outRef = ref MemoryMarshal.GetReference(outRow);
        (int iFrom, int iTo) = p.WindowRows(y);
        int top = y * p.StrideHeight - p.Rows.PadBefore, width = p.Width, kw = p.WindowWidth, s = p.StrideWidth;
        nint plane = (nint)p.Height * width;
        const int n = 16;
        var count = Vector512.Create((float)((iTo - iFrom) * kw));
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

            Vector512<float> acc = p.IsMax ? Vector512.Create(float.NegativeInfinity) : Vector512<float>.Zero;
            nint columnStart = c * plane + (nint)x * s - p.Columns.PadBefore;
            for (int i = iFrom; i < iTo; i++)
            {
                nint rowStart = columnStart + (nint)(top + i) * width;
                for (int j = 0; j < kw; j++)
                {
                    Vector512<float> v = s == 1
                        ? Vector512.LoadUnsafe(ref inputRef, (nuint)(rowStart + j))
                        : Evens512(ref inputRef, rowStart + j);
                    acc = p.IsMax ? Vector512.Max(acc, v) : acc + v;
                }
            }

            if (!p.IsMax)
            {
                acc /= count;
            }

            acc.StoreUnsafe(ref outRef, (nuint)x);
        }
    }

    /// <summary>Interior columns [xFrom, xTo) of one output row, 8 at a time.</summary>
    private static void PoolRow256(ReadOnlySpan<float> input, Span<float> outRow, in PoolShape p, int c, int y, int xFrom, int xTo)
    {
        ref float inputRef = ref MemoryMarshal.GetReference(input);
        ref float outRef = ref MemoryMarshal.GetReference(outRow);
        (int iFrom, int iTo) = p.WindowRows(y);
        int top = y * p.StrideHeight - p.Rows.PadBefore, width = p.Width, kw = p.WindowWidth, s = p.StrideWidth;
        nint plane = (nint)p.Height * width;
        const int n = 8;
        var count = Vector256.Create((float)((iTo - iFrom) * kw));
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

            Vector256<float> acc = p.IsMax ? Vector256.Create(float.NegativeInfinity) : Vector256<float>.Zero;
            nint columnStart = c * plane + (nint)x * s - p.Columns.PadBefore;
            for (int i = iFrom; i < iTo; i++)
            {
                nint rowStart = columnStart + (nint)(top + i) * width;
                for (int j = 0; j < kw; j++)
                {
                    Vector256<float> v = s == 1
                        ? Vector256.LoadUnsafe(ref inputRef, (nuint)(rowStart + j))
                        : Evens256(ref inputRef, rowStart + j);
                    acc = p.IsMax ? Vector256.Max(acc, v) : acc + v;
                }
            }

            if (!p.IsMax)
            {
                acc /= count;
            }

            acc.StoreUnsafe(ref outRef, (nuint)x);
        }
    }

    /// <summary>Elements at, at+2, …, at+30: two loads, each pair's low half kept (little-endian narrowing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Evens512(ref float source, nint at)
    {
        Vector512<ulong> low = Vector512.LoadUnsafe(ref source, (nuint)at).AsUInt64();
        Vector512<ulong> high = Vector512.LoadUnsafe(ref source, (nuint)(at + 16)).AsUInt64();
        return Vector512.Narrow(low, high).AsSingle();
    }

    /// <summary>Elements at, at+2, …, at+14.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Evens256(ref float source, nint at)
    {
        Vector256<ulong> low = Vector256.LoadUnsafe(ref source, (nuint)at).AsUInt64();
        Vector256<ulong> high = Vector256.LoadUnsafe(ref source, (nuint)(at + 8)).AsUInt64();
        return Vector256.Narrow(low, high).AsSingle();
    }

    /// <summary>One output, every position checked against the borders.</summary>
    private static float PoolPoint(ReadOnlySpan<float> input, in PoolShape p, int c, int y, int x)
    {
        (int iFrom, int iTo) = p.WindowRows(y);
        int top = y * p.StrideHeight - p.Rows.PadBefore, left = x * p.StrideWidth - p.Columns.PadBefore;
        float max = float.NegativeInfinity, sum = 0;
        int count = 0;
        for (int i = iFrom; i < iTo; i++)
        {
            int rowStart = (c * p.Height + top + i) * p.Width;
            for (int j = Math.Max(0, -left); j < Math.Min(p.WindowWidth, p.Width - left); j++)
            {
                float v = input[rowStart + left + j];
                max = float.Max(max, v);
                sum += v;
                count++;
            }
        }

        return p.IsMax ? max : sum / count;
    }
}
