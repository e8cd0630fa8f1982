using System.Numerics;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// docs/semantics.md, “Errors at run time”, "only the prefix that the shape needs is read or written", on every generated kernel with
/// sentinels: the output span runs 300 elements past its shape (more than any vector block), its tail filled with
/// bit patterns a store-back of loaded values could disturb (NaNs with payloads, signalling NaNs, −0, infinities,
/// subnormals), and must come back bit for bit; the shape's own elements are pre-filled with a signalling NaN and
/// must all be overwritten (the data are small integers, so no output is NaN).
/// </summary>
public sealed class OutputTailTests(ITestOutputHelper output)
{
    private const int Tail = 300;

    public static TheoryData<string> Cases => KernelCatalog.Names(Enum.GetValues<KernelFamily>());

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheTailOfALongerOutputIsNeverTouched(string kernel)
    {
        KernelCase c = KernelCatalog.Get(kernel);
        IReadOnlyList<(int Height, int Width)> plan = SizePlan.For(c);
        (int, int)[] sizes = [.. plan.Where((_, i) => i % 5 == 0), plan[^1]];
        var failures = new List<string>();
        foreach ((int h, int w) in sizes.Distinct())
        {
            string? failure = c switch
            {
                KernelCase<float> f => Check(f, h, w, Patterns<float, uint>(0x7FC00001, 0x7F800001, 0xFFBFFFFF, 0x80000000, 0x7F800000, 0xFF800000, 0x00000001, 0x807FFFFF)),
                KernelCase<double> d => Check(d, h, w, Patterns<double, ulong>(0x7FF8000000000001, 0x7FF0000000000001, 0xFFF7FFFFFFFFFFFF,
                    0x8000000000000000, 0x7FF0000000000000, 0xFFF0000000000000, 0x0000000000000001, 0x800FFFFFFFFFFFFF)),
                _ => throw new InvalidOperationException(kernel),
            };
            if (failure is not null)
            {
                failures.Add($"{h}x{w}: {failure}");
            }
        }

        output.WriteLine($"{kernel}: {sizes.Distinct().Count()} sizes, tails of {Tail}");
        Assert.True(failures.Count == 0, $"{c.Method}:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(8))}");
    }

    private static string? Check<T>(KernelCase<T> c, int h, int w, T[] patterns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(TestData.Seed(c.Name, h, w) ^ 0x7A11);
        T[] input = Longer<T>(c.InputLength(h, w), random);
        T[] weights = Longer<T>(c.WeightsLength, random);
        T[] bias = Longer<T>(c.BiasLength, random);
        int needed = c.OutputLength(h, w);
        var result = new T[needed + Tail];
        result.AsSpan(0, needed).Fill(patterns[1]); // a signalling NaN: must be overwritten
        for (int i = needed; i < result.Length; i++)
        {
            result[i] = patterns[(i - needed) % patterns.Length];
        }

        T[] before = (T[])result.Clone();
        c.Generated(input, weights, bias, result, h, w);

        for (int i = needed; i < result.Length; i++)
        {
            if (!MemoryMarshal.AsBytes(result.AsSpan(i, 1)).SequenceEqual(MemoryMarshal.AsBytes(before.AsSpan(i, 1))))
            {
                return $"output[{i}] (the shape needs {needed}) changed from {Bits(before[i])} to {Bits(result[i])}";
            }
        }

        for (int i = 0; i < needed; i++)
        {
            if (T.IsNaN(result[i]))
            {
                return $"output[{i}] of {needed} was never written (still the NaN it was filled with)";
            }
        }

        return null;
    }

    // Small integers in the shape, NaN beyond it (the input spans are longer than their shapes too).
    private static T[] Longer<T>(int length, Random random)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[length + 64];
        TestData.FillIntegers<T>(values.AsSpan(0, length), random, 4);
        values.AsSpan(length).Fill(T.NaN);
        return values;
    }

    private static string Bits<T>(T value)
        where T : unmanaged
        => $"{value} (0x{Convert.ToHexString(MemoryMarshal.AsBytes(new[] { value }.AsSpan()).ToArray().Reverse().ToArray())})";

    private static T[] Patterns<T, TBits>(params TBits[] bits)
        where T : unmanaged
        where TBits : unmanaged
        => MemoryMarshal.Cast<TBits, T>(bits).ToArray();
}
