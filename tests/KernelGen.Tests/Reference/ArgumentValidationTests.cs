using System.Numerics;
using KernelGen.Tests.Support;

namespace KernelGen.Tests.Reference;

/// <summary>
/// docs/semantics.md, “Errors at run time” for every kernel kind, in float and double: bad sizes, short spans, overlapping spans and
/// overflowing shapes throw the right exception naming the right parameter, before anything is written; longer
/// spans are allowed and only their prefixes are used.
/// </summary>
public class ArgumentValidationTests
{
    public static TheoryData<string> Kinds => KernelKinds.Names;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Exact_lengths_are_accepted_and_the_whole_output_is_written(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Spans<T> s = Spans<T>.Exact(k);
            s.Call(k, k.Height, k.Width);
            T sentinel = T.CreateChecked(TestData.Sentinel);
            Assert.DoesNotContain(sentinel, s.Output.ToArray()); // the hand-worked output length is exactly what is written
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Sizes_zero_or_negative_throw_ArgumentOutOfRangeException(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            foreach (var (name, isHeight) in k.SizeParameters)
            {
                foreach (int bad in new[] { 0, -1, int.MinValue })
                {
                    Spans<T> s = Spans<T>.Exact(k);
                    int height = isHeight ? bad : k.Height, width = isHeight ? k.Width : bad;
                    var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.Call(k, height, width));
                    Assert.Equal(name, e.ParamName);
                    TestData.AssertAllSentinel<T>(s.Output.Span, $"{k.Name} output after {name} = {bad}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Valid_input_shorter_than_the_window_throws_ArgumentOutOfRangeException(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            foreach (var (name, isHeight) in k.SizeParameters)
            {
                int window = isHeight ? k.WindowHeight : k.WindowWidth;
                Spans<T> s = Spans<T>.Exact(k); // longer than the smaller shape needs
                int height = isHeight ? window - 1 : k.Height, width = isHeight ? k.Width : window - 1;
                var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.Call(k, height, width));
                Assert.Equal(name, e.ParamName);
                TestData.AssertAllSentinel<T>(s.Output.Span, $"{k.Name} output after {name} = {window - 1}");

                // One more element fits exactly one window.
                height = isHeight ? window : k.Height;
                width = isHeight ? k.Width : window;
                s.Call(k, height, width);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_span_short_by_one_element_throws_ArgumentException_naming_it_with_both_lengths(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            foreach (string name in Spans<T>.Names(k))
            {
                Spans<T> s = Spans<T>.Exact(k);
                int needed = s.Get(name).Length;
                s.Shorten(name);
                var e = Assert.Throws<ArgumentException>(() => s.Call(k, k.Height, k.Width));
                Assert.Equal(name, e.ParamName);
                Assert.Matches($@"\b{needed}\b", e.Message);
                Assert.Matches($@"\b{needed - 1}\b", e.Message);
                TestData.AssertAllSentinel<T>(s.Output.Span, $"{k.Name} output after a short {name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_output_overlapping_another_span_throws_ArgumentException_naming_the_output(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            foreach (string name in Spans<T>.Names(k).Where(n => n != "output"))
            {
                Spans<T> s = Spans<T>.Exact(k);
                int spanLength = s.Get(name).Length, outputLength = k.OutputLength;

                // The output's first element is the other span's last, or the output's last is the other span's first.
                foreach (bool outputAfter in new[] { true, false })
                {
                    T[] shared = TestData.Filled<T>(spanLength + outputLength - 1, TestData.Sentinel);
                    int spanStart = outputAfter ? 0 : outputLength - 1, outputStart = outputAfter ? spanLength - 1 : 0;
                    s.Set(name, shared.AsMemory(spanStart, spanLength));
                    s.Output = shared.AsMemory(outputStart, outputLength);
                    var e = Assert.Throws<ArgumentException>(() => s.Call(k, k.Height, k.Width));
                    Assert.Equal("output", e.ParamName);
                    Assert.Contains(name, e.Message, StringComparison.Ordinal);
                    TestData.AssertAllSentinel<T>(shared, $"{k.Name} memory shared by output and {name}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Adjacent_spans_in_one_array_do_not_overlap(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Spans<T> separate = Spans<T>.Exact(k);
            separate.Call(k, k.Height, k.Width);

            // input | weights | bias | output, back to back, in both orders
            foreach (bool outputFirst in new[] { false, true })
            {
                T[] shared = new T[k.InputLength + k.WeightsLength + k.BiasLength + k.OutputLength];
                Spans<T> packed = Spans<T>.Exact(k);
                int at = outputFirst ? k.OutputLength : 0;
                foreach (string name in Spans<T>.Names(k).Where(n => n != "output"))
                {
                    ReadOnlyMemory<T> values = packed.Get(name);
                    values.CopyTo(shared.AsMemory(at));
                    packed.Set(name, shared.AsMemory(at, values.Length));
                    at += values.Length;
                }

                packed.Output = shared.AsMemory(outputFirst ? 0 : at, k.OutputLength);
                packed.Output.Span.Fill(T.CreateChecked(TestData.Sentinel));
                packed.Call(k, k.Height, k.Width);
                Assert.Equal(separate.Output.ToArray(), packed.Output.ToArray());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Overlap_beyond_the_prefix_a_span_needs_is_allowed(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Spans<T> separate = Spans<T>.Exact(k);
            separate.Call(k, k.Height, k.Width);
            foreach (string name in Spans<T>.Names(k).Where(n => n != "output"))
            {
                // The read span runs on over the output: only its needed prefix counts.
                Spans<T> s = Spans<T>.Exact(k);
                ReadOnlyMemory<T> values = s.Get(name);
                T[] shared = new T[values.Length + k.OutputLength];
                values.CopyTo(shared);
                s.Set(name, shared.AsMemory());
                s.Output = shared.AsMemory(values.Length);
                s.Call(k, k.Height, k.Width);
                Assert.Equal(separate.Output.ToArray(), s.Output.ToArray());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Longer_spans_are_allowed_and_only_their_prefixes_are_read_and_written(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Spans<T> exact = Spans<T>.Exact(k);
            exact.Call(k, k.Height, k.Width);

            const int Extra = 5;
            Spans<T> longer = Spans<T>.Exact(k);
            foreach (string name in Spans<T>.Names(k).Where(n => n != "output"))
            {
                ReadOnlyMemory<T> values = longer.Get(name);
                T[] extended = TestData.Filled<T>(values.Length + Extra, double.NaN); // a NaN read would show in the output
                values.CopyTo(extended);
                longer.Set(name, extended.AsMemory());
            }

            longer.Output = TestData.Filled<T>(k.OutputLength + Extra, TestData.Sentinel);
            longer.Call(k, k.Height, k.Width);
            Assert.Equal(exact.Output.ToArray(), longer.Output[..k.OutputLength].ToArray());
            TestData.AssertAllSentinel<T>(longer.Output.Span[k.OutputLength..], $"{k.Name} tail of a longer output");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_input_shape_beyond_int_MaxValue_throws_ArgumentException_instead_of_wrapping(string kind)
    {
        Check(KernelKinds.Get<float>(kind));
        Check(KernelKinds.Get<double>(kind));

        static void Check<T>(KernelKind<T> k) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // 2 channels · 65536 · 65536 = 2^33 and 2 channels · 2^30 = 2^31: in int arithmetic these wrap to 0
            // and int.MinValue, which the default-sized input would satisfy.
            int height = k.Is2D ? 65536 : 1, width = k.Is2D ? 65536 : 1 << 30;
            Spans<T> s = Spans<T>.Exact(k);
            var e = Assert.Throws<ArgumentException>(() => s.Call(k, height, width));
            Assert.Equal("input", e.ParamName);
            Assert.Contains("int.MaxValue", e.Message, StringComparison.Ordinal);
            TestData.AssertAllSentinel<T>(s.Output.Span, $"{k.Name} output");
        }
    }

    [Fact]
    public void A_weights_shape_beyond_int_MaxValue_throws_ArgumentException_instead_of_wrapping()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // A Same convolution of a 1 × 1 input with a 65536 × 65536 window (2^32 weights, 0 when wrapped).
            T[] input = TestData.Filled<T>(4, 1), weights = TestData.Filled<T>(16, 1), output = TestData.Filled<T>(4, TestData.Sentinel);
            var e = Assert.Throws<ArgumentException>(() =>
                ReferenceKernels.Conv2D<T>(input, weights, [], output, 1, 1, 65536, 65536, Padding.Same));
            Assert.Equal("weights", e.ParamName);
            Assert.Contains("int.MaxValue", e.Message, StringComparison.Ordinal);
            TestData.AssertAllSentinel<T>(output, "output");

            // 1D: 4 input channels · 2^30 taps = 2^32.
            e = Assert.Throws<ArgumentException>(() =>
                ReferenceKernels.Conv1D<T>(input, weights, [], output, 1, 1 << 30, Padding.Same, inChannels: 4));
            Assert.Equal("weights", e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");
        }
    }

    [Fact]
    public void An_output_shape_beyond_int_MaxValue_throws_ArgumentException_instead_of_wrapping()
    {
        Check<float>();
        Check<double>();

        static void Check<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            // 2^20 output channels of a 1-tap convolution: 2^20 · 4096 = 2^20 · 64 · 64 = 2^32 outputs (0 when wrapped).
            const int OutChannels = 1 << 20;
            T[] input = TestData.Filled<T>(4096, 1), weights = TestData.Filled<T>(OutChannels, 1);
            T[] output = TestData.Filled<T>(16, TestData.Sentinel);
            var e = Assert.Throws<ArgumentException>(() =>
                ReferenceKernels.Conv1D<T>(input, weights, [], output, 4096, 1, outChannels: OutChannels));
            Assert.Equal("output", e.ParamName);
            Assert.Contains("int.MaxValue", e.Message, StringComparison.Ordinal);
            TestData.AssertAllSentinel<T>(output, "output");

            e = Assert.Throws<ArgumentException>(() =>
                ReferenceKernels.Conv2D<T>(input, weights, [], output, 64, 64, 1, 1, outChannels: OutChannels));
            Assert.Equal("output", e.ParamName);
            TestData.AssertAllSentinel<T>(output, "output");
        }
    }

    /// <summary>The spans of one call, exactly as long as the kind's shape needs; reads are filled with 1, the output with the sentinel.</summary>
    private sealed class Spans<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public ReadOnlyMemory<T> Input { get; set; }

        public ReadOnlyMemory<T> Weights { get; set; }

        public ReadOnlyMemory<T> Bias { get; set; }

        public Memory<T> Output { get; set; }

        public static IEnumerable<string> Names(KernelKind<T> k)
            => k.HasWeights ? ["input", "weights", "bias", "output"] : ["input", "output"];

        public static Spans<T> Exact(KernelKind<T> k)
        {
            var rng = new Random(k.InputLength);
            return new Spans<T>
            {
                Input = TestData.Integers<T>(rng, k.InputLength, 3),
                Weights = TestData.Integers<T>(rng, k.WeightsLength, 3),
                Bias = TestData.Filled<T>(k.BiasLength, 0.5),
                Output = TestData.Filled<T>(k.OutputLength, TestData.Sentinel),
            };
        }

        public void Call(KernelKind<T> k, int height, int width)
            => k.Call(Input.Span, Weights.Span, Bias.Span, Output.Span, height, width);

        public void Shorten(string name)
        {
            if (name == "output")
            {
                Output = Output[..^1];
            }
            else
            {
                Set(name, Get(name)[..^1]);
            }
        }

        public ReadOnlyMemory<T> Get(string name) => name switch
        {
            "input" => Input,
            "weights" => Weights,
            "bias" => Bias,
            "output" => Output,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        public void Set(string name, Memory<T> value)
        {
            if (name == "output")
            {
                Output = value;
                return;
            }

            Set(name, (ReadOnlyMemory<T>)value);
        }

        public void Set(string name, ReadOnlyMemory<T> value)
        {
            switch (name)
            {
                case "input": Input = value; break;
                case "weights": Weights = value; break;
                case "bias": Bias = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(name));
            }
        }
    }
}
