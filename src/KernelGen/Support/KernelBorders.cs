using System.ComponentModel;
using System.Numerics;

namespace KernelGen;

/// <summary>
/// Single outputs near the borders of generated convolutions, where part of the window lies in the padding. They
/// loop over the window with bounds checks; the unrolled, vectorized code handles the interior. (A pool's border
/// outputs are generated code of their own, with the window's sizes as constants.)
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelBorders
{
    /// <summary>
    /// The window sum of output <c>(o, y, x)</c> of a convolution, before bias and activation; padded positions read as zero.
    /// </summary>
    /// <param name="input">The input, <c>[inChannels, height, width]</c>.</param>
    /// <param name="weights">The weights, <c>[outChannels, inChannels/groups, KH, KW]</c>.</param>
    /// <param name="layout">The call's layout.</param>
    /// <param name="geometry">The convolution.</param>
    /// <param name="flip">Whether the window is reversed.</param>
    /// <param name="o">The output channel.</param>
    /// <param name="y">The output row.</param>
    /// <param name="x">The output column.</param>
    public static T ConvolutionAt<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, in KernelLayout layout, in ConvolutionGeometry geometry, bool flip, int o, int y, int x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int kh = geometry.KernelHeight, kw = geometry.KernelWidth, d = geometry.Dilation, s = geometry.Stride;
        int channelsPerGroup = geometry.InChannels / geometry.Groups;
        int c0 = o / (geometry.OutChannels / geometry.Groups) * channelsPerGroup;
        T sum = T.Zero;
        for (int c = 0; c < channelsPerGroup; c++)
        {
            for (int i = 0; i < kh; i++)
            {
                int iy = y * s + i * d - layout.PadTop;
                if ((uint)iy >= (uint)layout.Height)
                {
                    continue;
                }

                for (int j = 0; j < kw; j++)
                {
                    int ix = x * s + j * d - layout.PadLeft;
                    if ((uint)ix >= (uint)layout.Width)
                    {
                        continue;
                    }

                    int wi = flip ? kh - 1 - i : i, wj = flip ? kw - 1 - j : j;
                    sum += input[((c0 + c) * layout.Height + iy) * layout.Width + ix] * weights[((o * channelsPerGroup + c) * kh + wi) * kw + wj];
                }
            }
        }

        return sum;
    }
}
