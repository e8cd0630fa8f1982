namespace KernelGen.Generators.Planning;

/// <summary>
/// A rough cost per output vector of the ways to compute a constant window, to choose between them: loads and stores
/// (the scarcer resource for these cheap kernels: two loads and one store per cycle, half that when a vector crosses
/// a cache line, as a window's shifted loads do) plus half the arithmetic (adds and multiply-adds issue on separate
/// pipes). Calibrated on the quick benchmark's Sobel, Gaussian and box filters; only the order of the costs matters.
/// </summary>
internal static class ConstantCost
{
    /// <summary>The most input rows a register block may hold filtered at once (the rest of the 32 vector registers serve the sums).</summary>
    public const int MaxRegisterRows = 16;

    /// <summary>The direct window, <paramref name="rowBlock"/> output rows per pass: every nonzero tap one operation.</summary>
    public static double Direct(double[] window, int kernelHeight, int kernelWidth, int dilation, int rowBlock)
    {
        int columns = Enumerable.Range(0, kernelWidth).Count(j => Enumerable.Range(0, kernelHeight).Any(i => window[i * kernelWidth + j] != 0));
        double rowsPerOutput = InputRows(kernelHeight, dilation, rowBlock) / (double)rowBlock;
        return rowsPerOutput * columns + 1 + ConstantKernel.Cost(window) / 2.0;
    }

    public static double Of(SeparableStrategy strategy, double[] column, double[] row, int dilation, int rowBlock)
    {
        double rowsPerOutput = InputRows(column.Length, dilation, rowBlock) / (double)rowBlock;
        double rowTaps = ConstantKernel.Cost(row);
        return strategy switch
        {
            // Each input row: its row filter's loads and sums; each output: the column sum and one store.
            SeparableStrategy.Registers => rowsPerOutput * rowTaps + 1 + (rowsPerOutput * Sums(row) + Sums(column)) / 2,

            // Column pass: one load per input row, one store; row pass: its taps' loads, one store.
            _ => rowsPerOutput + rowTaps + 2 + (Sums(column) + Sums(row)) / 2,
        };
    }

    /// <summary>The input rows a block of output rows reads.</summary>
    public static int InputRows(int kernelHeight, int dilation, int rowBlock) => rowBlock + (kernelHeight - 1) * dilation;

    /// <summary>Operations of a weighted sum with literal weights: an add per term after the first, a multiply unless a weight is 1.</summary>
    private static double Sums(double[] taps)
    {
        int terms = ConstantKernel.Cost(taps);
        return Math.Max(0, terms - 1) + (taps.Contains(1) ? 0 : 1);
    }
}
