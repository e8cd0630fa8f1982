using System.Numerics;

namespace KernelGen.Kernels.Tests;

/// <summary>Which span the output shares memory with in an overlap case, if any.</summary>
public enum OverlapWith
{
    None,
    Input,
    Weights,
    Bias,
}

/// <summary>The rows of the bad-input matrix.</summary>
public enum BadRow
{
    /// <summary>A span one element shorter than its shape.</summary>
    SpanShort,

    /// <summary>A size 0, −1 or int.MinValue.</summary>
    SizeNotPositive,

    /// <summary>Valid padding and a dimension shorter than the window: an empty output.</summary>
    EmptyOutput,

    /// <summary>Every size int.MaxValue, the input span short.</summary>
    HugeSizes,

    /// <summary>channels·height·width beyond int.MaxValue, wrapping to a small or negative 32-bit length.</summary>
    InputOverflow,

    /// <summary>The output's channels·rows·columns beyond int.MaxValue from an input that fits.</summary>
    OutputOverflow,

    /// <summary>One output dimension alone beyond int.MaxValue (Full padding).</summary>
    DimensionOverflow,

    /// <summary>The output sharing one element with an input span.</summary>
    Overlap,
}

/// <summary>
/// One call a kernel must reject (docs/semantics.md, “Errors at run time”), described as data: the sizes, each span's length, which span the
/// output overlaps (and whether the output comes first, its last element on the other's first, or second), the
/// exception type (exactly), the parameter name it must carry, and words its message must show (the lengths
/// expected and found, the spans that overlap).
/// </summary>
public sealed record BadCall(
    BadRow Row,
    string What,
    int Height,
    int Width,
    long InputLength,
    int WeightsLength,
    int BiasLength,
    int OutputLength,
    Type Exception,
    string ParamName,
    OverlapWith Overlap = OverlapWith.None,
    bool OutputFirst = true,
    params string[] MessageContains)
{
    /// <summary>Inputs longer than this are mapped as read-only zero pages instead of allocated.</summary>
    public const int LargestArray = 1 << 24;

    public override string ToString() => $"{What} (height {Height}, width {Width})";
}

/// <summary>
/// The bad-input matrix of docs/semantics.md, “Errors at run time” for one kernel, derived from its <see cref="KernelCase"/> (never listed
/// by hand): each span short by one element; every size 0, −1 and int.MinValue; sizes so large that
/// channels·height·width, or the output's channels·rows·columns, exceeds int.MaxValue, chosen so that the product
/// wrapped to 32 bits is a small positive length (or negative), which a wrapping check would accept; the output
/// overlapping each input span by one element, from either side; and, under Valid, a dimension shorter than the
/// window (an empty output). Shapes are computed here in 64-bit arithmetic from the documented formulas, independently of
/// the library's ShapeMath.
/// </summary>
public static class BadCalls
{
    private const long Wrap = 1L << 32;

    public static IReadOnlyList<BadCall> For(KernelCase c)
    {
        KernelParameters p = c.Parameters;
        Type argument = typeof(ArgumentException), range = typeof(ArgumentOutOfRangeException);
        int keffH = Effective(c, c.KernelHeight), keffW = Effective(c, c.KernelWidth);
        int h = c.Is2D ? keffH + 2 : 1, w = keffW + 3;
        long input = InputLength(c, h, w);
        int weights = p.Weights is null ? 0 : c.WeightsLength, bias = p.Bias is null ? 0 : c.BiasLength;
        int output = (int)OutputLength(c, h, w);
        var calls = new List<BadCall>();

        BadCall Base(BadRow row, string what, Type exception, string name, params object[] message)
            => new(row, what, h, w, input, weights, bias, output, exception, name, MessageContains: [.. message.Select(m => $"{m}")]);

        // Each span one element short of its shape.
        calls.Add(Base(BadRow.SpanShort, $"'{p.Input}' one element short", argument, p.Input, p.Input, input, input - 1) with { InputLength = input - 1 });
        if (p.Weights is not null)
        {
            calls.Add(Base(BadRow.SpanShort, $"'{p.Weights}' one element short", argument, p.Weights, p.Weights, weights, weights - 1) with { WeightsLength = weights - 1 });
        }

        if (p.Bias is not null)
        {
            calls.Add(Base(BadRow.SpanShort, $"'{p.Bias}' one element short", argument, p.Bias, p.Bias, bias, bias - 1) with { BiasLength = bias - 1 });
        }

        calls.Add(Base(BadRow.SpanShort, $"'{p.Output}' one element short", argument, p.Output, p.Output, output, output - 1) with { OutputLength = output - 1 });

        // Sizes that are not positive.
        foreach (int bad in new[] { 0, -1, int.MinValue })
        {
            if (p.Height is not null)
            {
                calls.Add(Base(BadRow.SizeNotPositive, $"'{p.Height}' = {bad}", range, p.Height) with { Height = bad });
            }

            calls.Add(Base(BadRow.SizeNotPositive, $"'{p.Width}' = {bad}", range, p.Width) with { Width = bad });
        }

        // Valid with a dimension shorter than the window: the output would be empty.
        if (c.Padding == Padding.Valid)
        {
            if (p.Height is not null && keffH > 1)
            {
                calls.Add(Sized(c, BadRow.EmptyOutput, $"'{p.Height}' = {keffH - 1} < window {keffH} under Valid", keffH - 1, w, range, p.Height));
            }

            if (keffW > 1)
            {
                calls.Add(Sized(c, BadRow.EmptyOutput, $"'{p.Width}' = {keffW - 1} < window {keffW} under Valid", h, keffW - 1, range, p.Width));
            }
        }

        calls.AddRange(HugeSizes(c));
        calls.AddRange(InputOverflows(c));
        calls.AddRange(OutputOverflows(c));
        calls.AddRange(DimensionOverflows(c));

        // The output sharing one element with each input span, from either side. PackedWeights are a copy the kernel owns:
        // no span of the caller's for the output to overlap.
        foreach ((OverlapWith with, string? name) in new[] { (OverlapWith.Input, p.Input), (OverlapWith.Weights, p.Weights), (OverlapWith.Bias, p.Bias) })
        {
            if (name is not null && !(with == OverlapWith.Weights && c.PackedWeights))
            {
                calls.Add(Base(BadRow.Overlap, $"'{p.Output}' ends on the first element of '{name}'", argument, p.Output, p.Output, name) with { Overlap = with, OutputFirst = true });
                calls.Add(Base(BadRow.Overlap, $"'{p.Output}' starts on the last element of '{name}'", argument, p.Output, p.Output, name) with { Overlap = with, OutputFirst = false });
            }
        }

        return calls;
    }

    /// <summary>The output size of one dimension per docs/semantics.md, “What a kernel computes”, in 64 bits (≤ 0 when empty).</summary>
    public static long OutputSize(long n, int kernel, int stride, int dilation, Padding padding)
    {
        long keff = (long)dilation * (kernel - 1) + 1;
        return padding switch
        {
            Padding.Valid => n >= keff ? (n - keff) / stride + 1 : 0,
            Padding.Same => (n + stride - 1) / stride,
            Padding.Full => (n + keff - 2) / stride + 1,
            _ => throw new ArgumentOutOfRangeException(nameof(padding)),
        };
    }

    public static long InputLength(KernelCase c, long h, long w) => c.InChannels * h * w;

    public static long OutputLength(KernelCase c, long h, long w)
        => c.OutChannels * (c.Is2D ? Rows(c, h) : 1) * Columns(c, w);

    private static long Rows(KernelCase c, long h) => OutputSize(h, c.KernelHeight, c.StrideHeight, c.IsConvolution ? c.Dilation : 1, c.Padding);

    private static long Columns(KernelCase c, long w) => OutputSize(w, c.KernelWidth, c.StrideWidth, c.IsConvolution ? c.Dilation : 1, c.Padding);

    private static int Effective(KernelCase c, int kernel) => (c.IsConvolution ? c.Dilation : 1) * (kernel - 1) + 1;

    // A correctly shaped call at another size, with one thing wrong (the sizes themselves).
    private static BadCall Sized(KernelCase c, BadRow row, string what, int h, int w, Type exception, string name, long inputLength = -1, int outputLength = -1)
    {
        KernelParameters p = c.Parameters;
        long output = OutputLength(c, h, w);
        return new BadCall(row, what, h, w,
            inputLength >= 0 ? inputLength : InputLength(c, h, w),
            p.Weights is null ? 0 : c.WeightsLength,
            p.Bias is null ? 0 : c.BiasLength,
            outputLength >= 0 ? outputLength : (int)Math.Clamp(output, 1, 64),
            exception, name);
    }

    // Every size int.MaxValue (where the output dimensions still fit an int): far more input than the span holds.
    private static IEnumerable<BadCall> HugeSizes(KernelCase c)
    {
        long h = c.Is2D ? int.MaxValue : 1;
        if (Rows(c, h) <= int.MaxValue && Columns(c, int.MaxValue) <= int.MaxValue)
        {
            yield return Sized(c, BadRow.HugeSizes, $"every size int.MaxValue: {InputLength(c, h, int.MaxValue)} input elements", (int)h, int.MaxValue,
                typeof(ArgumentException), c.Parameters.Input, inputLength: 16) with { MessageContains = [c.Parameters.Input, "16"] };
        }
    }

    // channels·height·width beyond int.MaxValue with every dimension valid: wrapped to 32 bits it is a small positive
    // number (given as the input's length) or negative; either way a wrapping check would let the call through.
    private static IEnumerable<BadCall> InputOverflows(KernelCase c)
    {
        KernelParameters p = c.Parameters;
        int keffH = Effective(c, c.KernelHeight), keffW = Effective(c, c.KernelWidth);
        var shapes = new List<(long H, long W)>();
        if (c.Is2D)
        {
            long h = Math.Max(65536, keffH);
            shapes.Add((h, Math.Max(keffW, Wrap / (c.InChannels * h) + 1))); // wraps to (0, channels·h]
            long side = Math.Max(Math.Max(keffH, keffW), (long)Math.Ceiling(Math.Sqrt((double)int.MaxValue / c.InChannels)) + 1);
            shapes.Add((side, side)); // just past int.MaxValue: negative in 32 bits
        }
        else if (c.InChannels >= 2)
        {
            shapes.Add((1, Math.Max(keffW, int.MaxValue / c.InChannels + 1)));
            if (c.InChannels >= 3)
            {
                shapes.Add((1, Math.Max(keffW, Wrap / c.InChannels + 1))); // wraps to (0, channels]
            }
        }

        foreach ((long h, long w) in shapes.Distinct())
        {
            long product = InputLength(c, h, w);
            if (h > int.MaxValue || w > int.MaxValue || product <= int.MaxValue
                || Rows(c, h) > int.MaxValue || Columns(c, w) > int.MaxValue)
            {
                continue;
            }

            long wrapped = product % Wrap;
            int given = wrapped is > 0 and <= BadCall.LargestArray ? (int)wrapped : 16;
            yield return Sized(c, BadRow.InputOverflow, $"{c.InChannels}·{h}·{w} = {product} input elements (32-bit: {(int)product})",
                (int)h, (int)w, typeof(ArgumentException), p.Input, inputLength: given) with { MessageContains = [p.Input, $"{given}"] };
        }
    }

    // The input fits an int but the output's channels·rows·columns does not (more output channels than input
    // channels, or Full padding): the input is a span of read-only zero pages, as long as its shape needs.
    private static IEnumerable<BadCall> OutputOverflows(KernelCase c)
    {
        KernelParameters p = c.Parameters;
        int keffH = Effective(c, c.KernelHeight), keffW = Effective(c, c.KernelWidth);
        long most = int.MaxValue / c.InChannels;
        IEnumerable<(long H, long W)> candidates = c.Is2D
            ? new long[] { keffW, 1000, (long)Math.Sqrt(most), 65536, most / keffH }.Where(w => w >= keffW && w <= most / keffH)
                .Select(w => (most / w, w))
            : [(1L, most)];
        foreach ((long h, long w) in candidates)
        {
            long product = OutputLength(c, h, w);
            if (h < keffH || w < keffW || product <= int.MaxValue || Rows(c, h) > int.MaxValue || Columns(c, w) > int.MaxValue)
            {
                continue;
            }

            long wrapped = product % Wrap;
            int given = wrapped is > 0 and <= BadCall.LargestArray ? (int)wrapped : 16;
            yield return Sized(c, BadRow.OutputOverflow, $"output {c.OutChannels}·{Rows(c, h)}·{Columns(c, w)} = {product} elements (32-bit: {(int)product}) from an input that fits",
                (int)h, (int)w, typeof(ArgumentException), p.Output, outputLength: given) with { MessageContains = [p.Output, $"{given}"] };
            yield break;
        }
    }

    // A size so large that one output dimension alone exceeds int.MaxValue (Full padding adds Keff − 1): a size
    // out of range, named by its parameter.
    private static IEnumerable<BadCall> DimensionOverflows(KernelCase c)
    {
        KernelParameters p = c.Parameters;
        if (Columns(c, int.MaxValue) > int.MaxValue)
        {
            int h = c.Is2D ? Effective(c, c.KernelHeight) : 1;
            yield return Sized(c, BadRow.DimensionOverflow, $"'{p.Width}' = int.MaxValue: {Columns(c, int.MaxValue)} output columns", h, int.MaxValue,
                typeof(ArgumentOutOfRangeException), p.Width, inputLength: 16);
        }

        if (p.Height is not null && Rows(c, int.MaxValue) > int.MaxValue)
        {
            yield return Sized(c, BadRow.DimensionOverflow, $"'{p.Height}' = int.MaxValue: {Rows(c, int.MaxValue)} output rows", int.MaxValue, Effective(c, c.KernelWidth),
                typeof(ArgumentOutOfRangeException), p.Height, inputLength: 16);
        }
    }
}

/// <summary>Runs a <see cref="BadCall"/> on a kernel and reports what happened to it and to its spans.</summary>
public static class BadCallRunner
{
    public sealed record Outcome(Exception? Thrown, bool SpansUnchanged);

    public static Outcome Run(KernelCase c, BadCall call) => c switch
    {
        KernelCase<float> f => Run(f, call),
        KernelCase<double> d => Run(d, call),
        _ => throw new InvalidOperationException(c.Name),
    };

    private static Outcome Run<T>(KernelCase<T> c, BadCall call)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(TestData.Seed(c.Name, call.Height, call.Width));
        int inputLength = (int)Math.Min(call.InputLength, int.MaxValue);
        bool reserved = call.InputLength > BadCall.LargestArray;
        int otherLength = call.Overlap switch
        {
            OverlapWith.Input => inputLength,
            OverlapWith.Weights => call.WeightsLength,
            OverlapWith.Bias => call.BiasLength,
            _ => 0,
        };

        // Everything lives in one array when the output overlaps a span; otherwise each span has its own.
        T[] shared = Filled<T>(call.Overlap == OverlapWith.None ? 0 : call.OutputLength + otherLength - 1, random);
        int outputAt = call.OutputFirst ? 0 : otherLength - 1, otherAt = call.OutputFirst ? call.OutputLength - 1 : 0;
        T[] input = call.Overlap == OverlapWith.Input || reserved ? [] : Filled<T>(inputLength, random);
        T[] weights = call.Overlap == OverlapWith.Weights ? [] : Filled<T>(call.WeightsLength, random);
        T[] bias = call.Overlap == OverlapWith.Bias ? [] : Filled<T>(call.BiasLength, random);
        T[] output = call.Overlap == OverlapWith.None ? Filled<T>(call.OutputLength, random) : [];
        T[][] all = [shared, input, weights, bias, output];
        T[][] before = [.. all.Select(a => (T[])a.Clone())];

        using NativePages.Reservation? zeros = reserved ? NativePages.Reserve<T>(inputLength) : null;
        ReadOnlySpan<T> inputSpan = zeros is not null ? zeros.Span<T>(inputLength)
            : call.Overlap == OverlapWith.Input ? shared.AsSpan(otherAt, inputLength) : input;
        ReadOnlySpan<T> weightsSpan = call.Overlap == OverlapWith.Weights ? shared.AsSpan(otherAt, call.WeightsLength) : weights;
        ReadOnlySpan<T> biasSpan = call.Overlap == OverlapWith.Bias ? shared.AsSpan(otherAt, call.BiasLength) : bias;
        Span<T> outputSpan = call.Overlap == OverlapWith.None ? output : shared.AsSpan(outputAt, call.OutputLength);

        Exception? thrown = null;
        try
        {
            c.Generated(inputSpan, weightsSpan, biasSpan, outputSpan, call.Height, call.Width);
        }
        catch (Exception e)
        {
            thrown = e;
        }

        bool unchanged = all.Zip(before).All(pair => System.Runtime.InteropServices.MemoryMarshal.AsBytes(pair.First.AsSpan())
            .SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pair.Second.AsSpan())));
        return new Outcome(thrown, unchanged);
    }

    // Random values with distinct bit patterns (so that any write shows), never NaN (so that comparisons are plain).
    private static T[] Filled<T>(int length, Random random)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[Math.Max(length, 0)];
        TestData.FillUniform<T>(values, random, -1000, 1000);
        return values;
    }
}
