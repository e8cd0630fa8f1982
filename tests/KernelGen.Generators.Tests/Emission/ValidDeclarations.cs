using static KernelGen.Generators.Tests.Support.Snippets;

namespace KernelGen.Generators.Tests.Emission;

/// <summary>
/// Valid declarations covering docs/semantics.md, “Attributes” and “Method shapes”: every attribute and option, both element types, and every
/// place and shape a kernel method may have. Each case lives in its own namespace (or, for the global-namespace
/// case, uses unique type names), so that all of them can also be generated together, for the hint-name tests.
/// </summary>
internal static class ValidDeclarations
{
    public static readonly IReadOnlyDictionary<string, (string Source, int Kernels)> Cases = new Dictionary<string, (string, int)>
    {
        ["Conv2D_float_same"] = (Kernel("Conv2D(3, 3, Padding = Padding.Same)", name: "Blur"), 1),
        ["Conv2D_double_valid"] = ("""
            namespace Case.Conv2DDouble;

            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static partial void Blur(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);
            }
            """, 1),
        ["Conv2D_bias_relu_full"] = ("""
            namespace Case.BiasRelu;

            public static partial class Filters
            {
                [Conv2D(3, 3, Padding = Padding.Full, Activation = Activation.Relu, InChannels = 2, OutChannels = 3)]
                public static partial void Layer(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

                [Conv2D(5, 5, Padding = Padding.Same, Activation = Activation.None)]
                public static partial void LayerDouble(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);
            }
            """, 2),
        ["Conv2D_every_option"] = ("""
            namespace Case.EveryOption;

            public static partial class Filters
            {
                [Conv2D(3, 5, Padding = Padding.Same, Stride = 2, Dilation = 2, InChannels = 4, OutChannels = 6, Groups = 2, Flip = true, Activation = Activation.Relu, Weights = null)]
                public static partial void All(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

                [Conv2D(kernelWidth: 2, kernelHeight: 4, Stride = 3, Dilation = 3, Padding = Padding.Full, Flip = true)]
                public static partial void Named(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

                [Conv2D(3, 3, InChannels = 8, OutChannels = 8, Groups = 8)]
                public static partial void Depthwise(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv2D(1, 1, InChannels = 3, OutChannels = 7)]
                public static partial void Pointwise(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv2D(1, 7, Padding = Padding.Same)]
                public static partial void Row(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv2D(7, 1, Padding = Padding.Same, Stride = 2)]
                public static partial void Column(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);
            }
            """, 6),
        ["Conv2D_11x11_fully_unrolled"] = ("""
            namespace Case.Unrolled11;

            public static partial class Filters
            {
                [Conv2D(11, 11, Padding = Padding.Same)]
                public static partial void Big(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
            }
            """, 1),
        ["Conv1D_variants"] = ("""
            namespace Case.Conv1D;

            public static partial class Signals
            {
                [Conv1D(3)]
                public static partial void Valid(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

                [Conv1D(2, Padding = Padding.Full, Flip = true)]
                public static partial void Full(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);

                [Conv1D(5, Padding = Padding.Same, Dilation = 3, Stride = 3, InChannels = 3, OutChannels = 9, Groups = 3, Activation = Activation.Relu)]
                public static partial void Everything(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int length);

                [Conv1D(3, Stride = 20)]
                public static partial void WideStride(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

                [Conv1D(2, Dilation = int.MaxValue - 1)]
                public static partial void HugeDilation(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);
            }
            """, 5),
        ["Pools"] = ("""
            namespace Case.Pools;

            public static partial class Pools
            {
                [MaxPool2D(2, 2)]
                public static partial void Max2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

                [MaxPool2D(3, 2, Padding = Padding.Same, Stride = 1, Channels = 3)]
                public static partial void Max3(ReadOnlySpan<double> input, Span<double> output, int height, int width);

                [AvgPool2D(2, 3, Stride = 2)]
                public static partial void Avg2(ReadOnlySpan<float> input, Span<float> output, int height, int width);

                [AvgPool2D(3, 3, Padding = Padding.Same, Channels = 4)]
                public static partial void Avg3(ReadOnlySpan<double> input, Span<double> output, int height, int width);

                [MaxPool1D(3, Padding = Padding.Same)]
                public static partial void Max1(ReadOnlySpan<float> input, Span<float> output, int length);

                [AvgPool1D(4, Stride = 3, Channels = 2)]
                public static partial void Avg1(ReadOnlySpan<double> input, Span<double> output, int length);
            }
            """, 6),
        ["Large_windows_looped"] = ("""
            namespace Case.Large;

            public static partial class Large
            {
                [Conv2D(20, 20, Padding = Padding.Same)]
                public static partial void RowsLooped(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv2D(3, 100)]
                public static partial void ColumnsLooped(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int height, int width);

                [Conv1D(300, Padding = Padding.Full)]
                public static partial void Long(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

                [MaxPool2D(17, 17, Padding = Padding.Same)]
                public static partial void BigMax(ReadOnlySpan<float> input, Span<float> output, int height, int width);

                [AvgPool1D(500)]
                public static partial void BigAvg(ReadOnlySpan<double> input, Span<double> output, int length);
            }
            """, 5),
        ["Instance_methods_every_accessibility"] = ("""
            namespace Case.Accessibility;

            public partial class Layer
            {
                [Conv2D(3, 3)]
                public partial void PublicKernel(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv2D(3, 3)]
                internal partial void InternalKernel(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv2D(3, 3)]
                private partial void PrivateKernel(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv2D(3, 3)]
                protected partial void ProtectedKernel(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv1D(3)]
                protected internal partial void ProtectedInternalKernel(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

                [Conv1D(3)]
                private protected partial void PrivateProtectedKernel(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

                [MaxPool1D(2)]
                partial void ImplicitlyPrivate(ReadOnlySpan<float> input, Span<float> output, int length);

                [AvgPool1D(2)]
                internal static partial void InternalStatic(ReadOnlySpan<float> input, Span<float> output, int length);

                public void Use(float[] data)
                {
                    PrivateKernel(data, data, data, 1, 1);
                    ImplicitlyPrivate(data, data, 1);
                }
            }

            internal static partial class InternalHolder
            {
                [MaxPool2D(2, 2)]
                public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);
            }
            """, 9),
        ["Nested_and_generic_types"] = ("""
            namespace Case.Nested
            {
                public partial class Outer
                {
                    internal partial struct Middle
                    {
                        private static partial class Inner
                        {
                            [Conv2D(3, 3)]
                            public static partial void Deep(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
                        }
                    }
                }

                public partial class Generic<T>
                    where T : notnull
                {
                    [Conv1D(3)]
                    public static partial void Smooth(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);

                    public partial class InnerGeneric<TKey, TValue>
                        where TKey : struct
                    {
                        [MaxPool1D(2)]
                        public partial void Pool(ReadOnlySpan<double> input, Span<double> output, int length);
                    }
                }

                public sealed partial class Sealed<T> : IDisposable
                {
                    [AvgPool2D(2, 2)]
                    public partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);

                    public void Dispose() { }
                }
            }
            """, 4),
        ["Records_and_structs"] = ("""
            namespace Case.Records;

            public partial record Layer(int Size)
            {
                [Conv2D(3, 3)]
                public partial void Run(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
            }

            public partial record struct Point(int X, int Y)
            {
                [Conv1D(3)]
                public readonly partial void Smooth(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);
            }

            public readonly partial record struct Frozen(int X)
            {
                [MaxPool1D(2)]
                public partial void Pool(ReadOnlySpan<float> input, Span<float> output, int length);
            }

            public partial struct Plain
            {
                [AvgPool2D(2, 2)]
                public partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);

                [Conv2D(2, 2)]
                public static partial void Static(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);
            }

            public readonly partial struct ReadOnlyPlain
            {
                [MaxPool2D(2, 2)]
                public partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);
            }

            public ref partial struct RefLike
            {
                [MaxPool2D(2, 2)]
                public partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);
            }

            public abstract partial class Base
            {
                [Conv1D(3)]
                protected static partial void Helper(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);
            }

            public partial class Primary(int size)
            {
                public int Size => size;

                [Conv1D(3)]
                public partial void Smooth(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);
            }

            public partial class Derived : Base
            {
                [Conv1D(3)]
                protected static new partial void Helper(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);
            }

            public partial class VirtualHost
            {
                [Conv1D(3)]
                public virtual partial void Smooth(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);
            }

            public partial class Overrider : VirtualHost
            {
                [Conv1D(3)]
                public sealed override partial void Smooth(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);
            }
            """, 12),
        ["Global_namespace"] = ("""
            public static partial class GlobalFilters
            {
                [Conv2D(3, 3, Padding = Padding.Same)]
                public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
            }

            internal partial struct GlobalHolder
            {
                [MaxPool1D(2)]
                internal partial void Pool(ReadOnlySpan<double> input, Span<double> output, int length);
            }
            """, 2),
        ["Block_and_nested_namespaces"] = ("""
            namespace Case.Outer
            {
                namespace Inner.Deeper
                {
                    public static partial class Filters
                    {
                        [Conv2D(3, 3)]
                        public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
                    }
                }

                public static partial class Filters
                {
                    [Conv2D(3, 3)]
                    public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
                }
            }
            """, 2),
        ["Overloads_with_one_name"] = ("""
            namespace Case.Overloads;

            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [Conv2D(3, 3)]
                public static partial void Blur(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);

                [Conv2D(5, 5, Padding = Padding.Same)]
                public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

                [Conv1D(3)]
                public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int length);

                [MaxPool1D(2)]
                public static partial void Blur(ReadOnlySpan<float> input, Span<float> output, int length);

                // Ordinary overloads that differ from the kernels only by ref-ness or by the element type.
                public static void Blur(ReadOnlySpan<float> input, Span<float> output, ref int length) => length = input.Length + output.Length;

                public static void Blur(ReadOnlySpan<int> input, Span<int> output, int length) => output[length] = input[0];
            }
            """, 5),
        ["Keyword_and_odd_names"] = ("""
            namespace Case.Names;

            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static partial void Blur(ReadOnlySpan<float> @in, ReadOnlySpan<float> @ref, Span<float> @out, int @int, int @params);

                [Conv1D(3)]
                public static partial void @fixed(ReadOnlySpan<float> @this, ReadOnlySpan<float> @base, ReadOnlySpan<float> @default, Span<float> @return, int @class);

                [MaxPool2D(2, 2)]
                public static partial void Contextual(ReadOnlySpan<float> global, Span<float> value, int var, int nameof);

                [AvgPool1D(2)]
                public static partial void Größe(ReadOnlySpan<float> eingabe, Span<float> ausgabe, int länge);

                [Conv1D(3)]
                public static partial void Shadowing(ReadOnlySpan<float> names, ReadOnlySpan<float> Run, Span<float> KernelGen, int System);
            }

            public static partial class @event
            {
                [MaxPool1D(2)]
                public static partial void @operator(ReadOnlySpan<float> input, Span<float> output, int length);
            }
            """, 6),
        ["Extension_method"] = ("""
            namespace Case.Extensions;

            public static partial class SpanFilters
            {
                [Conv2D(3, 3, Padding = Padding.Same)]
                public static partial void Blur(this ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                [MaxPool1D(2)]
                internal static partial void Pool(this ReadOnlySpan<double> input, Span<double> output, int length);
            }

            public static class Use
            {
                public static void Call(float[] image, float[] weights, float[] output)
                    => ((ReadOnlySpan<float>)image).Blur(weights, output, 3, 3);
            }
            """, 2),
        ["Attribute_spellings"] = ("""
            using K = KernelGen;

            namespace Case.Spellings
            {
                public static partial class Filters
                {
                    private const int Size = 3;

                    [global::KernelGen.Conv2DAttribute(Size, Size + 2, Padding = global::KernelGen.Padding.Same)]
                    public static partial void Qualified(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                    [K.MaxPool2D(2, 2, Stride = 2 * 1)]
                    public static partial void Aliased(ReadOnlySpan<float> input, Span<float> output, int height, int width);

                    [KernelGen.AvgPool1DAttribute(size: 2)]
                    public static partial void Long(ReadOnlySpan<float> input, Span<float> output, int length);
                }
            }
            """, 3),
        ["Hostile_type_names_in_scope"] = ("""
            namespace Case.Hostile
            {
                public sealed class Span<T> { }
                public sealed class ReadOnlySpan<T> { }
                public sealed class Vector128 { }
                public sealed class Unsafe { }
                public sealed class MemoryMarshal { }
                public sealed class Math { }
                public sealed class GeneratedCodeAttribute : Attribute { }

                public static partial class Filters
                {
                    [Conv2D(3, 3, Stride = 2, Padding = Padding.Same)]
                    public static partial void Blur(System.ReadOnlySpan<float> input, System.ReadOnlySpan<float> weights, System.Span<float> output, int height, int width);

                    [MaxPool1D(2)]
                    public static partial void Pool(System.ReadOnlySpan<float> input, System.Span<float> output, int length);
                }
            }
            """, 2),
        ["Nullable_disabled_user_file"] = ("""
            #nullable disable
            namespace Case.NullableOff;

            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

                public static string Oblivious(string text) => text;
            }
            """, 1),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];
}
