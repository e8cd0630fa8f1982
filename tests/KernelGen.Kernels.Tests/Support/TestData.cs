using System.Numerics;

namespace KernelGen.Kernels.Tests;

/// <summary>Deterministic random data and seeds.</summary>
public static class TestData
{
    /// <summary>A seed that depends only on the case name and the size (string.GetHashCode is randomized per process).</summary>
    public static int Seed(string name, int height, int width)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        hash = (hash ^ (uint)height) * 16777619;
        hash = (hash ^ (uint)width) * 16777619;
        return (int)(hash & 0x7FFFFFFF);
    }

    /// <summary>Fills with uniform values in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static void FillUniform<T>(Span<T> span, Random random, double min = -1, double max = 1)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = T.CreateTruncating(min + (max - min) * random.NextDouble());
        }
    }

    /// <summary>Fills with uniform integers in [−<paramref name="limit"/>, <paramref name="limit"/>].</summary>
    public static void FillIntegers<T>(Span<T> span, Random random, int limit)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = T.CreateTruncating(random.Next(-limit, limit + 1));
        }
    }

    public static T[] Absolute<T>(ReadOnlySpan<T> values)
        where T : IFloatingPointIeee754<T>
    {
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = T.Abs(values[i]);
        }

        return result;
    }

    public static T[] Random<T>(int length, int seed, double min = -1, double max = 1)
        where T : IFloatingPointIeee754<T>
    {
        var result = new T[length];
        FillUniform<T>(result, new Random(seed), min, max);
        return result;
    }
}
