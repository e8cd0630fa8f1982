using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Tests.Robustness;

/// <summary>
/// docs/semantics.md, “Errors at compile time”, "the generator never throws": code as it is while being typed yields diagnostics or nothing,
/// never an exception (which the compiler would turn into CS8785 and drop every kernel of the project), and never
/// generated code that adds errors of its own.
/// </summary>
public sealed class MalformedCodeTests
{
    private const string Parameters = "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width";

    public static TheoryData<string, string> Members => new()
    {
        { "half-typed attribute", $"[Conv2D(3, \n public static partial void Blur({Parameters});" },
        { "half-typed named argument", $"[Conv2D(3, 3, Padding = ]\n public static partial void Blur({Parameters});" },
        { "half-typed attribute list", $"[Conv2D(3, 3)\n public static partial void Blur({Parameters});" },
        { "attribute without arguments", $"[Conv2D]\n public static partial void Blur({Parameters});" },
        { "attribute with empty arguments", $"[MaxPool1D()]\n public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int length);" },
        { "too many positional arguments", $"[Conv1D(3, 4)]\n public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);" },
        { "unknown named argument", $"[Conv2D(3, 3, Foo = 1)]\n public static partial void Blur({Parameters});" },
        { "named argument of the wrong type", $"[Conv2D(3, 3, Stride = \"two\")]\n public static partial void Blur({Parameters});" },
        { "positional argument of the wrong type", $"[Conv2D(3.5, 3)]\n public static partial void Blur({Parameters});" },
        { "non-constant argument", $"[Conv2D(3, System.Environment.ProcessorCount)]\n public static partial void Blur({Parameters});" },
        { "unknown enum member", $"[Conv2D(3, 3, Padding = Padding.Reflect)]\n public static partial void Blur({Parameters});" },
        { "weights of the wrong type", "[Conv1D(3, Weights = new int[] { 1, 2, 3 })]\n public static partial void Blur(ReadOnlySpan<float> input, Span<float> output, int length);" },
        { "weights not constant", "[Conv1D(3, Weights = Values)]\n public static partial void Blur(ReadOnlySpan<float> input, Span<float> output, int length);\n static readonly double[] Values = [1, 2, 3];" },
        { "unknown parameter types", "[Conv2D(3, 3)]\n public static partial void Blur(Tensor input, ReadOnlySpan<Unknown> weights, Span<float> output, int height, int width);" },
        { "unknown element type everywhere", "[MaxPool1D(2)]\n public static partial void Pool(ReadOnlySpan<Unknown> input, Span<Unknown> output, int length);" },
        { "span type of an unknown namespace (found by fuzzing)", "[MaxPool1D(3)]\n public static partial void Pool(System.R.ReadOnlySpan<float> input, Span<float> output, int length);" },
        { "missing parameters", "[Conv2D(3, 3)]\n public static partial void Blur();" },
        { "parameter without a name", "[Conv2D(3, 3)]\n public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float>, Span<float> output, int height, int width);" },
        { "parameter list not closed", "[Conv2D(3, 3)]\n public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights" },
        { "method without parameter list", "[Conv2D(3, 3)]\n public static partial void Blur;" },
        { "method without name", $"[Conv2D(3, 3)]\n public static partial void ({Parameters});" },
        { "method without return type", $"[Conv2D(3, 3)]\n public static partial Blur({Parameters});" },
        { "params and default values", "[Conv1D(3)]\n public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, params int[] length);" },
        { "default parameter value", "[Conv1D(3)]\n public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length = 4);" },
        { "attribute on a property", "[Conv2D(3, 3)]\n public static int Size { get; set; }" },
        { "attribute on a field", "[Conv2D(3, 3)]\n public static int size;" },
        { "attribute on a nested class", "[Conv2D(3, 3)]\n public partial class Inner { }" },
        { "attribute on a constructor", "[Conv2D(3, 3)]\n static Filters() { }" },
        { "attribute on a parameter", $"public static partial void Blur([Conv2D(3, 3)] ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);" },
        { "attribute on a return value", $"[return: Conv2D(3, 3)]\n public static partial void Blur({Parameters});" },
        { "attribute on a local function", "public static void Outer() { [Conv1D(3)] static void Local(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length) { } }" },
        { "attribute on an operator", "[Conv2D(3, 3)]\n public static Filters operator +(Filters a, Filters b) => a;" },
        { "method in a broken type", $"}} class {{ [Conv2D(3, 3)] public static partial void Blur({Parameters});" },
        { "a lone attribute", "[Conv2D(3, 3)]" },
        { "the same kernel declared twice (copy and paste)", $"[Conv2D(3, 3)]\n public static partial void Blur({Parameters});\n [Conv2D(3, 3)]\n public static partial void Blur({Parameters});" },
        { "same attribute twice", $"[Conv2D(3, 3)][Conv2D(5, 5)]\n public static partial void Blur({Parameters});" },
        { "extern partial", $"[Conv2D(3, 3)]\n public static extern partial void Blur({Parameters});" },
        { "abstract partial in a class", $"[Conv2D(3, 3)]\n public abstract partial void Blur({Parameters});" },
        { "huge values everywhere", $"[Conv2D(int.MaxValue, int.MaxValue, Stride = int.MaxValue, Dilation = int.MaxValue, InChannels = int.MaxValue, OutChannels = int.MaxValue, Groups = int.MaxValue)]\n public static partial void Blur({Parameters});" },
        { "huge pool", "[AvgPool2D(int.MaxValue, 1, Channels = int.MaxValue)]\n public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);" },
        { "minimum values everywhere", $"[Conv2D(int.MinValue, int.MinValue, Stride = int.MinValue, Dilation = int.MinValue, InChannels = int.MinValue, OutChannels = int.MinValue, Groups = int.MinValue, Padding = (Padding)int.MinValue, Activation = (Activation)int.MaxValue)]\n public static partial void Blur({Parameters});" },
        { "groups larger than channels", $"[Conv2D(3, 3, InChannels = 2, OutChannels = 2, Groups = 4)]\n public static partial void Blur({Parameters});" },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public void MalformedDeclaration_NeverThrows(string description, string member)
    {
        string source = $$"""
            namespace Demo;

            public static partial class Filters
            {
                {{member}}
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        AssertGeneratorSurvived(run, description);
    }

    [Theory]
    [InlineData("[Conv2D(3, ")]
    [InlineData("using KernelGen; [Conv2D(3, 3)] public static partial void Blur(")]
    [InlineData("public static partial class Filters { [Conv2D(3, 3)] public static partial void Blur(ReadOnlySpan<float> input")]
    [InlineData("namespace Demo { public partial class Filters { [MaxPool2D(2, 2)] partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);")]
    [InlineData("[Conv2D(3, 3)] void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width) { }")]
    [InlineData("[Conv1D(3)] static partial void TopLevel(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);")]
    [InlineData("partial class { [Conv1D(3)] static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length); }")]
    [InlineData("")]
    public void MalformedFile_NeverThrows(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        AssertGeneratorSurvived(run, source);
    }

    [Fact]
    public void UserDefinedLookalikeAttributes_AreIgnored()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            namespace Other
            {
                [AttributeUsage(AttributeTargets.Method)]
                public sealed class Conv2DAttribute(int kernelHeight, int kernelWidth) : Attribute
                {
                    public int Size => kernelHeight * kernelWidth;
                }

                public static partial class Filters
                {
                    [Conv2D(3, 3)]
                    public static void NotAKernel() { }
                }
            }
            """);

        AssertGeneratorSurvived(run, "lookalike");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void ManyMalformedDeclarationsInOneFile_NeverThrow()
    {
        string members = string.Join("\n", Members.Select(row => (string)row[1]).Where(m => !m.StartsWith('}')));

        GeneratorRun run = GeneratorHarness.Run($$"""
            namespace Demo;

            public static partial class Filters
            {
                {{members}}
            }
            """);

        AssertGeneratorSurvived(run, "all together");
    }

    [Fact]
    public void CancelledRun_DoesNotReportAGeneratorFailure()
    {
        var compilation = GeneratorHarness.CreateCompilation(Support.Snippets.Kernel("Conv2D(3, 3)"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GeneratorHarness.CreateDriver().RunGenerators(compilation, cancelled.Token));
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
        AssertGeneratorSurvived(run, "after a cancelled run");
        Assert.Single(run.Result.GeneratedSources);
    }

    private static void AssertGeneratorSurvived(GeneratorRun run, string description)
    {
        Assert.True(run.Result.Exception is null, $"{description}: the generator threw {run.Result.Exception}");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Id is "CS8785" or "AD0001");
        IReadOnlyList<Diagnostic> generatedErrors = run.GeneratedCodeWarningsAndErrors;
        Assert.True(generatedErrors.Count == 0, $"{description}: generated code has {string.Join("\n", generatedErrors)}");
        Assert.All(run.GeneratorDiagnostics, d => Assert.StartsWith("KG", d.Id, StringComparison.Ordinal));
    }
}
