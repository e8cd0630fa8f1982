using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>The seed examples of docs/semantics.md, “What a kernel computes”, on generated kernels.</summary>
public sealed class SpecExampleTests(ITestOutputHelper output)
{
    [Fact]
    public void FlippedFullAndValid()
    {
        float[] full = new float[4], valid = new float[2];
        Conv1DKernels.K2_Full_Flip([1, 2, 3], [2, 1], full, 3);
        Conv1DKernels.K2_Flip([1, 2, 3], [2, 1], valid, 3);
        Assert.Equal([2f, 5f, 8f, 3f], full);
        Assert.Equal([5f, 8f], valid);
    }

    [Fact]
    public void CrossCorrelationValidAndSame()
    {
        float[] valid = new float[3], same = new float[5];
        Conv1DKernels.K3([1, 3, -1, 1, -3], [1, 0, -1], valid, 5);
        Conv1DKernels.K3_Same([1, 3, -1, 1, -3], [1, 0, -1], same, 5);
        Assert.Equal([2f, 2f, 2f], valid);
        Assert.Equal([-3f, 2f, 2f, 2f, 1f], same);
    }

    [Fact]
    public void TwoDimensionalValid()
    {
        float[] result = new float[4];
        Conv2DKernels.K2x2([1, 2, 1, 2, 1, 1, 1, 1, 1], [1, 0.5f, 0.5f, 1], result, 3, 3);
        Assert.Equal([4f, 4f, 4f, 3f], result);
        Assert.Equal(15f, result.Sum());
    }

    public static TheoryData<string> FullCases => Names(KernelCatalog.All.Where(c =>
        c.IsConvolution && c.Padding == Padding.Full && c.StrideWidth == 1 && c.Dilation == 1 &&
        c.InChannels == 1 && c.OutChannels == 1 && !c.HasBias && c.Activation == Activation.None));

    /// <summary>The sum of a Full convolution is the product of the sums of its operands (exact on integers).</summary>
    [Theory]
    [MemberData(nameof(FullCases))]
    public void AreaIdentity(string kernel)
    {
        KernelCase c = KernelCatalog.Get(kernel);
        int checkedSizes = 0;
        foreach ((int h, int w) in new[] { (1, 1), (1, 37), (3, 17), (9, 64), (20, 70) })
        {
            int height = c.Is2D ? h : 1;
            var random = new Random(TestData.Seed(kernel, height, w));
            double[] input = Enumerable.Range(0, height * w).Select(_ => (double)random.Next(-3, 4)).ToArray();
            double[] weights = c.ConstantWeights ?? Enumerable.Range(0, c.WeightsLength).Select(_ => (double)random.Next(-3, 4)).ToArray();
            double product = input.Sum() * weights.Sum();
            double sum = c switch
            {
                KernelCase<float> f => Run(f, input, weights, height, w).Sum(v => (double)v),
                KernelCase<double> d => Run(d, input, weights, height, w).Sum(),
                _ => double.NaN,
            };
            Assert.True(sum == product, $"{kernel} at {height}x{w}: the output sums to {sum}, the operands' sums multiply to {product}.");
            checkedSizes++;
        }

        output.WriteLine($"{kernel}: area identity at {checkedSizes} sizes");
    }

    private static T[] Run<T>(KernelCase<T> c, double[] input, double[] weights, int height, int width)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var result = new T[c.OutputLength(height, width)];
        c.Generated(input.Select(T.CreateTruncating).ToArray(), weights.Select(T.CreateTruncating).ToArray(), default, result, height, width);
        return result;
    }

    private static TheoryData<string> Names(IEnumerable<KernelCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (KernelCase c in cases.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            data.Add(c.Name);
        }

        return data;
    }
}
