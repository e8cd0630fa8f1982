using KernelGen.Tests.Support;

namespace KernelGen.Tests.Shapes;

/// <summary><see cref="ShapeMath"/> against the size and padding table of docs/semantics.md, “What a kernel computes”.</summary>
public class ShapeMathTests
{
    private static readonly Padding[] AllPaddings = [Padding.Valid, Padding.Same, Padding.Full];

    [Fact]
    public void EffectiveSize_is_dilation_times_taps_minus_one_plus_one()
    {
        for (int k = 1; k <= 12; k++)
        {
            for (int d = 1; d <= 5; d++)
            {
                Assert.Equal(d * (k - 1) + 1, ShapeMath.EffectiveSize(k, d));
            }
        }

        Assert.Equal(7, ShapeMath.EffectiveSize(7));
    }

    [Theory]
    [InlineData(0, 1, "kernelSize")]
    [InlineData(-3, 1, "kernelSize")]
    [InlineData(3, 0, "dilation")]
    [InlineData(3, -1, "dilation")]
    [InlineData(3, int.MaxValue, "dilation")] // 2·(2^31 − 1) + 1 does not fit an int
    public void EffectiveSize_rejects_bad_arguments(int kernelSize, int dilation, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ShapeMath.EffectiveSize(kernelSize, dilation));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Dimension_matches_the_table_over_a_grid()
    {
        int checkedCases = 0, emptyValid = 0;
        for (int n = 1; n <= 24; n++)
        {
            for (int k = 1; k <= 7; k++)
            {
                for (int s = 1; s <= 4; s++)
                {
                    for (int d = 1; d <= 3; d++)
                    {
                        foreach (Padding padding in AllPaddings)
                        {
                            var (output, before, after) = ExpectedShape.Extent(n, k, s, d, padding);
                            DimensionExtent actual = ShapeMath.Dimension(n, k, s, d, padding);
                            Assert.Equal(new DimensionExtent(output, before, after), actual);
                            CheckConsistent(n, k, s, d, padding, actual);
                            checkedCases++;
                            emptyValid += padding == Padding.Valid && output == 0 ? 1 : 0;
                        }
                    }
                }
            }
        }

        Assert.Equal(24 * 7 * 4 * 3 * 3, checkedCases);
        Assert.True(emptyValid > 0, "the grid must include Valid inputs shorter than the window");
    }

    // Properties that hold whatever the formula: the padded input holds every window, and no output is wasted.
    private static void CheckConsistent(int n, int k, int s, int d, Padding padding, DimensionExtent e)
    {
        int keff = d * (k - 1) + 1;
        string at = $"n={n} k={k} s={s} d={d} {padding}: {e}";
        Assert.True(e.PadBefore >= 0 && e.PadAfter >= 0, at);
        if (e.Output == 0)
        {
            Assert.True(padding == Padding.Valid && n < keff, at);
            return;
        }

        // The last window fits into the padded input ...
        Assert.True((e.Output - 1) * s + keff <= n + e.PadBefore + e.PadAfter, at);

        // ... and starts on an input element or before one; the next window would not.
        Assert.True((e.Output - 1) * s - e.PadBefore <= n - 1, at);
        switch (padding)
        {
            case Padding.Valid:
                Assert.True(e.PadBefore == 0 && e.PadAfter == 0, at);
                Assert.True(e.Output * s + keff > n, at); // one more output would not fit
                break;
            case Padding.Same:
                Assert.True(e.Output * s >= n && (e.Output - 1) * s < n, at); // ceil(n / s)
                Assert.True(e.PadAfter - e.PadBefore is 0 or 1, at); // split evenly, the odd one after
                int total = e.PadBefore + e.PadAfter;
                Assert.True(total == 0 || (e.Output - 1) * s + keff == n + total, at); // no more padding than needed
                if (s == 1)
                {
                    Assert.True(e.Output == n && total == keff - 1, at);
                }

                break;
            case Padding.Full:
                Assert.True(e.PadBefore == keff - 1 && e.PadAfter == keff - 1, at);
                Assert.True(e.Output * s - e.PadBefore > n - 1, at); // one more output would start past the input
                if (s == 1)
                {
                    Assert.Equal(n + keff - 1, e.Output);
                }

                break;
        }
    }

    [Theory]
    [InlineData(5, 3, 1, 1, Padding.Same, 5, 1, 1)] // the documented example
    [InlineData(7, 3, 2, 1, Padding.Valid, 3, 0, 0)] // floor(4/2) + 1
    [InlineData(7, 3, 2, 1, Padding.Same, 4, 1, 1)] // ceil(7/2) = 4, total = 3·2 + 3 − 7 = 2
    [InlineData(6, 3, 2, 1, Padding.Same, 3, 0, 1)] // total = 2·2 + 3 − 6 = 1: the odd one goes after
    [InlineData(5, 3, 1, 2, Padding.Same, 5, 2, 2)] // Keff = 5, total = 4
    [InlineData(4, 2, 2, 1, Padding.Same, 2, 0, 0)] // total = 2 + 2 − 4 = 0
    [InlineData(5, 1, 3, 1, Padding.Same, 2, 0, 0)] // total = max(3 + 1 − 5, 0) = 0
    [InlineData(8, 4, 1, 1, Padding.Same, 8, 1, 2)] // even window: total 3
    [InlineData(3, 2, 1, 1, Padding.Full, 4, 1, 1)] // n + Keff − 1
    [InlineData(5, 3, 2, 1, Padding.Full, 4, 2, 2)] // floor(6/2) + 1
    [InlineData(4, 3, 1, 2, Padding.Full, 8, 4, 4)] // Keff = 5: floor(7/1) + 1
    [InlineData(4, 5, 1, 1, Padding.Valid, 0, 0, 0)] // n < Keff
    [InlineData(4, 3, 1, 2, Padding.Valid, 0, 0, 0)] // n < Keff = 5
    [InlineData(5, 3, 1, 2, Padding.Valid, 1, 0, 0)] // n = Keff
    [InlineData(1, 9, 4, 3, Padding.Same, 1, 12, 12)] // Keff = 25, total 24
    public void Dimension_of_hand_worked_rows(int n, int k, int s, int d, Padding padding, int output, int before, int after)
        => Assert.Equal(new DimensionExtent(output, before, after), ShapeMath.Dimension(n, k, s, d, padding));

    [Fact]
    public void Dimension_defaults_are_stride_1_dilation_1_Valid()
        => Assert.Equal(new DimensionExtent(8, 0, 0), ShapeMath.Dimension(10, 3));

    [Theory]
    [InlineData(0, 3, 1, 1, Padding.Valid, "inputSize")]
    [InlineData(-1, 3, 1, 1, Padding.Same, "inputSize")]
    [InlineData(5, 0, 1, 1, Padding.Valid, "kernelSize")]
    [InlineData(5, -2, 1, 1, Padding.Full, "kernelSize")]
    [InlineData(5, 3, 0, 1, Padding.Valid, "stride")]
    [InlineData(5, 3, -1, 1, Padding.Valid, "stride")]
    [InlineData(5, 3, 1, 0, Padding.Valid, "dilation")]
    [InlineData(5, 3, 1, 1, (Padding)3, "padding")]
    public void Dimension_rejects_bad_arguments(int n, int k, int s, int d, Padding padding, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ShapeMath.Dimension(n, k, s, d, padding));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Dimension_does_not_overflow_near_int_MaxValue()
    {
        // Full: (n + Keff − 2)/s + 1 with n + Keff − 2 > int.MaxValue, computed without wrapping.
        Assert.Equal(new DimensionExtent(1_073_741_824, 1_000, 1_000), ShapeMath.Dimension(int.MaxValue - 1000, 1001, 2, 1, Padding.Full));
        Assert.Equal(new DimensionExtent(1, 0, 0), ShapeMath.Dimension(int.MaxValue, int.MaxValue));
        Assert.Equal(new DimensionExtent(int.MaxValue, 0, 0), ShapeMath.Dimension(int.MaxValue, 1, 1, 1, Padding.Same));

        // n + Keff − 1 outputs do not fit an int.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ShapeMath.Dimension(int.MaxValue, 2, 1, 1, Padding.Full));
        Assert.Equal("inputSize", e.ParamName);
    }
}
