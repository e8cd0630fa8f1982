using System.Numerics;

namespace KernelGen.Tests.Support;

/// <summary>Deterministic test data: explicit values, small integers and small random reals.</summary>
internal static class TestData
{
    /// <summary>The value every output span is filled with before a call that must not write to it.</summary>
    public const double Sentinel = 12345;

    public static T[] Values<T>(params double[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
        => values.Select(T.CreateChecked).ToArray();

    public static T[] Filled<T>(int length, double value)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Enumerable.Repeat(T.CreateChecked(value), length).ToArray();

    /// <summary>Integers in [-bound, bound]: every sum and product the tests form stays exact in float.</summary>
    public static T[] Integers<T>(Random rng, int length, int bound = 4)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = T.CreateChecked(rng.Next(-bound, bound + 1));
        }

        return values;
    }

    /// <summary>Reals in [-1, 1), already rounded to <typeparamref name="T"/>.</summary>
    public static T[] Reals<T>(Random rng, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = T.CreateChecked(rng.NextDouble() * 2 - 1);
        }

        return values;
    }

    public static double[] ToDouble<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = double.CreateChecked(values[i]);
        }

        return result;
    }

    public static double Sum<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T value in values)
        {
            sum += double.CreateChecked(value);
        }

        return sum;
    }

    /// <summary>Asserts that every element of <paramref name="values"/> is still <see cref="Sentinel"/>.</summary>
    public static void AssertAllSentinel<T>(ReadOnlySpan<T> values, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sentinel = T.CreateChecked(Sentinel);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(values[i] == sentinel, $"{what}[{i}] was written: {values[i]} instead of the sentinel {Sentinel}.");
        }
    }
}
