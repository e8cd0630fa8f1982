using System.Numerics;
using KernelGen.Tests.Support;

namespace KernelGen.Tests.Reference;

/// <summary>Pooling semantics of docs/semantics.md, “What a kernel computes”: in-image windows, counts, NaN and the default stride.</summary>
public class PoolingTests
{
    [Fact]
    public void Documented_examples()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            var one = new T[1];
            ReferenceKernels.MaxPool2D<T>(TestData.Values<T>(1, 2, 3, 4), one, 2, 2, 2, 2);
            Assert.Equal(T.CreateChecked(4), one[0]);
            ReferenceKernels.AvgPool2D<T>(TestData.Values<T>(1, 2, 3, 4), one, 2, 2, 2, 2);
            Assert.Equal(T.CreateChecked(2.5), one[0]);

            var two = new T[2];
            ReferenceKernels.MaxPool1D<T>(TestData.Values<T>(1, 3, 2, 5), two, 4, 2);
            Assert.Equal(TestData.Values<T>(3, 5), two);
            ReferenceKernels.AvgPool1D<T>(TestData.Values<T>(1, 3, 2, 5), two, 4, 2);
            Assert.Equal(TestData.Values<T>(2, 3.5), two);
        }
    }

    [Fact]
    public void Max_with_Same_padding_is_over_in_image_elements_only_1D()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // size 3, stride 1, Same: pad 1 / 1. All inputs negative, so a zero-filled pad would show up as 0 at both ends.
            // [max(−5, −7), max(−5, −7, −4), max(−7, −4, −2), max(−4, −2, −6), max(−2, −6)]
            var output = new T[5];
            ReferenceKernels.MaxPool1D<T>(TestData.Values<T>(-5, -7, -4, -2, -6), output, 5, 3, Padding.Same, stride: 1);
            Assert.Equal(TestData.Values<T>(-5, -4, -2, -2, -2), output);
        }
    }

    [Fact]
    public void Max_with_Same_padding_is_over_in_image_elements_only_2D()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // 2 × 2 window, stride 1, Same on 3 × 3: total 1, so the pad is one row below and one column right.
            // Each window's in-image maximum is its top-left element (values decrease right and down), so the output
            // equals the input; a zero-filled pad would give 0 in the last row and column.
            T[] input = TestData.Values<T>(
                -1, -2, -3,
                -4, -5, -6,
                -7, -8, -9);
            var output = new T[9];
            ReferenceKernels.MaxPool2D<T>(input, output, 3, 3, 2, 2, Padding.Same, stride: 1);
            Assert.Equal(input, output);
        }
    }

    [Fact]
    public void Average_with_Same_padding_divides_by_the_in_image_count()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // size 3, stride 1, Same (pad 1 / 1): [(1+2)/2, (1+2+3)/3, (2+3+4)/3, (3+4+5)/3, (4+5)/2]
            var output = new T[5];
            ReferenceKernels.AvgPool1D<T>(TestData.Values<T>(1, 2, 3, 4, 5), output, 5, 3, Padding.Same, stride: 1);
            Assert.Equal(TestData.Values<T>(1.5, 2, 3, 4, 4.5), output);

            // size 2, default stride 2, Same: ceil(5/2) = 3 windows, total = 2·2 + 2 − 5 = 1 after: [1,2], [3,4], [5]
            var three = new T[3];
            ReferenceKernels.AvgPool1D<T>(TestData.Values<T>(1, 2, 3, 4, 5), three, 5, 2, Padding.Same);
            Assert.Equal(TestData.Values<T>(1.5, 3.5, 5), three);
            ReferenceKernels.MaxPool1D<T>(TestData.Values<T>(1, 2, 3, 4, 5), three, 5, 2, Padding.Same);
            Assert.Equal(TestData.Values<T>(2, 4, 5), three);

            // 2D: 2 × 2 window, stride 1, Same on [[1, 2], [3, 4]]: total 1 + 2 − 2 = 1, one row / column after.
            // (0,0): all four → 10/4; (0,1): column 1 → (2+4)/2; (1,0): row 1 → (3+4)/2; (1,1): 4/1
            var grid = new T[4];
            ReferenceKernels.AvgPool2D<T>(TestData.Values<T>(1, 2, 3, 4), grid, 2, 2, 2, 2, Padding.Same, stride: 1);
            Assert.Equal(TestData.Values<T>(2.5, 3, 3.5, 4), grid);

            // 3 × 3 window, stride 1, Same on [[1, 2, 3], [4, 5, 6], [7, 8, 9]]: pad 1 / 1 in both dimensions.
            // corners average 4 elements, edges 6, the centre 9:
            // (1+2+4+5)/4, (1+…+6)/6, (2+3+5+6)/4 / (1+2+4+5+7+8)/6, 45/9, (2+3+5+6+8+9)/6 / (4+5+7+8)/4, (4+…+9)/6, (5+6+8+9)/4
            var nine = new T[9];
            ReferenceKernels.AvgPool2D<T>(TestData.Values<T>(1, 2, 3, 4, 5, 6, 7, 8, 9), nine, 3, 3, 3, 3, Padding.Same, stride: 1);
            Assert.Equal(TestData.Values<T>(3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7), nine);
        }
    }

    [Fact]
    public void NaN_in_a_max_window_gives_NaN()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            const double NaN = double.NaN;
            var two = new T[2];

            ReferenceKernels.MaxPool1D<T>(TestData.Values<T>(1, NaN, 3, 4), two, 4, 2);
            Assert.True(T.IsNaN(two[0]), $"NaN last in the window gave {two[0]}");
            Assert.Equal(T.CreateChecked(4), two[1]);

            ReferenceKernels.MaxPool1D<T>(TestData.Values<T>(NaN, 1, 2, NaN), two, 4, 2);
            Assert.True(T.IsNaN(two[0]) && T.IsNaN(two[1]), $"NaN first / last in the window gave {two[0]}, {two[1]}");

            // A NaN below larger values, and infinities that are not NaN.
            ReferenceKernels.MaxPool1D<T>(TestData.Values<T>(NaN, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity), two, 4, 2);
            Assert.True(T.IsNaN(two[0]), $"NaN next to +∞ gave {two[0]}");
            Assert.Equal(T.NegativeInfinity, two[1]);

            // 2D, two channels: the NaN stays in its own window and channel.
            T[] input = TestData.Values<T>(
                1, 2, 3, 4,
                5, NaN, 7, 8,
                /* c1 */ 1, 1, 1, 1,
                1, 1, 1, 9);
            var four = new T[4];
            ReferenceKernels.MaxPool2D<T>(input, four, 2, 4, 2, 2, channels: 2);
            Assert.True(T.IsNaN(four[0]));
            Assert.Equal(TestData.Values<T>(8, 1, 9), four[1..]);

            // In a Same-padded border window (size 2, stride 1, pad after): [max(NaN, −1), max(−1, −2), max(−2)]
            var three = new T[3];
            ReferenceKernels.MaxPool1D<T>(TestData.Values<T>(NaN, -1, -2), three, 3, 2, Padding.Same, stride: 1);
            Assert.True(T.IsNaN(three[0]));
            Assert.Equal(TestData.Values<T>(-1, -2), three[1..]);

            // An average of a window with a NaN is NaN too.
            ReferenceKernels.AvgPool1D<T>(TestData.Values<T>(1, NaN, 3, 4), two, 4, 2);
            Assert.True(T.IsNaN(two[0]));
            Assert.Equal(T.CreateChecked(3.5), two[1]);
        }
    }

    [Fact]
    public void Default_stride_is_the_window_1D()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] input = TestData.Values<T>(1, 5, 2, 7, 3, 0, 4);

            // size 3 on 7 elements: floor((7 − 3)/3) + 1 = 2 windows, [1, 5, 2] and [7, 3, 0]
            T[] output = TestData.Filled<T>(3, TestData.Sentinel);
            ReferenceKernels.MaxPool1D<T>(input, output, 7, 3);
            Assert.Equal(TestData.Values<T>(5, 7, TestData.Sentinel), output);
            ReferenceKernels.AvgPool1D<T>(input, output, 7, 3);
            Assert.Equal(TestData.Values<T>(8.0 / 3, 10.0 / 3, TestData.Sentinel), output);

            // An explicit stride 1 gives 5 overlapping windows instead.
            var five = new T[5];
            ReferenceKernels.MaxPool1D<T>(input, five, 7, 3, stride: 1);
            Assert.Equal(TestData.Values<T>(5, 7, 7, 7, 4), five);
        }
    }

    [Fact]
    public void Default_stride_of_a_non_square_2D_window_is_its_height_down_and_width_across()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // 4 × 6 input, value 10·y + x; a 2 × 3 window steps 2 rows down and 3 columns across: 2 × 2 windows
            // (a stride of 2 both ways would also give 2 × 2 windows, but starting at columns 0 and 2).
            var input = new T[24];
            for (int y = 0; y < 4; y++)
            {
                for (int x = 0; x < 6; x++)
                {
                    input[y * 6 + x] = T.CreateChecked(10 * y + x);
                }
            }

            T[] output = TestData.Filled<T>(5, TestData.Sentinel);

            // max = bottom-right of each window: 10·(2·oy + 1) + 3·ox + 2
            ReferenceKernels.MaxPool2D<T>(input, output, 4, 6, 2, 3);
            Assert.Equal(TestData.Values<T>(12, 15, 32, 35, TestData.Sentinel), output);

            // mean = 10·(2·oy + 0.5) + 3·ox + 1
            ReferenceKernels.AvgPool2D<T>(input, output, 4, 6, 2, 3);
            Assert.Equal(TestData.Values<T>(6, 9, 26, 29, TestData.Sentinel), output);

            // An explicit stride applies to both dimensions: stride 1 gives 3 × 4 windows.
            var twelve = new T[12];
            ReferenceKernels.MaxPool2D<T>(input, twelve, 4, 6, 2, 3, stride: 1);
            Assert.Equal(TestData.Values<T>(12, 13, 14, 15, 22, 23, 24, 25, 32, 33, 34, 35), twelve);

            // Same with the default stride: ceil(5/2) × ceil(7/3) = 3 × 3 windows on a 5 × 7 input.
            Assert.Equal(3, ShapeMath.Dimension(5, 2, 2, 1, Padding.Same).Output);
            var nine = new T[9];
            ReferenceKernels.MaxPool2D<T>(TestData.Filled<T>(35, 1), nine, 5, 7, 2, 3, Padding.Same);
            Assert.Equal(TestData.Filled<T>(9, 1), nine);
            Assert.Throws<ArgumentException>(() => ReferenceKernels.MaxPool2D<T>(TestData.Filled<T>(35, 1), new T[8], 5, 7, 2, 3, Padding.Same));
        }
    }

    [Fact]
    public void Channels_are_pooled_independently()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // two channels of 4: [1, 2, 3, 4] and [−1, −2, −3, −4], size 2
            T[] input = TestData.Values<T>(1, 2, 3, 4, -1, -2, -3, -4);
            var output = new T[4];
            ReferenceKernels.MaxPool1D<T>(input, output, 4, 2, channels: 2);
            Assert.Equal(TestData.Values<T>(2, 4, -1, -3), output);
            ReferenceKernels.AvgPool1D<T>(input, output, 4, 2, channels: 2);
            Assert.Equal(TestData.Values<T>(1.5, 3.5, -1.5, -3.5), output);
        }
    }
}
