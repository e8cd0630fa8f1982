using System.Numerics;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// Padded positions take no part in a pool (docs/semantics.md, “What a kernel computes”): a max over negative-only inputs near the borders is
/// never 0, and an average divides by the number of in-image elements, so a constant image pools to itself.
/// </summary>
public sealed class PaddingSemanticsTests
{
    public static TheoryData<string> MaxPools => KernelCatalog.Names(KernelFamily.MaxPool1D, KernelFamily.MaxPool2D);

    public static TheoryData<string> AvgPools => KernelCatalog.Names(KernelFamily.AvgPool1D, KernelFamily.AvgPool2D);

    [Theory]
    [MemberData(nameof(MaxPools))]
    public void MaxPoolOfNegativeInputsIgnoresPadding(string kernel)
    {
        if (KernelCatalog.Get(kernel) is KernelCase<float> f)
        {
            MaxOfNegatives(f);
        }
        else
        {
            MaxOfNegatives(KernelCatalog.Get<double>(kernel));
        }
    }

    [Theory]
    [MemberData(nameof(AvgPools))]
    public void AvgPoolOfConstantIsTheConstant(string kernel)
    {
        if (KernelCatalog.Get(kernel) is KernelCase<float> f)
        {
            AverageOfConstant(f);
        }
        else
        {
            AverageOfConstant(KernelCatalog.Get<double>(kernel));
        }
    }

    [Fact]
    public void AvgPool2DSameDividesByInImageCount()
    {
        // 3 × 3 windows over [[1,2,3],[4,5,6],[7,8,9]]: a corner window holds 4 elements, an edge window 6.
        KernelCase<float> pool = KernelCatalog.Get<float>("AvgPool2D_3x3_same_s1_f32");
        float[] output = new float[9];
        pool.Generated([1, 2, 3, 4, 5, 6, 7, 8, 9], default, default, output, 3, 3);
        Assert.Equal([3f, 3.5f, 4f, 4.5f, 5f, 5.5f, 6f, 6.5f, 7f], output);
    }

    [Fact]
    public void AvgPool1DSameDividesByInImageCount()
    {
        KernelCase<float> pool = KernelCatalog.Get<float>("AvgPool1D_k3_same_s1_f32");
        float[] output = new float[4];
        pool.Generated([1, 2, 3, 4], default, default, output, 1, 4);
        Assert.Equal([1.5f, 2f, 3f, 3.5f], output);
    }

    [Fact]
    public void MaxPool2DSameOfNegativesIgnoresPadding()
    {
        KernelCase<float> pool = KernelCatalog.Get<float>("MaxPool2D_3x3_same_s1_f32");
        float[] output = new float[9];
        pool.Generated([-1, -2, -3, -4, -5, -6, -7, -8, -9], default, default, output, 3, 3);
        Assert.Equal([-1f, -1f, -2f, -1f, -1f, -2f, -4f, -4f, -5f], output);
    }

    private static IEnumerable<(int Height, int Width)> Sizes(KernelCase c)
        => from h in c.Is2D ? [1, 2, 3, 5, 8, c.KernelHeight + 2] : new[] { 1 }
           from w in Enumerable.Range(1, 40).Concat(Enumerable.Range(c.KernelWidth, 40)).Append(2 * c.KernelWidth + 33).Distinct()
           where c.OutputLength(h, w) > 0
           select (h, w);

    private static void MaxOfNegatives<T>(KernelCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int sizes = 0;
        foreach ((int h, int w) in Sizes(c))
        {
            T[] input = TestData.Random<T>(c.InputLength(h, w), TestData.Seed(c.Name, h, w), min: -9, max: -1);
            var actual = new T[c.OutputLength(h, w)];
            var expected = new T[actual.Length];
            c.Generated(input, default, default, actual, h, w);
            c.RunReference(input, default, default, expected, h, w, Activation.None);
            for (int i = 0; i < actual.Length; i++)
            {
                Assert.True(actual[i] <= -T.One && actual[i] == expected[i],
                    $"{c.Name} at {h}x{w}: output {i} is {actual[i]}, expected {expected[i]} (every input is in [-9, -1]).");
            }

            sizes++;
        }

        Assert.True(sizes > 20, $"{c.Name}: only {sizes} sizes.");
    }

    private static void AverageOfConstant<T>(KernelCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T constant = T.CreateTruncating(-2.75);
        double tolerance = 4 * Tolerance.Epsilon<T>() * 2.75;
        int sizes = 0;
        foreach ((int h, int w) in Sizes(c))
        {
            T[] input = new T[c.InputLength(h, w)];
            input.AsSpan().Fill(constant);
            var actual = new T[c.OutputLength(h, w)];
            c.Generated(input, default, default, actual, h, w);
            for (int i = 0; i < actual.Length; i++)
            {
                Assert.True(Tolerance.Within(constant, actual[i], tolerance),
                    $"{c.Name} at {h}x{w}: output {i} of a constant {constant} image is {actual[i]} (a window partly in the padding must divide by its in-image count).");
            }

            sizes++;
        }

        Assert.True(sizes > 20, $"{c.Name}: only {sizes} sizes.");
    }
}
