using System.Numerics;
using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// A NaN in a max-pool window gives NaN (docs/semantics.md, “What a kernel computes”), on every vector path and in every lane: one NaN is placed
/// at each position of an image (or a spread of positions for large windows), and exactly the outputs whose window
/// covers it, computed here from the geometry alone, must be NaN; all others must equal the reference.
/// </summary>
public sealed class MaxPoolNaNTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => KernelCatalog.Names(KernelFamily.MaxPool1D, KernelFamily.MaxPool2D);

    [Theory]
    [MemberData(nameof(Cases))]
    public void NaNInWindowGivesNaN(string kernel)
    {
        switch (KernelCatalog.Get(kernel))
        {
            case KernelCase<float> f:
                Check(f);
                break;
            case KernelCase<double> d:
                Check(d);
                break;
            default:
                Assert.Fail($"{kernel} has an unexpected element type.");
                break;
        }
    }

    private void Check<T>(KernelCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Wide enough for a full 512-bit vector plus a tail and both borders; tall enough for border and interior rows.
        int height = c.Is2D ? c.KernelHeight + 4 : 1;
        int width = Math.Max(2 * c.KernelWidth + 21, 37);
        int channels = c.InChannels;
        (int outHeight, int outWidth) = c.OutputShape(height, width);
        DimensionExtent rows = ShapeMath.Dimension(height, c.KernelHeight, c.StrideHeight, 1, c.Padding);
        DimensionExtent columns = ShapeMath.Dimension(width, c.KernelWidth, c.StrideWidth, 1, c.Padding);

        int plane = height * width;
        var positions = Enumerable.Range(0, channels * plane).ToList();
        if (positions.Count > 400)
        {
            var random = new Random(7);
            positions = positions.Where(p => p % plane % width is 0 or 1 || p % plane / width == 0 || random.Next(6) == 0).ToList();
        }

        int nanOutputs = 0;
        foreach (int p in positions)
        {
            int pc = p / plane, py = p % plane / width, px = p % width;
            T[] input = TestData.Random<T>(channels * plane, p);
            input[p] = T.NaN;
            var actual = new T[c.OutputLength(height, width) + 3];
            actual.AsSpan().Fill(T.CreateTruncating(12345.0));
            var expected = new T[c.OutputLength(height, width)];
            c.Generated(input, default, default, actual, height, width);
            c.RunReference(input, default, default, expected, height, width, Activation.None);

            for (int o = 0; o < channels; o++)
            {
                for (int y = 0; y < outHeight; y++)
                {
                    for (int x = 0; x < outWidth; x++)
                    {
                        int top = y * c.StrideHeight - rows.PadBefore, left = x * c.StrideWidth - columns.PadBefore;
                        bool covered = o == pc && py >= top && py < top + c.KernelHeight && px >= left && px < left + c.KernelWidth;
                        int i = (o * outHeight + y) * outWidth + x;
                        T value = actual[i];
                        string at = $"{c.Name}: NaN at input [{pc}, {py}, {px}] of {channels}x{height}x{width}, output [{o}, {y}, {x}]";
                        if (covered)
                        {
                            Assert.True(T.IsNaN(value), $"{at}: the window covers the NaN but the output is {value}.");
                            nanOutputs++;
                        }
                        else
                        {
                            Assert.False(T.IsNaN(value), $"{at}: the window does not cover the NaN but the output is NaN.");
                            Assert.True(value == expected[i], $"{at}: expected {expected[i]}, actual {value}.");
                        }
                    }
                }
            }

            Assert.True(actual.AsSpan(expected.Length).ToArray().All(v => v == T.CreateTruncating(12345.0)),
                $"{c.Name}: wrote past the output shape.");
        }

        output.WriteLine($"{c.Name}: {positions.Count} NaN positions, {nanOutputs} NaN outputs checked");
        Assert.True(nanOutputs >= positions.Count / 2, $"{c.Name}: too few windows covered a NaN ({nanOutputs}).");
    }
}
