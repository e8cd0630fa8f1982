namespace KernelGen.Tests.Support;

/// <summary>
/// The matrix-vector path of convolutions whose window covers the whole input: every output is its weights' dot
/// product with its group's input, plus the bias, then ReLU, whether it goes four at a time (a group with four more
/// outputs, rows of two vectors or more) or alone, and whatever tail the rows leave past their vectors.
/// </summary>
public sealed class KernelDotProductsTests
{
    [Theory]
    [InlineData(9, 400, 9)] // LeNet-5's last layer, in miniature: two groups of four, then one alone
    [InlineData(8, 33, 4)] // four a group, a one-element tail
    [InlineData(6, 47, 3)] // groups too small for four
    [InlineData(6, 16, 6)] // two 256-bit vectors and no tail
    [InlineData(5, 65, 5)]
    [InlineData(4, 3, 1)] // shorter than a vector: one at a time
    public void Float_EveryOutputIsItsDotProduct(int outputs, int length, int outputsPerGroup)
        => AssertDotProducts<float>(outputs, length, outputsPerGroup, 1e-5);

    [Theory]
    [InlineData(9, 400, 9)]
    [InlineData(8, 17, 8)] // four 256-bit vectors of doubles and a one-element tail
    [InlineData(8, 9, 4)]
    [InlineData(5, 31, 5)]
    public void Double_EveryOutputIsItsDotProduct(int outputs, int length, int outputsPerGroup)
        => AssertDotProducts<double>(outputs, length, outputsPerGroup, 1e-12);

    private static void AssertDotProducts<T>(int outputs, int length, int outputsPerGroup, double tolerance)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        var random = new Random(outputs * 1000 + length);
        int groups = outputs / outputsPerGroup;
        T[] input = Fill<T>(random, groups * length), weights = Fill<T>(random, outputs * length), bias = Fill<T>(random, outputs);
        foreach (bool relu in new[] { false, true })
        {
            foreach (bool withBias in new[] { false, true })
            {
                T[] output = Enumerable.Repeat(T.CreateChecked(-7), outputs + 1).ToArray(); // one past the outputs, never written
                KernelDotProducts.MatrixVector<T>(input, weights, withBias ? bias : [], output.AsSpan(0, outputs), outputs, length, outputsPerGroup, relu);
                for (int o = 0; o < outputs; o++)
                {
                    double expected = withBias ? double.CreateChecked(bias[o]) : 0;
                    for (int k = 0; k < length; k++)
                    {
                        expected += double.CreateChecked(weights[o * length + k]) * double.CreateChecked(input[o / outputsPerGroup * length + k]);
                    }

                    expected = relu ? Math.Max(expected, 0) : expected;
                    Assert.True(Math.Abs(double.CreateChecked(output[o]) - expected) <= tolerance * (1 + Math.Abs(expected)) * length,
                        $"output {o} (relu {relu}, bias {withBias}): {output[o]} against {expected}");
                }

                Assert.Equal(T.CreateChecked(-7), output[outputs]);
            }
        }
    }

    private static T[] Fill<T>(Random random, int length)
        where T : System.Numerics.INumber<T>
        => [.. Enumerable.Range(0, length).Select(_ => T.CreateChecked(random.NextDouble() * 2 - 1))];
}
