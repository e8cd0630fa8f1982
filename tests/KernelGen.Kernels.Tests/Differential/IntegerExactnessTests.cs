using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// With small integer data every product and partial sum is an exactly representable integer, whatever the order
/// of summation or fusing, so convolutions and max pools must equal the reference bit for bit: no tolerance can hide
/// a missing or doubled tap. Runs every fourth size of each case's plan.
/// </summary>
public sealed class IntegerExactnessTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string name in KernelCatalog.Names(KernelFamily.Conv1D, KernelFamily.Conv2D, KernelFamily.MaxPool1D, KernelFamily.MaxPool2D))
            {
                if (KernelCatalog.Get(name).ExactWithIntegers)
                {
                    data.Add(name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualsReferenceExactly(string kernel)
    {
        KernelCase c = KernelCatalog.Get(kernel);
        IReadOnlyList<(int Height, int Width)> sizes = SizePlan.For(c);
        var failures = new List<string>();
        int checkedSizes = 0;
        for (int i = 0; i < sizes.Count; i += 4)
        {
            (int h, int w) = sizes[i];
            CheckResult result = c.Check(h, w, TestData.Seed(kernel, h, w) ^ 0x5A5A, exactInputSpans: i % 8 == 4, integers: true);
            checkedSizes++;
            if (result.Failure is not null)
            {
                failures.Add(result.Failure);
            }
        }

        output.WriteLine($"{kernel}: {checkedSizes} sizes with integer data");
        Assert.True(checkedSizes >= 5, $"{kernel}: only {checkedSizes} sizes checked.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {checkedSizes} sizes differ from the reference on integer data; first ones:{Environment.NewLine}" +
            string.Join(Environment.NewLine, failures.Take(6)));
    }
}
