using System.Numerics;

namespace KernelGen.Tests.Support;

/// <summary>
/// Comparisons of computed sums against an exact (double) expectation, with a tolerance scaled by the sum of the
/// absolute values of the products (the standard error bound of a floating-point dot product).
/// </summary>
internal static class Tolerance
{
    /// <summary>The machine epsilon of <typeparamref name="T"/>: 2^-23 for float, 2^-52 for double.</summary>
    public static double Epsilon<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
        => double.CreateChecked(T.BitIncrement(T.One) - T.One);

    /// <summary>
    /// Asserts <c>|actual[i] − expected[i]| ≤ terms · ε · scale[i]</c> for every element (NaN must match NaN).
    /// </summary>
    public static void AssertClose<T>(ReadOnlySpan<double> expected, ReadOnlySpan<T> actual, ReadOnlySpan<double> scale, int terms, string context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.True(expected.Length == actual.Length, $"{context}: expected {expected.Length} values, got {actual.Length}.");
        double epsilon = Epsilon<T>();
        for (int i = 0; i < expected.Length; i++)
        {
            double value = double.CreateChecked(actual[i]);
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(value), $"{context}: [{i}] expected NaN, got {value}.");
                continue;
            }

            double tolerance = Math.Max(terms, 1) * epsilon * scale[i] + double.Epsilon;
            double error = Math.Abs(value - expected[i]);
            Assert.True(error <= tolerance,
                $"{context}: [{i}] expected {expected[i]:R}, got {value:R} (error {error:E3} > tolerance {tolerance:E3}).");
        }
    }

    /// <summary>Asserts element-wise exact equality (NaN equals NaN), with the index of the first difference.</summary>
    public static void AssertExact<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.True(expected.Length == actual.Length, $"{context}: expected {expected.Length} values, got {actual.Length}.");
        for (int i = 0; i < expected.Length; i++)
        {
            bool same = expected[i] == actual[i] || (T.IsNaN(expected[i]) && T.IsNaN(actual[i]));
            Assert.True(same, $"{context}: [{i}] expected {expected[i]}, got {actual[i]}.");
        }
    }
}
