namespace KernelGen.Tests.Support;

/// <summary>A convolution result in double with, per output, the sum of the absolute values of its terms.</summary>
internal sealed record OracleResult(double[] Values, double[] AbsoluteSums, int Terms);

/// <summary>
/// An independent, deliberately different implementation of docs/semantics.md, “What a kernel computes” in double precision: the input is
/// copied into an explicitly zero-padded buffer, the weights are explicitly reversed for Flip, and a plain
/// Valid cross-correlation runs over the padded buffer.
/// </summary>
internal static class Oracle
{
    public static OracleResult Convolve(ConvCase c, double[] input, double[] weights, double[]? bias, bool relu)
    {
        var rows = c.Rows;
        var columns = c.Columns;
        int h = c.Height, w = c.Width, kh = c.KernelHeight, kw = c.KernelWidth;
        int paddedHeight = h + rows.Before + rows.After, paddedWidth = w + columns.Before + columns.After;
        int perGroupIn = c.InChannels / c.Groups, perGroupOut = c.OutChannels / c.Groups;

        var padded = new double[c.InChannels * paddedHeight * paddedWidth];
        for (int ch = 0; ch < c.InChannels; ch++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    padded[(ch * paddedHeight + y + rows.Before) * paddedWidth + x + columns.Before] = input[(ch * h + y) * w + x];
                }
            }
        }

        var kernel = new double[c.WeightsLength];
        for (int o = 0; o < c.OutChannels; o++)
        {
            for (int ch = 0; ch < perGroupIn; ch++)
            {
                for (int i = 0; i < kh; i++)
                {
                    for (int j = 0; j < kw; j++)
                    {
                        int si = c.Flip ? kh - 1 - i : i, sj = c.Flip ? kw - 1 - j : j;
                        kernel[((o * perGroupIn + ch) * kh + i) * kw + j] = weights[((o * perGroupIn + ch) * kh + si) * kw + sj];
                    }
                }
            }
        }

        var values = new double[c.OutputLength];
        var absolute = new double[c.OutputLength];
        for (int o = 0; o < c.OutChannels; o++)
        {
            int group = o / perGroupOut;
            for (int y = 0; y < rows.Output; y++)
            {
                for (int x = 0; x < columns.Output; x++)
                {
                    double sum = 0, abs = 0;
                    for (int ch = 0; ch < perGroupIn; ch++)
                    {
                        int inChannel = group * perGroupIn + ch;
                        for (int i = 0; i < kh; i++)
                        {
                            for (int j = 0; j < kw; j++)
                            {
                                int py = y * c.Stride + i * c.Dilation, px = x * c.Stride + j * c.Dilation;
                                double term = padded[(inChannel * paddedHeight + py) * paddedWidth + px]
                                    * kernel[((o * perGroupIn + ch) * kh + i) * kw + j];
                                sum += term;
                                abs += Math.Abs(term);
                            }
                        }
                    }

                    if (bias is not null)
                    {
                        sum += bias[o];
                        abs += Math.Abs(bias[o]);
                    }

                    int index = (o * rows.Output + y) * columns.Output + x;
                    values[index] = relu ? Math.Max(sum, 0) : sum;
                    absolute[index] = abs;
                }
            }
        }

        return new OracleResult(values, absolute, perGroupIn * kh * kw + 1);
    }

    /// <summary>Max or average pool over the in-image elements of each window; a NaN in a max window gives NaN.</summary>
    public static double[] Pool(PoolCase p, double[] input, bool isMax)
    {
        var rows = p.Rows;
        var columns = p.Columns;
        var result = new double[p.OutputLength];
        for (int ch = 0; ch < p.Channels; ch++)
        {
            for (int y = 0; y < rows.Output; y++)
            {
                for (int x = 0; x < columns.Output; x++)
                {
                    var window = new List<double>();
                    for (int i = 0; i < p.WindowHeight; i++)
                    {
                        for (int j = 0; j < p.WindowWidth; j++)
                        {
                            int iy = y * p.StrideHeight + i - rows.Before, ix = x * p.StrideWidth + j - columns.Before;
                            if (iy >= 0 && iy < p.Height && ix >= 0 && ix < p.Width)
                            {
                                window.Add(input[(ch * p.Height + iy) * p.Width + ix]);
                            }
                        }
                    }

                    Assert.NotEmpty(window); // every window of a Valid or Same pool sees at least one element
                    double value = !isMax ? window.Sum() / window.Count
                        : window.Any(double.IsNaN) ? double.NaN : window.Max();
                    result[(ch * rows.Output + y) * columns.Output + x] = value;
                }
            }
        }

        return result;
    }
}
