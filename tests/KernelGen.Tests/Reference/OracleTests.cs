using System.Numerics;
using KernelGen.Tests.Support;

namespace KernelGen.Tests.Reference;

/// <summary>
/// The reference kernels against the independent double-precision <see cref="Oracle"/> over random
/// configurations of every option (padding, stride, dilation, channels, groups, flip, bias, Relu).
/// </summary>
public class OracleTests
{
    private const int Cases = 300;

    [Theory]
    [InlineData(false, 111)]
    [InlineData(true, 112)]
    public void Convolution_matches_the_oracle(bool is2D, int seed)
    {
        Check<float>(is2D, seed);
        Check<double>(is2D, seed + 1000);

        static void Check<T>(bool is2D, int seed) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                ConvCase c = is2D ? ConvCase.Random2D(rng) : ConvCase.Random1D(rng);
                T[] x = TestData.Reals<T>(rng, c.InputLength), w = TestData.Reals<T>(rng, c.WeightsLength);
                T[]? bias = rng.Next(2) == 0 ? TestData.Reals<T>(rng, c.OutChannels) : null;
                var activation = rng.Next(2) == 0 ? Activation.Relu : Activation.None;
                T[] actual = c.Run<T>(x, w, bias, activation);
                OracleResult expected = Oracle.Convolve(c, TestData.ToDouble<T>(x), TestData.ToDouble<T>(w),
                    bias is null ? null : TestData.ToDouble<T>(bias), activation == Activation.Relu);
                Tolerance.AssertClose<T>(expected.Values, actual, expected.AbsoluteSums, expected.Terms, $"{c}, bias={bias is not null}, {activation}");
            }
        }
    }

    [Theory]
    [InlineData(false, true, 121)]
    [InlineData(false, false, 122)]
    [InlineData(true, true, 123)]
    [InlineData(true, false, 124)]
    public void Pooling_matches_the_oracle(bool is2D, bool isMax, int seed)
    {
        Check<float>(is2D, isMax, seed);
        Check<double>(is2D, isMax, seed + 1000);

        static void Check<T>(bool is2D, bool isMax, int seed) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                PoolCase p = PoolCase.Random(rng, is2D);
                T[] x = TestData.Reals<T>(rng, p.InputLength);
                T[] actual = p.Run<T>(x, isMax);
                double[] expected = Oracle.Pool(p, TestData.ToDouble<T>(x), isMax);
                if (isMax)
                {
                    Tolerance.AssertExact<T>(expected.Select(T.CreateChecked).ToArray(), actual, p.ToString()); // a max is one of the inputs
                }
                else
                {
                    double[] scale = Enumerable.Repeat(1.0, expected.Length).ToArray(); // |x| < 1
                    Tolerance.AssertClose<T>(expected, actual, scale, p.WindowHeight * p.WindowWidth + 1, p.ToString());
                }
            }
        }
    }
}
