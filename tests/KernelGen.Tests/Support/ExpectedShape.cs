namespace KernelGen.Tests.Support;

/// <summary>The output-size table of docs/semantics.md, “What a kernel computes”, written out again independently of <see cref="ShapeMath"/>.</summary>
internal static class ExpectedShape
{
    public static int Effective(int kernelSize, int dilation) => dilation * (kernelSize - 1) + 1;

    public static (int Output, int Before, int After) Extent(int n, int k, int stride = 1, int dilation = 1, Padding padding = Padding.Valid)
    {
        int keff = Effective(k, dilation);
        switch (padding)
        {
            case Padding.Valid:
                return n < keff ? (0, 0, 0) : ((int)Math.Floor((n - keff) / (double)stride) + 1, 0, 0);
            case Padding.Same:
                int output = (int)Math.Ceiling(n / (double)stride);
                int total = Math.Max((output - 1) * stride + keff - n, 0);
                return (output, total / 2, total - total / 2);
            case Padding.Full:
                return ((int)Math.Floor((n + keff - 2) / (double)stride) + 1, keff - 1, keff - 1);
            default:
                throw new ArgumentOutOfRangeException(nameof(padding));
        }
    }
}
