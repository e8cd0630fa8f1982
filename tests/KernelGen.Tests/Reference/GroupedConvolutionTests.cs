using System.Numerics;
using KernelGen.Tests.Support;

namespace KernelGen.Tests.Reference;

/// <summary>Grouped and depthwise convolutions: worked by hand, and against per-group dense convolutions.</summary>
public class GroupedConvolutionTests
{
    [Fact]
    public void Four_in_four_out_two_groups_by_hand()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] input = TestData.Values<T>(
                1, 2, 3,   // c0
                0, 1, -1,  // c1
                2, 0, 1,   // c2
                -1, 1, 1); // c3

            // weights [4 out, 2 in per group, 2 taps]; outputs 0, 1 see c0, c1 and outputs 2, 3 see c2, c3.
            T[] weights = TestData.Values<T>(
                1, 0, /**/ 0, 1,   // o0 = c0[x] + c1[x+1]
                0, 1, /**/ 2, 0,   // o1 = c0[x+1] + 2·c1[x]
                1, 1, /**/ 0, 0,   // o2 = c2[x] + c2[x+1]
                0, 0, /**/ 1, -1); // o3 = c3[x] − c3[x+1]
            T[] expected = TestData.Values<T>(
                2, 1,   // o0: [1 + 1, 2 + (−1)]
                2, 5,   // o1: [2 + 2·0, 3 + 2·1]
                2, 1,   // o2: [2 + 0, 0 + 1]
                -2, 0); // o3: [−1 − 1, 1 − 1]

            var output = new T[8];
            ReferenceKernels.Conv1D<T>(input, weights, [], output, 3, 2, inChannels: 4, outChannels: 4, groups: 2);
            Assert.Equal(expected, output);

            // With one group the same 4 × 2 weights would be too short for [4, 4, 2].
            Assert.Throws<ArgumentException>(() =>
                ReferenceKernels.Conv1D<T>(input, weights, [], output, 3, 2, inChannels: 4, outChannels: 4, groups: 1));
        }
    }

    [Fact]
    public void Two_in_four_out_two_groups_gives_two_outputs_per_input_channel()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // c0 = [1, 2], c1 = [3, −1]; one tap per output: w = [1, 2, 3, 4]
            // o0 = 1·c0 = [1, 2], o1 = 2·c0 = [2, 4], o2 = 3·c1 = [9, −3], o3 = 4·c1 = [12, −4];
            // plus bias [0, 1, 0, −1]: [1, 2], [3, 5], [9, −3], [11, −5]
            T[] input = TestData.Values<T>(1, 2, 3, -1);
            var output = new T[8];
            ReferenceKernels.Conv1D<T>(input, TestData.Values<T>(1, 2, 3, 4), TestData.Values<T>(0, 1, 0, -1), output, 2, 1,
                inChannels: 2, outChannels: 4, groups: 2);
            Assert.Equal(TestData.Values<T>(1, 2, 3, 5, 9, -3, 11, -5), output);
        }
    }

    [Fact]
    public void Four_in_two_out_two_groups_sums_within_each_group()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // c0..c3 = [1], [10], [100], [1000] (length 1); w = [o0: 1, 2 | o1: 3, 4]
            // o0 = 1·c0 + 2·c1 = 21, o1 = 3·c2 + 4·c3 = 4300
            var output = new T[2];
            ReferenceKernels.Conv1D<T>(TestData.Values<T>(1, 10, 100, 1000), TestData.Values<T>(1, 2, 3, 4), [], output, 1, 1,
                inChannels: 4, outChannels: 2, groups: 2);
            Assert.Equal(TestData.Values<T>(21, 4300), output);
        }
    }

    [Fact]
    public void Depthwise_2D_three_channels_by_hand()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] input = TestData.Values<T>(
                1, 2, 3, /**/ 4, 5, 6, /**/ 7, 8, 9,     // c0
                1, 0, 2, /**/ 0, 3, 0, /**/ 4, 0, 5,     // c1
                2, -1, 0, /**/ 1, 1, 1, /**/ 0, 2, -2);  // c2
            T[] weights = TestData.Values<T>(
                1, 0, /**/ 0, 0,   // o0: the top-left of each 2 × 2 window
                1, 1, /**/ 1, 1,   // o1: the window sum
                0, 1, /**/ -1, 0); // o2: in[y][x+1] − in[y+1][x]
            T[] expected = TestData.Values<T>(
                1, 2, /**/ 4, 5,    // c0 top-lefts
                4, 5, /**/ 7, 8,    // 1+0+0+3, 0+2+3+0, 0+3+4+0, 3+0+0+5
                -2, -1, /**/ 1, -1); // −1−1, 0−1, 1−0, 1−2

            var output = new T[12];
            ReferenceKernels.Conv2D<T>(input, weights, [], output, 3, 3, 2, 2, inChannels: 3, outChannels: 3, groups: 3);
            Assert.Equal(expected, output);
        }
    }

    [Fact]
    public void Depthwise_1D_Same_with_bias_by_hand()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // c0 = [1, 2, 3, 4] with [1, 1, 1] (pad 1 / 1): [0+1+2, 1+2+3, 2+3+4, 3+4+0] = [3, 6, 9, 7], bias 1 → [4, 7, 10, 8]
            // c1 = [4, 0, −4, 2] with [−1, 0, 1]: [−0 + 0, −4 + (−4), −0 + 2, −(−4) + 0] = [0, −8, 2, 4], bias −1 → [−1, −9, 1, 3]
            var output = new T[8];
            ReferenceKernels.Conv1D<T>(TestData.Values<T>(1, 2, 3, 4, 4, 0, -4, 2), TestData.Values<T>(1, 1, 1, -1, 0, 1),
                TestData.Values<T>(1, -1), output, 4, 3, Padding.Same, inChannels: 2, outChannels: 2, groups: 2);
            Assert.Equal(TestData.Values<T>(4, 7, 10, 8, -1, -9, 1, 3), output);
        }
    }

    [Fact]
    public void Grouped_convolution_equals_a_dense_convolution_per_group()
    {
        Check<float>(141);
        Check<double>(142);

        static void Check<T>(int seed) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            int grouped = 0;
            for (int n = 0; n < 200; n++)
            {
                ConvCase c = rng.Next(2) == 0 ? ConvCase.Random1D(rng) : ConvCase.Random2D(rng);
                grouped += c.Groups > 1 ? 1 : 0;
                T[] x = TestData.Integers<T>(rng, c.InputLength), w = TestData.Integers<T>(rng, c.WeightsLength);
                T[] bias = TestData.Integers<T>(rng, c.OutChannels);
                T[] all = c.Run<T>(x, w, bias);

                int inPerGroup = c.InChannels / c.Groups, outPerGroup = c.OutChannels / c.Groups;
                var dense = c with { InChannels = inPerGroup, OutChannels = outPerGroup, Groups = 1 };
                int inSlice = dense.InputLength, weightSlice = dense.WeightsLength, outSlice = dense.OutputLength;
                for (int g = 0; g < c.Groups; g++)
                {
                    T[] part = dense.Run<T>(x.AsSpan(g * inSlice, inSlice), w.AsSpan(g * weightSlice, weightSlice), bias.AsSpan(g * outPerGroup, outPerGroup));
                    Tolerance.AssertExact<T>(part, all.AsSpan(g * outSlice, outSlice), $"{c}, group {g}");
                }
            }

            Assert.True(grouped > 100, "most random cases must have several groups");
        }
    }
}
