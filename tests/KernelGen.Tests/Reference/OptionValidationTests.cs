using System.Numerics;
using KernelGen.Tests.Support;

namespace KernelGen.Tests.Reference;

/// <summary>
/// The run-time options of the reference kernels (window, stride, dilation, channels, groups, padding,
/// activation): out-of-range values throw naming the reference's own parameter, before anything is written.
/// </summary>
public class OptionValidationTests
{
    private const int Plenty = 512; // long enough for every shape used here

    [Theory]
    [InlineData("kernelSize", 0)]
    [InlineData("kernelSize", -1)]
    [InlineData("stride", 0)]
    [InlineData("stride", -2)]
    [InlineData("dilation", 0)]
    [InlineData("dilation", -1)]
    [InlineData("dilation", int.MaxValue)] // Keff = 2·(2^31 − 1) + 1 does not fit an int
    [InlineData("inChannels", 0)]
    [InlineData("inChannels", -4)]
    [InlineData("outChannels", 0)]
    [InlineData("outChannels", int.MinValue)]
    [InlineData("groups", 0)]
    [InlineData("groups", -2)]
    public void Conv1D_option_out_of_range_throws_ArgumentOutOfRangeException(string parameter, int value)
    {
        Check<float>(parameter, value);
        Check<double>(parameter, value);

        static void Check<T>(string parameter, int value) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int Option(string name, int fallback) => name == parameter ? value : fallback;
            T[] output = TestData.Filled<T>(Plenty, TestData.Sentinel);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv1D<T>(
                Ones<T>(), Ones<T>(), [], output, 8, Option("kernelSize", 3), Padding.Valid, Option("stride", 1), Option("dilation", 1),
                Option("inChannels", 2), Option("outChannels", 2), Option("groups", 1)));
            Assert.Equal(parameter, e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");
        }
    }

    [Theory]
    [InlineData("kernelHeight", 0)]
    [InlineData("kernelHeight", -1)]
    [InlineData("kernelWidth", 0)]
    [InlineData("kernelWidth", -3)]
    [InlineData("stride", 0)]
    [InlineData("stride", -1)]
    [InlineData("dilation", 0)]
    [InlineData("dilation", int.MaxValue)]
    [InlineData("inChannels", 0)]
    [InlineData("outChannels", -1)]
    [InlineData("groups", 0)]
    public void Conv2D_option_out_of_range_throws_ArgumentOutOfRangeException(string parameter, int value)
    {
        Check<float>(parameter, value);
        Check<double>(parameter, value);

        static void Check<T>(string parameter, int value) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int Option(string name, int fallback) => name == parameter ? value : fallback;
            T[] output = TestData.Filled<T>(Plenty, TestData.Sentinel);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv2D<T>(
                Ones<T>(), Ones<T>(), [], output, 6, 6, Option("kernelHeight", 2), Option("kernelWidth", 3), Padding.Valid,
                Option("stride", 1), Option("dilation", 1), Option("inChannels", 2), Option("outChannels", 2), Option("groups", 1)));
            Assert.Equal(parameter, e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");
        }
    }

    [Theory]
    [InlineData(false, "size", 0)]
    [InlineData(false, "size", -2)]
    [InlineData(false, "stride", 0)]
    [InlineData(false, "stride", -1)]
    [InlineData(false, "channels", 0)]
    [InlineData(false, "channels", -1)]
    [InlineData(true, "size", 0)]
    [InlineData(true, "size", -1)]
    [InlineData(true, "stride", 0)]
    [InlineData(true, "channels", 0)]
    public void Pool1D_option_out_of_range_throws_ArgumentOutOfRangeException(bool isMax, string parameter, int value)
    {
        Check<float>(isMax, parameter, value);
        Check<double>(isMax, parameter, value);

        static void Check<T>(bool isMax, string parameter, int value) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int Option(string name, int fallback) => name == parameter ? value : fallback;
            T[] output = TestData.Filled<T>(Plenty, TestData.Sentinel);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            {
                if (isMax)
                {
                    ReferenceKernels.MaxPool1D<T>(Ones<T>(), output, 8, Option("size", 2), Padding.Valid, Option("stride", 2), Option("channels", 2));
                }
                else
                {
                    ReferenceKernels.AvgPool1D<T>(Ones<T>(), output, 8, Option("size", 2), Padding.Valid, Option("stride", 2), Option("channels", 2));
                }
            });
            Assert.Equal(parameter, e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");
        }
    }

    [Theory]
    [InlineData(false, "windowHeight", 0)]
    [InlineData(false, "windowWidth", -1)]
    [InlineData(false, "stride", 0)]
    [InlineData(false, "channels", 0)]
    [InlineData(true, "windowHeight", -1)]
    [InlineData(true, "windowWidth", 0)]
    [InlineData(true, "stride", -3)]
    [InlineData(true, "channels", -1)]
    public void Pool2D_option_out_of_range_throws_ArgumentOutOfRangeException(bool isMax, string parameter, int value)
    {
        Check<float>(isMax, parameter, value);
        Check<double>(isMax, parameter, value);

        static void Check<T>(bool isMax, string parameter, int value) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int Option(string name, int fallback) => name == parameter ? value : fallback;
            T[] output = TestData.Filled<T>(Plenty, TestData.Sentinel);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            {
                if (isMax)
                {
                    ReferenceKernels.MaxPool2D<T>(Ones<T>(), output, 6, 6, Option("windowHeight", 2), Option("windowWidth", 3), Padding.Valid,
                        Option("stride", 2), Option("channels", 2));
                }
                else
                {
                    ReferenceKernels.AvgPool2D<T>(Ones<T>(), output, 6, 6, Option("windowHeight", 2), Option("windowWidth", 3), Padding.Valid,
                        Option("stride", 2), Option("channels", 2));
                }
            });
            Assert.Equal(parameter, e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");
        }
    }

    [Theory]
    [InlineData(4, 4, 3)] // neither channel count is a multiple of 3
    [InlineData(4, 6, 4)] // 6 outputs in 4 groups
    [InlineData(3, 6, 2)] // 3 inputs in 2 groups
    [InlineData(6, 3, 2)] // 3 outputs in 2 groups
    [InlineData(2, 2, 4)] // more groups than channels
    public void Groups_not_dividing_the_channels_throw_ArgumentException(int inChannels, int outChannels, int groups)
    {
        Check<float>(inChannels, outChannels, groups);
        Check<double>(inChannels, outChannels, groups);

        static void Check<T>(int inChannels, int outChannels, int groups) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] output = TestData.Filled<T>(Plenty, TestData.Sentinel);
            var e = Assert.Throws<ArgumentException>(() =>
                ReferenceKernels.Conv1D<T>(Ones<T>(), Ones<T>(), [], output, 8, 3, inChannels: inChannels, outChannels: outChannels, groups: groups));
            Assert.Equal("groups", e.ParamName);
            e = Assert.Throws<ArgumentException>(() =>
                ReferenceKernels.Conv2D<T>(Ones<T>(), Ones<T>(), [], output, 4, 4, 2, 2, inChannels: inChannels, outChannels: outChannels, groups: groups));
            Assert.Equal("groups", e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");
        }
    }

    [Theory]
    [MemberData(nameof(PoolKinds))]
    public void Full_padding_on_a_pool_throws_ArgumentException(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            foreach (Padding padding in new[] { Padding.Full, (Padding)3 })
            {
                T[] output = TestData.Filled<T>(Plenty, TestData.Sentinel);
                var e = Assert.ThrowsAny<ArgumentException>(() => CallPool(k.Name, Ones<T>(), output, padding));
                Assert.Equal("padding", e.ParamName);
                if (padding == Padding.Full)
                {
                    Assert.IsType<ArgumentException>(e); // not an ArgumentOutOfRangeException: the value exists, but not for pools
                }

                TestData.AssertAllSentinel<T>(output, "output");
            }
        }
    }

    public static TheoryData<string> PoolKinds => new() { "MaxPool1D", "AvgPool1D", "MaxPool2D", "AvgPool2D" };

    private static void CallPool<T>(string kind, T[] input, T[] output, Padding padding)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (kind)
        {
            case "MaxPool1D": ReferenceKernels.MaxPool1D<T>(input, output, 8, 2, padding); break;
            case "AvgPool1D": ReferenceKernels.AvgPool1D<T>(input, output, 8, 2, padding); break;
            case "MaxPool2D": ReferenceKernels.MaxPool2D<T>(input, output, 6, 6, 2, 3, padding); break;
            case "AvgPool2D": ReferenceKernels.AvgPool2D<T>(input, output, 6, 6, 2, 3, padding); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    [Fact]
    public void Undefined_padding_or_activation_on_a_convolution_throws_ArgumentOutOfRangeException()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] output = TestData.Filled<T>(Plenty, TestData.Sentinel);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv1D<T>(Ones<T>(), Ones<T>(), [], output, 8, 3, (Padding)3));
            Assert.Equal("padding", e.ParamName);
            e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv2D<T>(Ones<T>(), Ones<T>(), [], output, 4, 4, 2, 2, (Padding)(-1)));
            Assert.Equal("padding", e.ParamName);
            e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv1D<T>(Ones<T>(), Ones<T>(), [], output, 8, 3, activation: (Activation)2));
            Assert.Equal("activation", e.ParamName);
            e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv2D<T>(Ones<T>(), Ones<T>(), [], output, 4, 4, 2, 2, activation: (Activation)(-1)));
            Assert.Equal("activation", e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");
        }
    }

    [Fact]
    public void A_dilated_window_longer_than_a_Valid_input_throws_ArgumentOutOfRangeException()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            T[] output = TestData.Filled<T>(Plenty, TestData.Sentinel);

            // 3 taps at dilation 3 span 7 elements.
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv1D<T>(Ones<T>(), Ones<T>(), [], output, 6, 3, dilation: 3));
            Assert.Equal("length", e.ParamName);

            // 2 × 2 taps at dilation 4 span 5 × 5.
            e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv2D<T>(Ones<T>(), Ones<T>(), [], output, 4, 9, 2, 2, dilation: 4));
            Assert.Equal("height", e.ParamName);
            e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceKernels.Conv2D<T>(Ones<T>(), Ones<T>(), [], output, 9, 4, 2, 2, dilation: 4));
            Assert.Equal("width", e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");

            // Same and Full pad such inputs instead.
            ReferenceKernels.Conv1D<T>(Ones<T>(), Ones<T>(), [], output, 6, 3, Padding.Same, dilation: 3);
            Assert.Equal(T.CreateChecked(2), output[0]); // taps at −3, 0, 3 with pad 3 / 3: two in the input
            ReferenceKernels.Conv1D<T>(Ones<T>(), Ones<T>(), [], output, 6, 3, Padding.Full, dilation: 3);
            Assert.Equal(T.One, output[0]);
        }
    }

    private static T[] Ones<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
        => TestData.Filled<T>(Plenty, 1);
}
