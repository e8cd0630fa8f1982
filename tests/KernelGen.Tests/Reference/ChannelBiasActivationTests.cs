using System.Numerics;
using KernelGen.Tests.Support;

namespace KernelGen.Tests.Reference;

/// <summary>Multi-channel sums, bias and Relu: by hand and as properties.</summary>
public class ChannelBiasActivationTests
{
    [Fact]
    public void Input_channels_are_summed()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // in c0 = [1, 2, 3], c1 = [4, 5, 6]; w[0, c0] = [1, 1], w[0, c1] = [1, −1]
            // out[x] = c0[x] + c0[x+1] + c1[x] − c1[x+1]: [1+2 + 4−5, 2+3 + 5−6] = [2, 4]
            T[] input = TestData.Values<T>(1, 2, 3, 4, 5, 6), weights = TestData.Values<T>(1, 1, 1, -1);
            var output = new T[2];
            ReferenceKernels.Conv1D<T>(input, weights, [], output, 3, 2, inChannels: 2);
            Assert.Equal(TestData.Values<T>(2, 4), output);

            // bias [10] is added to every output: [12, 14]
            ReferenceKernels.Conv1D<T>(input, weights, TestData.Values<T>(10), output, 3, 2, inChannels: 2);
            Assert.Equal(TestData.Values<T>(12, 14), output);
        }
    }

    [Fact]
    public void Each_output_channel_has_its_own_weights_bias_and_Relu()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // 1 in, 2 out, 1 tap: w = [2, −3], in = [1, −1, 2]
            // o0 = 2·in = [2, −2, 4], o1 = −3·in = [−3, 3, −6]
            T[] input = TestData.Values<T>(1, -1, 2), weights = TestData.Values<T>(2, -3);
            var output = new T[6];
            ReferenceKernels.Conv1D<T>(input, weights, [], output, 3, 1, outChannels: 2);
            Assert.Equal(TestData.Values<T>(2, -2, 4, -3, 3, -6), output);

            // bias [1, 2]: o0 = [3, −1, 5], o1 = [−1, 5, −4]
            T[] bias = TestData.Values<T>(1, 2);
            ReferenceKernels.Conv1D<T>(input, weights, bias, output, 3, 1, outChannels: 2);
            Assert.Equal(TestData.Values<T>(3, -1, 5, -1, 5, -4), output);

            // Relu clamps the negatives: o0 = [3, 0, 5], o1 = [0, 5, 0]
            ReferenceKernels.Conv1D<T>(input, weights, bias, output, 3, 1, outChannels: 2, activation: Activation.Relu);
            Assert.Equal(TestData.Values<T>(3, 0, 5, 0, 5, 0), output);
        }
    }

    [Fact]
    public void Relu_is_applied_after_the_bias()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // sums [−1, 1] (in [−1, 1], w [1]); bias 3: relu(−1 + 3) = 2, not relu(−1) + 3 = 3.
            var output = new T[2];
            ReferenceKernels.Conv1D<T>(TestData.Values<T>(-1, 1), TestData.Values<T>(1), TestData.Values<T>(3), output, 2, 1, activation: Activation.Relu);
            Assert.Equal(TestData.Values<T>(2, 4), output);

            // bias −3: relu(1 − 3) = 0, not relu(1) − 3 = −2.
            ReferenceKernels.Conv1D<T>(TestData.Values<T>(-1, 1), TestData.Values<T>(1), TestData.Values<T>(-3), output, 2, 1, activation: Activation.Relu);
            Assert.Equal(TestData.Values<T>(0, 0), output);
        }
    }

    [Fact]
    public void Relu_keeps_NaN()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            var output = new T[4];
            T[] input = TestData.Values<T>(-2, double.NaN, 3, -1);
            ReferenceKernels.Conv2D<T>(input, TestData.Values<T>(1), [], output, 2, 2, 1, 1, activation: Activation.Relu);
            Assert.Equal(T.Zero, output[0]);
            Assert.True(T.IsNaN(output[1]), $"Relu(NaN) gave {output[1]}");
            Assert.Equal(T.CreateChecked(3), output[2]);
            Assert.Equal(T.Zero, output[3]);
        }
    }

    [Fact]
    public void Bias_adds_its_channel_value_and_Relu_clamps_over_random_shapes()
    {
        Check<float>(131);
        Check<double>(132);

        static void Check<T>(int seed) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            int clamped = 0, kept = 0;
            for (int n = 0; n < 200; n++)
            {
                ConvCase c = rng.Next(2) == 0 ? ConvCase.Random1D(rng) : ConvCase.Random2D(rng);
                T[] x = TestData.Integers<T>(rng, c.InputLength), w = TestData.Integers<T>(rng, c.WeightsLength);
                T[] bias = TestData.Integers<T>(rng, c.OutChannels, 9);
                T[] plain = c.Run<T>(x, w);
                T[] biased = c.Run<T>(x, w, bias);
                T[] relu = c.Run<T>(x, w, bias, Activation.Relu);
                int perChannel = c.OutputLength / c.OutChannels;
                for (int i = 0; i < plain.Length; i++)
                {
                    T expected = plain[i] + bias[i / perChannel];
                    Assert.True(expected == biased[i], $"{c}: [{i}] {biased[i]} != {plain[i]} + bias {bias[i / perChannel]}");
                    Assert.True(T.Max(expected, T.Zero) == relu[i], $"{c}: [{i}] relu {relu[i]} of {expected}");
                    Assert.True(relu[i] >= T.Zero, $"{c}: negative after Relu");
                    clamped += expected < T.Zero ? 1 : 0;
                    kept += expected > T.Zero ? 1 : 0;
                }
            }

            Assert.True(clamped > 100 && kept > 100, $"clamped {clamped}, kept {kept}: the data must exercise both sides of Relu");
        }
    }
}
