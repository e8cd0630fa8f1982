using System.Globalization;
using System.Numerics;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// One differential check: random input, weights and bias (guarded with NaN on both sides), the reference on them,
/// the reference on their absolute values for the error bound, and the generated kernel writing into an output span
/// longer than its shape, pre-filled with NaN and guarded with a sentinel on both sides.
/// </summary>
public static class Differential
{
    /// <param name="c">The case.</param>
    /// <param name="height">Input rows (1 for 1D).</param>
    /// <param name="width">Input columns, or the length.</param>
    /// <param name="seed">Seed of the random data.</param>
    /// <param name="exactInputSpans">Pass input, weights and bias spans of exactly their shape's length (otherwise longer).</param>
    /// <param name="integers">Small integers in [−4, 4] instead of reals in [−1, 1): every product and sum is then exact,
    /// so the generated output must equal the reference bit for bit (convolutions and max pools).</param>
    public static CheckResult Check<T>(KernelCase<T> c, int height, int width, int seed, bool exactInputSpans, bool integers = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (int outHeight, int outWidth) = c.OutputShape(height, width);
        int outputLength = c.OutputLength(height, width);
        var random = new Random(seed);
        var input = new GuardedBuffer<T>(c.InputLength(height, width), T.NaN, T.Zero);
        var weights = new GuardedBuffer<T>(c.WeightsLength, T.NaN, T.Zero);
        var bias = new GuardedBuffer<T>(c.BiasLength, T.NaN, T.Zero);
        if (integers)
        {
            TestData.FillIntegers(input.Body, random, 4);
            TestData.FillIntegers(weights.Body, random, 4);
            TestData.FillIntegers(bias.Body, random, 4);
        }
        else
        {
            TestData.FillUniform(input.Body, random);
            TestData.FillUniform(weights.Body, random);
            TestData.FillUniform(bias.Body, random);
        }

        if (c.ConstantWeights is { } constants)
        {
            for (int i = 0; i < constants.Length; i++)
            {
                weights.Body[i] = T.CreateChecked(constants[i]); // the reference gets the weights the kernel bakes in
            }
        }

        var expected = new T[outputLength];
        c.RunReference(input.Body, weights.Body, bias.Body, expected, height, width, c.Activation);
        double[] tolerance = integers ? new double[outputLength] : Tolerances(c, input.Body, weights.Body, bias.Body, height, width);

        T sentinel = T.CreateTruncating(12345.0);
        var output = new GuardedBuffer<T>(outputLength, sentinel, T.NaN);
        string where = c.Is2D
            ? $"{c.Name} [{c.Method}] at input {c.InChannels}x{height}x{width} -> output {c.OutChannels}x{outHeight}x{outWidth} (seed {seed})"
            : $"{c.Name} [{c.Method}] at input {c.InChannels}x{width} -> output {c.OutChannels}x{outWidth} (seed {seed})";
        try
        {
            c.Generated(
                exactInputSpans ? input.Body : input.BodyAndTail,
                exactInputSpans ? weights.Body : weights.BodyAndTail,
                exactInputSpans ? bias.Body : bias.BodyAndTail,
                output.BodyAndTail, height, width);
        }
        catch (Exception e)
        {
            return new CheckResult(height, width, outputLength, $"{where}: threw {e.GetType().Name}: {e.Message}", double.PositiveInfinity);
        }

        int mismatches = 0, first = -1;
        double worst = 0;
        for (int i = 0; i < outputLength; i++)
        {
            T e = expected[i], a = output[i];
            if (!Tolerance.Within(e, a, tolerance[i]))
            {
                mismatches++;
                first = first < 0 ? i : first;
                worst = double.PositiveInfinity;
            }
            else if (tolerance[i] > 0 && !T.IsNaN(e))
            {
                worst = Math.Max(worst, Math.Abs(double.CreateChecked(a) - double.CreateChecked(e)) / tolerance[i]);
            }
        }

        if (mismatches > 0)
        {
            int plane = outHeight * outWidth;
            int o = first / plane, y = first % plane / outWidth, x = first % outWidth;
            string index = c.Is2D ? $"[{o}, {y}, {x}]" : $"[{o}, {x}]";
            double diff = Math.Abs(double.CreateChecked(output[first]) - double.CreateChecked(expected[first]));
            return new CheckResult(height, width, outputLength,
                $"{where}: output{index} (flat {first}) expected {Format(expected[first])}, actual {Format(output[first])}, " +
                $"|diff| {Format(diff)}, tolerance {Format(tolerance[first])}; {mismatches} of {outputLength} outputs differ",
                worst);
        }

        if (output.FirstChangedGuard() is int changed)
        {
            return new CheckResult(height, width, outputLength,
                $"{where}: wrote outside the output shape at output[{changed}] (shape needs {outputLength} elements, sentinel {Format(sentinel)})",
                worst);
        }

        return new CheckResult(height, width, outputLength, null, worst);
    }

    private static double[] Tolerances<T>(KernelCase<T> c, ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, int height, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tolerance = new double[c.OutputLength(height, width)];
        if (c.IsMaxPool)
        {
            return tolerance; // exact
        }

        var bound = new T[tolerance.Length];
        c.RunReference(TestData.Absolute(input), TestData.Absolute(weights), TestData.Absolute(bias), bound, height, width, Activation.None);
        for (int i = 0; i < tolerance.Length; i++)
        {
            double b = double.CreateChecked(bound[i]);
            tolerance[i] = c.IsConvolution
                ? Tolerance.Convolution<T>(b)
                : Tolerance.Average<T>(b, c.KernelHeight * c.KernelWidth);
        }

        return tolerance;
    }

    private static string Format<T>(T value)
        where T : IFloatingPointIeee754<T>
        => value.ToString("R", CultureInfo.InvariantCulture);
}
