using System.Numerics;
using KernelGen.Tests.Support;

namespace KernelGen.Tests.Reference;

/// <summary>
/// Algebraic properties of the reference convolutions over a few hundred random shapes each (fixed seeds).
/// Integer-valued data makes every sum exact, so those properties are checked for exact equality; the real-valued
/// variants use a tolerance scaled by the sum of the absolute products.
/// </summary>
public class PropertyTests
{
    private const int Cases = 300;

    [Fact]
    public void Area_identity_1D_sum_of_full_convolution_is_product_of_sums()
    {
        Check<float>(11);
        Check<double>(12);

        static void Check<T>(int seed) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                var c = new ConvCase(false, 1, rng.Next(1, 13), 1, rng.Next(1, 7), Padding.Full, 1, rng.Next(1, 4), 1, 1, 1, rng.Next(2) == 0);
                T[] f = TestData.Integers<T>(rng, c.InputLength, 5), g = TestData.Integers<T>(rng, c.WeightsLength, 5);
                T[] output = c.Run<T>(f, g);
                Assert.True(TestData.Sum<T>(output) == TestData.Sum<T>(f) * TestData.Sum<T>(g), $"{c}");
            }
        }
    }

    [Fact]
    public void Area_identity_2D_sum_of_full_convolution_is_product_of_sums()
    {
        Check<float>(21);
        Check<double>(22);

        static void Check<T>(int seed) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                var c = new ConvCase(true, rng.Next(1, 8), rng.Next(1, 8), rng.Next(1, 5), rng.Next(1, 5), Padding.Full, 1,
                    rng.Next(1, 3), 1, 1, 1, rng.Next(2) == 0);
                T[] f = TestData.Integers<T>(rng, c.InputLength, 5), g = TestData.Integers<T>(rng, c.WeightsLength, 5);
                T[] output = c.Run<T>(f, g);
                Assert.True(TestData.Sum<T>(output) == TestData.Sum<T>(f) * TestData.Sum<T>(g), $"{c}");
            }
        }
    }

    [Fact]
    public void Translation_equivariance_1D_away_from_the_borders()
    {
        TranslationEquivariance<float>(31, is2D: false);
        TranslationEquivariance<double>(32, is2D: false);
    }

    [Fact]
    public void Translation_equivariance_2D_away_from_the_borders()
    {
        TranslationEquivariance<float>(41, is2D: true);
        TranslationEquivariance<double>(42, is2D: true);
    }

    // Shifting the input by m·stride positions (zeros enter at the start) shifts every output whose window lies
    // inside the part of the input that is still present after the shift by m positions.
    private static void TranslationEquivariance<T>(int seed, bool is2D)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Random(seed);
        long comparedOutputs = 0;
        for (int n = 0; n < Cases; n++)
        {
            ConvCase c = is2D ? ConvCase.Random2D(rng, maxDilation: 2) : ConvCase.Random1D(rng, maxDilation: 2);
            c = c with { Height = c.Height + (is2D ? 4 : 0), Width = c.Width + 6 }; // room to shift
            int my = is2D ? rng.Next(0, 3) : 0, mx = rng.Next(is2D && my == 0 ? 1 : 0, 3);
            if (my == 0 && mx == 0)
            {
                mx = 1;
            }

            int ty = my * c.Stride, tx = mx * c.Stride;
            T[] x = TestData.Integers<T>(rng, c.InputLength), w = TestData.Integers<T>(rng, c.WeightsLength);
            var shifted = new T[x.Length];
            for (int ch = 0; ch < c.InChannels; ch++)
            {
                for (int y = ty; y < c.Height; y++)
                {
                    for (int i = tx; i < c.Width; i++)
                    {
                        shifted[(ch * c.Height + y) * c.Width + i] = x[(ch * c.Height + y - ty) * c.Width + i - tx];
                    }
                }
            }

            T[] output = c.Run<T>(x, w), outputShifted = c.Run<T>(shifted, w);
            var (rows, columns) = (c.Rows, c.Columns);
            int keffH = ExpectedShape.Effective(c.KernelHeight, c.Dilation), keffW = ExpectedShape.Effective(c.KernelWidth, c.Dilation);
            for (int o = 0; o < c.OutChannels; o++)
            {
                for (int oy = 0; oy + my < rows.Output; oy++)
                {
                    int top = oy * c.Stride - rows.Before;
                    if (top < 0 || top + keffH > c.Height - ty)
                    {
                        continue; // the window touches a border
                    }

                    for (int ox = 0; ox + mx < columns.Output; ox++)
                    {
                        int left = ox * c.Stride - columns.Before;
                        if (left < 0 || left + keffW > c.Width - tx)
                        {
                            continue;
                        }

                        T before = output[(o * rows.Output + oy) * columns.Output + ox];
                        T after = outputShifted[(o * rows.Output + oy + my) * columns.Output + ox + mx];
                        Assert.True(before == after, $"{c}, shift ({ty}, {tx}): output ({o}, {oy}, {ox}) {before} moved to {after}");
                        comparedOutputs++;
                    }
                }
            }
        }

        Assert.True(comparedOutputs > Cases, $"only {comparedOutputs} outputs were away from the borders");
    }

    [Fact]
    public void Linearity_in_the_input_with_integers_is_exact()
    {
        Check<float>(51, is2D: false);
        Check<float>(52, is2D: true);
        Check<double>(53, is2D: false);
        Check<double>(54, is2D: true);

        static void Check<T>(int seed, bool is2D) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                ConvCase c = is2D ? ConvCase.Random2D(rng) : ConvCase.Random1D(rng);
                T a = T.CreateChecked(rng.Next(-3, 4)), b = T.CreateChecked(rng.Next(-3, 4));
                T[] x = TestData.Integers<T>(rng, c.InputLength), y = TestData.Integers<T>(rng, c.InputLength);
                T[] w = TestData.Integers<T>(rng, c.WeightsLength);
                T[] combined = x.Zip(y, (xi, yi) => a * xi + b * yi).ToArray();
                T[] left = c.Run<T>(combined, w);
                T[] cx = c.Run<T>(x, w), cy = c.Run<T>(y, w);
                T[] right = cx.Zip(cy, (u, v) => a * u + b * v).ToArray();
                Tolerance.AssertExact<T>(right, left, $"{c}, a={a}, b={b}");
            }
        }
    }

    [Fact]
    public void Linearity_in_the_input_with_reals_within_tolerance()
    {
        Check<float>(61, is2D: false);
        Check<float>(62, is2D: true);
        Check<double>(63, is2D: false);
        Check<double>(64, is2D: true);

        static void Check<T>(int seed, bool is2D) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                ConvCase c = is2D ? ConvCase.Random2D(rng) : ConvCase.Random1D(rng);
                double a = rng.NextDouble() * 4 - 2, b = rng.NextDouble() * 4 - 2;
                T[] x = TestData.Reals<T>(rng, c.InputLength), y = TestData.Reals<T>(rng, c.InputLength);
                T[] w = TestData.Reals<T>(rng, c.WeightsLength);
                T ta = T.CreateChecked(a), tb = T.CreateChecked(b);
                T[] combined = x.Zip(y, (xi, yi) => ta * xi + tb * yi).ToArray();
                T[] left = c.Run<T>(combined, w);
                T[] cx = c.Run<T>(x, w), cy = c.Run<T>(y, w);
                double[] right = cx.Zip(cy, (u, v) => double.CreateChecked(ta * u + tb * v)).ToArray();

                // Scale: |a|·Σ|x·w| + |b|·Σ|y·w| per output, from the double oracle.
                double[] wd = TestData.ToDouble<T>(w);
                OracleResult ox = Oracle.Convolve(c, TestData.ToDouble<T>(x), wd, null, relu: false);
                OracleResult oy = Oracle.Convolve(c, TestData.ToDouble<T>(y), wd, null, relu: false);
                double[] scale = ox.AbsoluteSums.Zip(oy.AbsoluteSums, (sx, sy) => Math.Abs(a) * sx + Math.Abs(b) * sy).ToArray();
                Tolerance.AssertClose<T>(right, left, scale, 2 * ox.Terms + 4, $"{c}, a={a}, b={b}");
            }
        }
    }

    [Fact]
    public void Flip_equals_cross_correlation_with_the_reversed_kernel_1D()
    {
        FlipIsReversedCorrelation<float>(71, is2D: false);
        FlipIsReversedCorrelation<double>(72, is2D: false);
    }

    [Fact]
    public void Flip_equals_cross_correlation_with_the_reversed_kernel_2D()
    {
        FlipIsReversedCorrelation<float>(81, is2D: true);
        FlipIsReversedCorrelation<double>(82, is2D: true);
    }

    private static void FlipIsReversedCorrelation<T>(int seed, bool is2D)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Random(seed);
        int asymmetric = 0;
        for (int n = 0; n < Cases; n++)
        {
            ConvCase c = is2D ? ConvCase.Random2D(rng) : ConvCase.Random1D(rng);
            T[] x = TestData.Reals<T>(rng, c.InputLength), w = TestData.Reals<T>(rng, c.WeightsLength);
            T[] flipped = c.Run<T>(x, w, flip: true);
            T[] correlated = c.Run<T>(x, c.ReverseWindows<T>(w), flip: false);
            Tolerance.AssertExact<T>(correlated, flipped, c.ToString()); // the same products in the same order
            if (!flipped.AsSpan().SequenceEqual(c.Run<T>(x, w, flip: false)))
            {
                asymmetric++;
            }
        }

        Assert.True(asymmetric > Cases / 2, "Flip must make a difference for most random kernels");
    }

    [Fact]
    public void Same_keeps_the_size_at_stride_1_for_any_window_and_dilation()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(91);
            for (int length = 1; length <= 12; length++)
            {
                for (int k = 1; k <= 7; k++)
                {
                    for (int d = 1; d <= 3; d++)
                    {
                        var c = new ConvCase(false, 1, length, 1, k, Padding.Same, 1, d, 1, 1, 1, false);
                        Assert.Equal(length, ShapeMath.Dimension(length, k, 1, d, Padding.Same).Output);
                        T[] x = TestData.Integers<T>(rng, length), w = TestData.Integers<T>(rng, k);
                        Assert.Equal(length, c.Run<T>(x, w).Length); // exactly `length` outputs are written, no more

                        // ... and no fewer: an output one element short is rejected.
                        var e = Assert.Throws<ArgumentException>(() =>
                            ReferenceKernels.Conv1D<T>(x, w, [], new T[length - 1], length, k, Padding.Same, 1, d));
                        Assert.Equal("output", e.ParamName);
                    }
                }
            }

            for (int n = 0; n < 100; n++)
            {
                var c = new ConvCase(true, rng.Next(1, 9), rng.Next(1, 9), rng.Next(1, 6), rng.Next(1, 6), Padding.Same, 1, rng.Next(1, 4), 1, 1, 1, false);
                T[] x = TestData.Integers<T>(rng, c.InputLength), w = TestData.Integers<T>(rng, c.WeightsLength);
                Assert.Equal(c.Height * c.Width, c.Run<T>(x, w).Length);
                Assert.Throws<ArgumentException>(() => ReferenceKernels.Conv2D<T>(x, w, [], new T[c.Height * c.Width - 1],
                    c.Height, c.Width, c.KernelHeight, c.KernelWidth, Padding.Same, 1, c.Dilation));
            }
        }
    }

    [Fact]
    public void Same_pads_floor_of_half_before_a_one_hot_kernel_shifts_the_input()
    {
        // With weights that are 1 at tap j and 0 elsewhere, Same at stride 1 gives out[i] = in[i + j·d − padBefore]
        // (0 outside), padBefore = floor((Keff − 1)/2). For an odd window and j the centre this is the identity.
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(95);
            for (int length = 1; length <= 10; length++)
            {
                for (int k = 1; k <= 6; k++)
                {
                    for (int d = 1; d <= 3; d++)
                    {
                        int before = (d * (k - 1)) / 2;
                        T[] x = TestData.Integers<T>(rng, length);
                        for (int j = 0; j < k; j++)
                        {
                            var c = new ConvCase(false, 1, length, 1, k, Padding.Same, 1, d, 1, 1, 1, false);
                            T[] w = new T[k];
                            w[j] = T.One;
                            T[] output = c.Run<T>(x, w);
                            for (int i = 0; i < length; i++)
                            {
                                int source = i + j * d - before;
                                T expected = source >= 0 && source < length ? x[source] : T.Zero;
                                Assert.True(expected == output[i], $"n={length} k={k} d={d} tap {j}: out[{i}] = {output[i]}, expected {expected}");
                            }

                            if (k % 2 == 1 && j == k / 2)
                            {
                                Assert.Equal(x, output);
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Full_1D_convolution_commutes()
    {
        Check<float>(101);
        Check<double>(102);

        static void Check<T>(int seed) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var rng = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                int nf = rng.Next(1, 11), ng = rng.Next(1, 11);
                bool integers = n % 2 == 0;
                T[] f = integers ? TestData.Integers<T>(rng, nf) : TestData.Reals<T>(rng, nf);
                T[] g = integers ? TestData.Integers<T>(rng, ng) : TestData.Reals<T>(rng, ng);
                var fg = new ConvCase(false, 1, nf, 1, ng, Padding.Full, 1, 1, 1, 1, 1, true);
                var gf = new ConvCase(false, 1, ng, 1, nf, Padding.Full, 1, 1, 1, 1, 1, true);
                T[] left = fg.Run<T>(f, g), right = gf.Run<T>(g, f);
                Assert.Equal(nf + ng - 1, left.Length);
                if (integers)
                {
                    Tolerance.AssertExact<T>(left, right, $"f*g vs g*f, |f|={nf} |g|={ng}");
                }
                else
                {
                    OracleResult exact = Oracle.Convolve(fg, TestData.ToDouble<T>(f), TestData.ToDouble<T>(g), null, relu: false);
                    Tolerance.AssertClose<T>(exact.Values, left, exact.AbsoluteSums, Math.Max(nf, ng) + 1, "f*g");
                    Tolerance.AssertClose<T>(exact.Values, right, exact.AbsoluteSums, Math.Max(nf, ng) + 1, "g*f");
                }
            }
        }
    }
}
