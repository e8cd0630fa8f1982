using System.Numerics;
using KernelGen.Tests.Support;

namespace KernelGen.Tests.Reference;

/// <summary>The seed examples of docs/semantics.md, “What a kernel computes”, each reproduced exactly in float and in double.</summary>
public class SeedExampleTests
{
    [Fact]
    public void Flipped_full_convolution_of_1_2_3_with_2_1_is_2_5_8_3()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] output = Conv1D<T>([1, 2, 3], [2, 1], Padding.Full, flip: true, outputLength: 4);
            Assert.Equal(TestData.Values<T>(2, 5, 8, 3), output);
        }
    }

    [Fact]
    public void Flipped_valid_convolution_of_1_2_3_with_2_1_is_5_8()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] output = Conv1D<T>([1, 2, 3], [2, 1], Padding.Valid, flip: true, outputLength: 2);
            Assert.Equal(TestData.Values<T>(5, 8), output);
        }
    }

    [Fact]
    public void Valid_cross_correlation_with_1_0_minus1_is_2_2_2()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] output = Conv1D<T>([1, 3, -1, 1, -3], [1, 0, -1], Padding.Valid, flip: false, outputLength: 3);
            Assert.Equal(TestData.Values<T>(2, 2, 2), output);
        }
    }

    [Fact]
    public void Same_cross_correlation_with_1_0_minus1_is_minus3_2_2_2_1()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] output = Conv1D<T>([1, 3, -1, 1, -3], [1, 0, -1], Padding.Same, flip: false, outputLength: 5);
            Assert.Equal(TestData.Values<T>(-3, 2, 2, 2, 1), output);
        }
    }

    [Fact]
    public void Valid_2D_cross_correlation_is_4_4_4_3_with_sum_15()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] input = TestData.Values<T>(
                1, 2, 1,
                2, 1, 1,
                1, 1, 1);
            T[] weights = TestData.Values<T>(
                1, 0.5,
                0.5, 1);
            T[] expected = TestData.Values<T>(
                4, 4,
                4, 3);
            foreach (bool flip in new[] { false, true }) // the kernel is symmetric under a 180° turn
            {
                T[] output = TestData.Filled<T>(5, TestData.Sentinel);
                ReferenceKernels.Conv2D<T>(input, weights, [], output, 3, 3, 2, 2, Padding.Valid, flip: flip);
                Assert.Equal(expected, output[..4]);
                Assert.Equal(T.CreateChecked(15), output[0] + output[1] + output[2] + output[3]);
                Assert.Equal(T.CreateChecked(TestData.Sentinel), output[4]);
            }
        }
    }

    private static T[] Conv1D<T>(double[] f, double[] g, Padding padding, bool flip, int outputLength)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // One more element than the expected size: it must stay untouched.
        T[] output = TestData.Filled<T>(outputLength + 1, TestData.Sentinel);
        ReferenceKernels.Conv1D<T>(TestData.Values<T>(f), TestData.Values<T>(g), [], output, f.Length, g.Length, padding, flip: flip);
        Assert.Equal(T.CreateChecked(TestData.Sentinel), output[outputLength]);
        return output[..outputLength];
    }
}
