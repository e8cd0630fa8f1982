using System.Numerics;
using System.Reflection;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// Kernels taking <see cref="PackedWeights{T}"/>: one object packed at its first call and read at every later one,
/// whatever path the map size takes (so a copy packed for one size serves the others), kept apart from the caller's
/// array, shared between threads, and checked like a span. Integer data: every output must equal the reference's.
/// </summary>
public sealed class PackedWeightsTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (KernelCase c in KernelCatalog.All.Where(c => c.PackedWeights).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Fact]
    public void TheCatalogHasKernelsTakingPackedWeights() => Assert.True(Cases().Count >= 8);

    [Theory]
    [MemberData(nameof(Cases))]
    public void OneObjectServesEverySize(string kernel)
    {
        KernelCase c = KernelCatalog.Get(kernel);
        if (c.ElementType == typeof(float))
        {
            EverySizeWithOneObject(KernelCatalog.Get<float>(kernel));
        }
        else
        {
            EverySizeWithOneObject(KernelCatalog.Get<double>(kernel));
        }
    }

    [Fact]
    public void ChangingTheSourceAfterwardsChangesNothing()
    {
        KernelCase<float> c = KernelCatalog.Get<float>("Conv2D_3x3_same_c32to64_bias_relu_packed_f32");
        float[] weights = Integers<float>(c.WeightsLength, 1);
        var packed = new PackedWeights<float>(weights);
        float[] original = (float[])weights.Clone();
        Array.Fill(weights, 3f);

        (string? failure, _) = RunAndCompare(c, packed, original, 14, 14, 2);
        Assert.Null(failure);
        Assert.Equal(original, packed.Weights.ToArray());
    }

    [Fact]
    public void WeightsLongerThanTheLayerNeedsAreReadAsTheirPrefix()
    {
        KernelCase<float> c = KernelCatalog.Get<float>("Conv2D_3x3_same_c256to16_bias_relu_packed_f32");
        float[] weights = Integers<float>(c.WeightsLength, 3);
        var packed = new PackedWeights<float>([.. weights, .. Enumerable.Repeat(float.NaN, 100)]);

        (string? failure, _) = RunAndCompare(c, packed, weights, 9, 23, 4);
        Assert.Null(failure);
    }

    [Fact]
    public void NullWeightsThrowArgumentNullExceptionNamingTheParameterAndWriteNothing()
    {
        float[] input = new float[32 * 8 * 8], bias = new float[64], output = new float[64 * 8 * 8];
        Array.Fill(output, 7f);

        var e = Assert.Throws<ArgumentNullException>(() => PackedWeightKernels.K3x3_Same_C32to64_Bias_Relu(input, null!, bias, output, 8, 8));
        Assert.Equal("weights", e.ParamName);
        Assert.All(output, v => Assert.Equal(7f, v));
    }

    [Fact]
    public void ThreadsMakingTheirFirstCallsAtOnceAllGetTheReferenceOutputs()
    {
        KernelCase<float> c = KernelCatalog.Get<float>("Conv2D_3x3_same_c256to16_bias_relu_packed_f32");
        float[] weights = Integers<float>(c.WeightsLength, 5);
        for (int round = 0; round < 4; round++)
        {
            var packed = new PackedWeights<float>(weights); // a new object each round: every thread's call is a first call
            using var start = new Barrier(4);
            string?[] failures = new string?[4];
            Thread[] threads = [.. Enumerable.Range(0, 4).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                (failures[t], _) = RunAndCompare(c, packed, weights, 12 + t, 16 + 3 * t, 10 * round + t);
            }))];
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            Assert.All(failures, Assert.Null);
        }
    }

    private static void EverySizeWithOneObject<T>(KernelCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] weights = Integers<T>(c.WeightsLength, TestData.Seed(c.Name, 0, 0));
        var packed = new PackedWeights<T>(weights);
        var failures = new List<string>();
        int outputs = 0;
        foreach ((int h, int w) in SizePlan.For(c))
        {
            (string? failure, int count) = RunAndCompare(c, packed, weights, h, w, TestData.Seed(c.Name, h, w));
            outputs += count;
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} sizes differ with one {nameof(PackedWeights<T>)} object:\n{string.Join("\n", failures.Take(5))}");
        Assert.True(outputs > 0);
    }

    // Runs the kernel with the given object and the reference with the given weights on integer data; the first
    // output that differs, and how many outputs there were.
    private static (string? Failure, int Outputs) RunAndCompare<T>(KernelCase<T> c, PackedWeights<T> packed, T[] weights, int height, int width, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GeneratedKernel<T> kernel = KernelCatalog.PackedWeightsInvoker<T>(MethodOf(c), c.Family, c.HasBias, _ => packed);
        T[] input = Integers<T>(c.InputLength(height, width), seed);
        T[] bias = Integers<T>(c.BiasLength, seed + 1);
        var expected = new T[c.OutputLength(height, width)];
        var actual = new T[expected.Length];
        c.RunReference(input, weights, bias, expected, height, width, c.Activation);
        kernel(input, weights, bias, actual, height, width);
        int at = Enumerable.Range(0, expected.Length).FirstOrDefault(i => expected[i] != actual[i], -1);
        return (at < 0 ? null : $"{c.Name} at {height}x{width}: output[{at}] is {actual[at]}, the reference gives {expected[at]}", expected.Length);
    }

    private static MethodInfo MethodOf(KernelCase c)
        => KernelCatalog.DeclaredKernels().Select(k => k.Method).Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == c.Method);

    private static T[] Integers<T>(int length, int seed)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[length];
        TestData.FillIntegers<T>(values, new Random(seed), 4);
        return values;
    }
}
