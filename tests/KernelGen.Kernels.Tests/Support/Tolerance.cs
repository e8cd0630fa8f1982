using System.Numerics;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// How far a generated output may be from the reference. Convolutions may sum in another order and fuse
/// multiply-adds, so their error is bounded relative to <c>Σ|x·w| + |bias|</c> (the reference run on absolute
/// values): 1e-5 for float, 1e-12 for double. Max pools select an element, so they must match exactly. Average
/// pools get the rounding of a sum of <c>n</c> elements and a division, twice (both sides):
/// <c>2·n·ε·mean|x|</c>.
/// </summary>
public static class Tolerance
{
    public static double Convolution<T>(double absoluteBound)
        where T : IFloatingPointIeee754<T>
        => (typeof(T) == typeof(float) ? 1e-5 : 1e-12) * (absoluteBound + 1);

    public static double Average<T>(double meanAbsolute, int windowElements)
        where T : IFloatingPointIeee754<T>
        => 2.0 * (windowElements + 1) * Epsilon<T>() * meanAbsolute;

    /// <summary>Machine epsilon (the gap above 1): 2⁻²³ for float, 2⁻⁵² for double.</summary>
    public static double Epsilon<T>()
        where T : IFloatingPointIeee754<T>
        => typeof(T) == typeof(float) ? Math.ScaleB(1, -23) : Math.ScaleB(1, -52);

    /// <summary>True when <paramref name="actual"/> is within <paramref name="tolerance"/>; a NaN must meet a NaN.</summary>
    public static bool Within<T>(T expected, T actual, double tolerance)
        where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(expected) || T.IsNaN(actual))
        {
            return T.IsNaN(expected) && T.IsNaN(actual);
        }

        return tolerance == 0 ? expected == actual : Math.Abs(double.CreateChecked(actual) - double.CreateChecked(expected)) <= tolerance;
    }
}
