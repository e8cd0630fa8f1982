namespace KernelGen;

/// <summary>
/// The shape arithmetic of convolutions and pools, per dimension. For input size <c>n</c>, window <c>K</c>,
/// dilation <c>d</c> (so <c>Keff = d·(K − 1) + 1</c>) and stride <c>s</c>:
/// <list type="table">
/// <listheader><term>padding</term><description>output size; padding before / after</description></listheader>
/// <item><term>Valid</term><description><c>floor((n − Keff)/s) + 1</c>; 0 / 0</description></item>
/// <item><term>Same</term><description><c>ceil(n/s)</c>; <c>total = max((out−1)·s + Keff − n, 0)</c>, <c>floor(total/2)</c> / the rest</description></item>
/// <item><term>Full</term><description><c>floor((n + Keff − 2)/s) + 1</c>; <c>Keff − 1</c> / <c>Keff − 1</c></description></item>
/// </list>
/// </summary>
/// <example>
/// <c>ShapeMath.Dimension(5, 3, padding: Padding.Same)</c> is <c>(Output: 5, PadBefore: 1, PadAfter: 1)</c>.
/// </example>
public static class ShapeMath
{
    /// <summary>The span a dilated window covers: <c>dilation·(kernelSize − 1) + 1</c>.</summary>
    /// <param name="kernelSize">Taps of the window, at least 1.</param>
    /// <param name="dilation">Spacing of the taps, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is ≤ 0, or the span exceeds <see cref="int.MaxValue"/>.</exception>
    public static int EffectiveSize(int kernelSize, int dilation = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dilation);
        long effective = (long)dilation * (kernelSize - 1) + 1;
        if (effective > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(dilation), dilation,
                $"The dilated window dilation·(kernelSize − 1) + 1 = {effective} exceeds int.MaxValue.");
        }

        return (int)effective;
    }

    /// <summary>The output size and the padding before and after for one dimension.</summary>
    /// <param name="inputSize">Input elements along the dimension, at least 1.</param>
    /// <param name="kernelSize">Taps of the window, at least 1.</param>
    /// <param name="stride">Step between outputs, at least 1.</param>
    /// <param name="dilation">Spacing of the taps, at least 1.</param>
    /// <param name="padding">The padding mode.</param>
    /// <returns>The extent; its <see cref="DimensionExtent.Output"/> is 0 when no window fits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size, stride or dilation is ≤ 0, the padding is unknown, or the output exceeds <see cref="int.MaxValue"/>.</exception>
    public static DimensionExtent Dimension(int inputSize, int kernelSize, int stride = 1, int dilation = 1, Padding padding = Padding.Valid)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        long n = inputSize;
        long keff = EffectiveSize(kernelSize, dilation);
        long output, before, after;
        switch (padding)
        {
            case Padding.Valid:
                output = n >= keff ? (n - keff) / stride + 1 : 0;
                before = after = 0;
                break;
            case Padding.Same:
                output = (n + stride - 1) / stride;
                long total = Math.Max((output - 1) * stride + keff - n, 0);
                before = total / 2;
                after = total - before;
                break;
            case Padding.Full:
                output = (n + keff - 2) / stride + 1;
                before = after = keff - 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(padding), padding, "Expected Padding.Valid, Padding.Same or Padding.Full.");
        }

        if (output > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, $"The output size {output} exceeds int.MaxValue.");
        }

        return new DimensionExtent((int)output, (int)before, (int)after);
    }

    /// <summary>
    /// The range of outputs whose whole window lies inside the input: output <c>k</c> reads input positions
    /// <c>k·stride − padBefore</c> through <c>k·stride − padBefore + reach</c>.
    /// </summary>
    /// <param name="inputSize">Input elements along the dimension.</param>
    /// <param name="extent">The dimension's extent.</param>
    /// <param name="stride">Step between outputs, at least 1.</param>
    /// <param name="reach">Input positions a window reads after its first, <c>dilation·(kernelSize − 1)</c> (plus any over-read).</param>
    /// <returns><c>Start ≤ End</c>, both within <c>[0, extent.Output]</c>; empty when no window fits inside.</returns>
    public static (int Start, int End) InteriorRange(int inputSize, DimensionExtent extent, int stride, int reach)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        long start = ((long)extent.PadBefore + stride - 1) / stride;
        long last = (long)inputSize - 1 - reach + extent.PadBefore; // the largest k·stride allowed
        long end = last < 0 ? 0 : last / stride + 1;
        start = Math.Min(start, extent.Output);
        end = Math.Clamp(end, start, extent.Output);
        return ((int)start, (int)end);
    }
}
