using System.Numerics;

namespace KernelGen.Tests.Support;

/// <summary>One convolution configuration (1D when <see cref="Is2D"/> is false: height and kernel height are 1).</summary>
internal sealed record ConvCase(
    bool Is2D, int Height, int Width, int KernelHeight, int KernelWidth, Padding Padding, int Stride, int Dilation,
    int InChannels, int OutChannels, int Groups, bool Flip)
{
    public (int Output, int Before, int After) Rows => ExpectedShape.Extent(Height, KernelHeight, Stride, Dilation, Padding);

    public (int Output, int Before, int After) Columns => ExpectedShape.Extent(Width, KernelWidth, Stride, Dilation, Padding);

    public int InputLength => InChannels * Height * Width;

    public int WeightsLength => OutChannels * (InChannels / Groups) * KernelHeight * KernelWidth;

    public int OutputLength => OutChannels * Rows.Output * Columns.Output;

    public static ConvCase Random1D(Random rng, bool channels = true, int maxStride = 3, int maxDilation = 3)
        => Random(rng, is2D: false, channels, maxStride, maxDilation);

    public static ConvCase Random2D(Random rng, bool channels = true, int maxStride = 3, int maxDilation = 3)
        => Random(rng, is2D: true, channels, maxStride, maxDilation);

    private static ConvCase Random(Random rng, bool is2D, bool channels, int maxStride, int maxDilation)
    {
        int groups = channels ? rng.Next(1, 4) : 1;
        int inChannels = channels ? groups * rng.Next(1, 3) : 1;
        int outChannels = channels ? groups * rng.Next(1, 3) : 1;
        var padding = (Padding)rng.Next(3);
        int stride = rng.Next(1, maxStride + 1), dilation = rng.Next(1, maxDilation + 1);
        int kh = is2D ? rng.Next(1, 5) : 1, kw = rng.Next(1, is2D ? 5 : 7);
        int h = is2D ? Size(rng, kh, dilation, padding, 9) : 1;
        int w = Size(rng, kw, dilation, padding, is2D ? 9 : 16);
        return new ConvCase(is2D, h, w, kh, kw, padding, stride, dilation, inChannels, outChannels, groups, rng.Next(2) == 0);
    }

    private static int Size(Random rng, int k, int dilation, Padding padding, int max)
        => padding == Padding.Valid ? ExpectedShape.Effective(k, dilation) + rng.Next(0, max - 2) : rng.Next(1, max + 1);

    /// <summary>
    /// Runs the reference kernel on an output of exactly <see cref="OutputLength"/> elements followed by a guard
    /// that must stay untouched, and returns the output.
    /// </summary>
    public T[] Run<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias = default, Activation activation = Activation.None, bool? flip = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Guard = 3;
        T[] buffer = TestData.Filled<T>(OutputLength + Guard, TestData.Sentinel);
        Span<T> output = buffer;
        bool f = flip ?? Flip;
        if (Is2D)
        {
            ReferenceKernels.Conv2D(input, weights, bias, output, Height, Width, KernelHeight, KernelWidth,
                Padding, Stride, Dilation, InChannels, OutChannels, Groups, f, activation);
        }
        else
        {
            ReferenceKernels.Conv1D(input, weights, bias, output, Width, KernelWidth,
                Padding, Stride, Dilation, InChannels, OutChannels, Groups, f, activation);
        }

        TestData.AssertAllSentinel<T>(buffer.AsSpan(OutputLength), $"guard after the output of {this}");
        return buffer[..OutputLength];
    }

    /// <summary>The weights with every window reversed in both spatial dimensions.</summary>
    public T[] ReverseWindows<T>(ReadOnlySpan<T> weights)
    {
        var reversed = new T[weights.Length];
        int window = KernelHeight * KernelWidth;
        for (int start = 0; start < weights.Length; start += window)
        {
            for (int i = 0; i < KernelHeight; i++)
            {
                for (int j = 0; j < KernelWidth; j++)
                {
                    reversed[start + i * KernelWidth + j] = weights[start + (KernelHeight - 1 - i) * KernelWidth + (KernelWidth - 1 - j)];
                }
            }
        }

        return reversed;
    }
}

/// <summary>One pooling configuration (1D when <see cref="Is2D"/> is false). A null stride is the window.</summary>
internal sealed record PoolCase(bool Is2D, int Height, int Width, int WindowHeight, int WindowWidth, Padding Padding, int? Stride, int Channels)
{
    public int StrideHeight => Is2D ? Stride ?? WindowHeight : 1;

    public int StrideWidth => Stride ?? WindowWidth;

    public (int Output, int Before, int After) Rows => ExpectedShape.Extent(Height, WindowHeight, StrideHeight, 1, Padding);

    public (int Output, int Before, int After) Columns => ExpectedShape.Extent(Width, WindowWidth, StrideWidth, 1, Padding);

    public int InputLength => Channels * Height * Width;

    public int OutputLength => Channels * Rows.Output * Columns.Output;

    public static PoolCase Random(Random rng, bool is2D)
    {
        var padding = rng.Next(2) == 0 ? Padding.Valid : Padding.Same;
        int? stride = rng.Next(3) == 0 ? null : rng.Next(1, 4);
        int wh = is2D ? rng.Next(1, 5) : 1, ww = rng.Next(1, 5);
        int h = is2D ? (padding == Padding.Valid ? wh : 1) + rng.Next(0, 8) : 1;
        int w = (padding == Padding.Valid ? ww : 1) + rng.Next(0, 10);
        return new PoolCase(is2D, h, w, wh, ww, padding, stride, rng.Next(1, 4));
    }

    /// <summary>Runs the reference pool on an exactly sized output followed by an untouched guard.</summary>
    public T[] Run<T>(ReadOnlySpan<T> input, bool isMax)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Guard = 3;
        T[] buffer = TestData.Filled<T>(OutputLength + Guard, TestData.Sentinel);
        Span<T> output = buffer;
        switch (Is2D, isMax)
        {
            case (true, true):
                ReferenceKernels.MaxPool2D(input, output, Height, Width, WindowHeight, WindowWidth, Padding, Stride, Channels);
                break;
            case (true, false):
                ReferenceKernels.AvgPool2D(input, output, Height, Width, WindowHeight, WindowWidth, Padding, Stride, Channels);
                break;
            case (false, true):
                ReferenceKernels.MaxPool1D(input, output, Width, WindowWidth, Padding, Stride, Channels);
                break;
            case (false, false):
                ReferenceKernels.AvgPool1D(input, output, Width, WindowWidth, Padding, Stride, Channels);
                break;
        }

        TestData.AssertAllSentinel<T>(buffer.AsSpan(OutputLength), $"guard after the output of {this}");
        return buffer[..OutputLength];
    }
}
