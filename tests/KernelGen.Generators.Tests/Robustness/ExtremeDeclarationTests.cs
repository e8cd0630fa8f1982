using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Tests.Robustness;

/// <summary>
/// Valid declarations at the edges of what C# and the documented semantics allow, each first found by the fuzzer
/// (<see cref="Fuzzing.GeneratorFuzzTests"/>) and kept here as a fixed case: a namespace written with a verbatim
/// keyword, strides so large that constants computed from them leave the range of an int. Each must generate, and
/// its generated code must compile without errors.
/// </summary>
public sealed class ExtremeDeclarationTests
{
    public static TheoryData<string, string> Declarations => new()
    {
        // Hint names must not keep the '@' of a verbatim identifier (AddSource rejects it, and the generator's
        // exception drops every kernel of the project as CS8785).
        { "namespace @namespace.Inner;", "[Conv1D(3)] public static partial void Smooth(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);" },
        { "namespace @class;", "[MaxPool2D(2, 2)] public static partial void Pool(ReadOnlySpan<double> input, Span<double> output, int height, int width);" },

        // Strided vector loads gather lane k at k·Stride: with 16 float lanes, 15·143165577 > int.MaxValue.
        { "namespace Strides;", "[MaxPool1D(2, Stride = 143165577)] public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int length);" },
        { "namespace Strides;", "[AvgPool1D(4, Stride = 1073741824)] public static partial void Pool(ReadOnlySpan<double> input, Span<double> output, int length);" },
        { "namespace Strides;", "[MaxPool1D(int.MaxValue)] public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int length);" },
        { "namespace Strides;", "[Conv1D(3, Stride = 400000000)] public static partial void Smooth(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);" },

        // Blocks of output rows name input rows by their offset s·r + i·d, which passes int.MaxValue for r = 3.
        { "namespace Strides;", "[Conv2D(1, 1, Stride = 715827883)] public static partial void Layer(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width);" },
        { "namespace Strides;", "[Conv2D(4, 6, Stride = int.MaxValue)] public static partial void Layer(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void GeneratesCodeThatCompiles(string namespaceLine, string member)
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            {{namespaceLine}}

            public static partial class Kernels
            {
                {{member}}
            }
            """);

        Assert.True(run.Result.Exception is null, $"The generator threw {run.Result.Exception}");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id is "CS8785" or "AD0001");
        Assert.Single(run.Result.GeneratedSources);
        Diagnostic[] errors = [.. run.GeneratedCodeWarningsAndErrors.Where(d => d.Severity == DiagnosticSeverity.Error)];
        Assert.True(errors.Length == 0, $"The generated code has {errors.Length} errors, the first: {string.Join("\n", errors.Take(3))}");
    }
}
