using System.Globalization;
using KernelGen.Generators.Model;

namespace KernelGen.Generators.Planning;

/// <summary>
/// What the generator can do with weights known at compile time: write them as literals (zero taps dropped,
/// ±1 taps as an add or a subtract) and, for a rank-1 window, split it into a column and a row filter.
/// </summary>
internal static class ConstantKernel
{
    /// <summary>Relative tolerance of the rank-1 test; integer-valued windows factor exactly.</summary>
    public const double SeparableTolerance = 1e-12;

    /// <summary>
    /// The one KH × KW window every output channel applies to its single input channel (one channel, or depthwise with
    /// the same filter everywhere), converted to the element type; null when the windows differ or see several channels.
    /// </summary>
    public static double[]? Uniform(KernelSpec spec, int channelsPerGroup)
    {
        if (!spec.HasConstantWeights || channelsPerGroup != 1)
        {
            return null;
        }

        int taps = spec.KernelHeight * spec.KernelWidth;
        var window = new double[taps];
        for (int t = 0; t < taps; t++)
        {
            window[t] = ToElement(spec.ConstantWeights[t], spec.Element);
            for (int o = 1; o < spec.OutChannels; o++)
            {
                if (!ToElement(spec.ConstantWeights[o * taps + t], spec.Element).Equals(window[t]))
                {
                    return null;
                }
            }
        }

        return window;
    }

    /// <summary>
    /// The column and row filters whose outer product is <paramref name="window"/> (row-major KH × KW), or null when it
    /// is not rank 1 within <see cref="SeparableTolerance"/>. Factors that reproduce the window exactly are preferred
    /// (scaling by the smallest tap first, which keeps binomial and integer filters exact); otherwise the largest tap
    /// scales, which is the best conditioned.
    /// </summary>
    public static (double[] Column, double[] Row)? Factor(double[] window, int kernelHeight, int kernelWidth)
    {
        var pivots = Enumerable.Range(0, window.Length)
            .Where(t => window[t] != 0 && !double.IsNaN(window[t]) && !double.IsInfinity(window[t]))
            .OrderBy(t => Math.Abs(window[t]))
            .ToList();
        if (pivots.Count == 0)
        {
            return null;
        }

        foreach (int pivot in pivots)
        {
            (double[] column, double[] row) = FactorAt(window, kernelHeight, kernelWidth, pivot);
            if (MaxError(window, column, row, kernelWidth) == 0)
            {
                return (column, row);
            }
        }

        int largest = pivots[pivots.Count - 1];
        (double[] c, double[] r) = FactorAt(window, kernelHeight, kernelWidth, largest);
        return MaxError(window, c, r, kernelWidth) <= SeparableTolerance * Math.Abs(window[largest]) ? (c, r) : null;
    }

    private static (double[] Column, double[] Row) FactorAt(double[] window, int kernelHeight, int kernelWidth, int pivot)
    {
        int p = pivot / kernelWidth, q = pivot % kernelWidth;
        var column = new double[kernelHeight];
        var row = new double[kernelWidth];
        for (int i = 0; i < kernelHeight; i++)
        {
            column[i] = window[i * kernelWidth + q];
        }

        for (int j = 0; j < kernelWidth; j++)
        {
            row[j] = window[p * kernelWidth + j] / window[pivot];
        }

        return (column, row);
    }

    private static double MaxError(double[] window, double[] column, double[] row, int kernelWidth)
    {
        double worst = 0;
        for (int t = 0; t < window.Length; t++)
        {
            worst = Math.Max(worst, Math.Abs(column[t / kernelWidth] * row[t % kernelWidth] - window[t]));
        }

        return worst;
    }

    /// <summary>Operations per output of a filter: one per tap that is not zero.</summary>
    public static int Cost(IEnumerable<double> taps) => taps.Count(w => w != 0);

    public static double ToElement(double value, ElementType element) => element == ElementType.Float ? (float)value : value;

    /// <summary>A C# literal of the element type that round-trips <paramref name="value"/>.</summary>
    public static string Literal(double value, ElementType element)
    {
        string type = element == ElementType.Float ? "float" : "double";
        double v = ToElement(value, element);
        if (double.IsNaN(v))
        {
            return $"{type}.NaN";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? $"{type}.PositiveInfinity" : $"{type}.NegativeInfinity";
        }

        return element == ElementType.Float
            ? ((float)v).ToString("R", CultureInfo.InvariantCulture) + "f"
            : v.ToString("R", CultureInfo.InvariantCulture) + "d";
    }
}
