using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static KernelGen.Generators.Tests.Incrementality.StepReasons;

namespace KernelGen.Generators.Tests.Incrementality;

/// <summary>
/// The pipeline's promise (KernelGenerator remarks): a spec is a value, so an edit that does not touch a kernel's
/// declaration leaves its spec Cached or Unchanged and its source is not regenerated; only the edited kernel is
/// Modified, only an added kernel is New.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Kernels = """
        namespace Demo;

        public static partial class Filters
        {
            [Conv2D(3, 3, Padding = Padding.Same)]
            public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

            [MaxPool2D(2, 2)]
            public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);
        }
        """;

    private const string Other = """
        namespace Demo;

        public static class Other
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    [Fact]
    public void FirstRun_EverySpecIsNew()
    {
        GeneratorRun run = GeneratorHarness.Run(Kernels, Other);

        Assert.Equal([("Blur", IncrementalStepRunReason.New), ("Pool", IncrementalStepRunReason.New)], Specs(run.Result));
        Assert.Equal(2, Outputs(run.Result, ParseStep).Count);
        Assert.All(Sources(run.Result), r => Assert.Equal(IncrementalStepRunReason.New, r));
    }

    [Fact]
    public void AddingAnUnrelatedTree_ReusesEverySpecAndSource()
    {
        GeneratorRun first = GeneratorHarness.Run(Kernels, Other);

        GeneratorRun second = GeneratorHarness.Run(first.Driver,
            first.Input.AddSyntaxTrees(GeneratorHarness.Parse("namespace Demo; public sealed class Unrelated { public int Value { get; set; } }", "Unrelated.cs")));

        AssertEverySpecReused(second, expectedKernels: 2);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void EditingAMethodBodyInAnotherFile_ReusesEverySpecAndSource()
    {
        GeneratorRun first = GeneratorHarness.Run(Kernels, Other);
        SyntaxTree other = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");

        GeneratorRun second = GeneratorHarness.Run(first.Driver,
            first.Input.ReplaceSyntaxTree(other, GeneratorHarness.Parse(Other.Replace("2 * x", "x + x + 1", StringComparison.Ordinal), "Source1.cs")));

        AssertEverySpecReused(second, expectedKernels: 2);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void EditingTheKernelsFileOutsideTheKernels_ReusesEverySpec()
    {
        GeneratorRun first = GeneratorHarness.Run(Kernels, Other);
        SyntaxTree kernels = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        string edited = Kernels.Replace("public static partial class Filters\n{", "public static partial class Filters\n{\n    // A comment, and a new member.\n    public static int Count => 2;\n", StringComparison.Ordinal);
        Assert.NotEqual(Kernels, edited);

        GeneratorRun second = GeneratorHarness.Run(first.Driver, first.Input.ReplaceSyntaxTree(kernels, GeneratorHarness.Parse(edited, "Source0.cs")));

        AssertEverySpecReused(second, expectedKernels: 2);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void MovingAKernelWithAnInfoDiagnostic_UpdatesTheDiagnosticButReusesTheSpec()
    {
        const string Large = """
            namespace Demo;

            public static partial class Large
            {
                [Conv2D(20, 20)]
                public static partial void Wide(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
            }
            """;
        GeneratorRun first = GeneratorHarness.Run(Large);
        SyntaxTree tree = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");

        GeneratorRun second = GeneratorHarness.Run(first.Driver, first.Input.ReplaceSyntaxTree(tree, GeneratorHarness.Parse("\n\n" + Large, "Source0.cs")));

        AssertEverySpecReused(second, expectedKernels: 1);
        Assert.Contains(Outputs(second.Result, DiagnosticsStep), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Diagnostic moved = Assert.Single(second.GeneratorDiagnostics);
        Assert.Equal(Assert.Single(first.GeneratorDiagnostics).Location.GetLineSpan().StartLinePosition.Line + 2,
            moved.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void AddingASecondKernelInANewFile_OnlyItIsNew()
    {
        const string Single = """
            namespace Demo;

            public static partial class Filters
            {
                [Conv2D(3, 3, Padding = Padding.Same)]
                public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
            }
            """;
        const string Added = """
            namespace Demo;

            public static partial class Signals
            {
                [Conv1D(5)]
                public static partial void Smooth(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int length);
            }
            """;
        GeneratorRun first = GeneratorHarness.Run(Single, Other);

        GeneratorRun second = GeneratorHarness.Run(first.Driver, first.Input.AddSyntaxTrees(GeneratorHarness.Parse(Added, "Added.cs")));

        var specs = Specs(second.Result);
        Assert.Equal(["Blur", "Smooth"], specs.Select(s => s.Method));
        Assert.True(IsReused(specs.Single(s => s.Method == "Blur").Reason), $"Blur: {specs[0].Reason}");
        Assert.Equal(IncrementalStepRunReason.New, specs.Single(s => s.Method == "Smooth").Reason);
        Assert.Equal(1, Sources(second.Result).Count(r => r == IncrementalStepRunReason.New));
        Assert.Equal(1, Sources(second.Result).Count(IsReused));
        Assert.Equal(2, second.Result.GeneratedSources.Length);
    }

    [Fact]
    public void ChangingOneKernelsAttribute_OnlyItIsModified()
    {
        GeneratorRun first = GeneratorHarness.Run(Kernels, Other);
        SyntaxTree kernels = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        string edited = Kernels.Replace("Padding = Padding.Same", "Padding = Padding.Full", StringComparison.Ordinal);

        GeneratorRun second = GeneratorHarness.Run(first.Driver, first.Input.ReplaceSyntaxTree(kernels, GeneratorHarness.Parse(edited, "Source0.cs")));

        var specs = Specs(second.Result);
        Assert.Equal(["Blur", "Pool"], specs.Select(s => s.Method));
        Assert.Equal(IncrementalStepRunReason.Modified, specs.Single(s => s.Method == "Blur").Reason);
        Assert.True(IsReused(specs.Single(s => s.Method == "Pool").Reason), $"Pool: {specs[1].Reason}");
        Assert.Equal(1, Sources(second.Result).Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, Sources(second.Result).Count(IsReused));
        Assert.Contains("Padding.Full", second.Sources.Single(s => s.Key.Contains(".Blur.", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangingOneKernelsAttributeInItsOwnFile_LeavesTheOtherFilesKernelCached()
    {
        const string Blur = """
            namespace Demo;

            public static partial class Filters
            {
                [Conv2D(3, 3, Padding = Padding.Same)]
                public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
            }
            """;
        const string Pool = """
            namespace Demo;

            public static partial class Pools
            {
                [AvgPool1D(2, Padding = Padding.Valid)]
                public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int length);
            }
            """;
        GeneratorRun first = GeneratorHarness.Run(Blur, Pool);
        SyntaxTree poolTree = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");

        GeneratorRun second = GeneratorHarness.Run(first.Driver,
            first.Input.ReplaceSyntaxTree(poolTree, GeneratorHarness.Parse(Pool.Replace("Padding.Valid", "Padding.Same", StringComparison.Ordinal), "Source1.cs")));

        var specs = Specs(second.Result);
        Assert.Equal(["Blur", "Pool"], specs.Select(s => s.Method));
        Assert.True(IsReused(specs[0].Reason), $"Blur: {specs[0].Reason}");
        Assert.Equal(IncrementalStepRunReason.Modified, specs[1].Reason);
    }

    [Fact]
    public void RemovingAKernel_RemovesOnlyItsSource()
    {
        GeneratorRun first = GeneratorHarness.Run(Kernels, Other);
        SyntaxTree kernels = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        string edited = Kernels.Replace("    [MaxPool2D(2, 2)]\n    public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);\n", "", StringComparison.Ordinal);
        Assert.NotEqual(Kernels, edited);

        GeneratorRun second = GeneratorHarness.Run(first.Driver, first.Input.ReplaceSyntaxTree(kernels, GeneratorHarness.Parse(edited, "Source0.cs")));

        Assert.Contains(Outputs(second.Result, SpecsStep), o => o.Reason == IncrementalStepRunReason.Removed && ((Model.KernelSpec)o.Value).Method.Name == "Pool");
        Assert.Contains(Outputs(second.Result, SpecsStep), o => IsReused(o.Reason) && ((Model.KernelSpec)o.Value).Method.Name == "Blur");
        Assert.Equal(first.Sources.Where(s => s.Key.Contains(".Blur.", StringComparison.Ordinal)), second.Sources);
    }

    [Fact]
    public void ReparsingEveryFile_ReusesEverySpec()
    {
        // Fresh trees and a fresh compilation: only a spec that holds no syntax or symbol compares equal.
        GeneratorRun first = GeneratorHarness.Run(Kernels, Other);
        CSharpCompilation reparsed = GeneratorHarness.CreateCompilation(Kernels, Other);

        GeneratorRun second = GeneratorHarness.Run(first.Driver, reparsed);

        AssertEverySpecReused(second, expectedKernels: 2);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Specs_HoldNoSymbolSyntaxOrCompilation()
    {
        GeneratorRun run = GeneratorHarness.Run(ValidDeclarationsSource());

        var specs = Outputs(run.Result, SpecsStep);
        Assert.NotEmpty(specs);
        foreach ((object value, _) in specs)
        {
            AssertPlainValue(value, new HashSet<object>(ReferenceEqualityComparer.Instance), "spec");
        }
    }

    private static string ValidDeclarationsSource() => Emission.ValidDeclarations.Cases["Nested_and_generic_types"].Source;

    private static void AssertPlainValue(object? value, HashSet<object> seen, string path)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location or Diagnostic,
            $"{path} holds a {value.GetType().Name}, which defeats caching and keeps compilations alive");
        if (value is System.Collections.IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                AssertPlainValue(item, seen, $"{path}[{index++}]");
            }
        }

        foreach (var field in value.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            AssertPlainValue(field.GetValue(value), seen, $"{path}.{field.Name}");
        }
    }

    private static void AssertEverySpecReused(GeneratorRun run, int expectedKernels)
    {
        Assert.Null(run.Result.Exception);
        var specs = Specs(run.Result);
        Assert.Equal(expectedKernels, specs.Count);
        Assert.All(specs, s => Assert.True(IsReused(s.Reason), $"Spec of {s.Method} was {s.Reason}"));
        Assert.Equal(expectedKernels, Sources(run.Result).Count);
        Assert.All(Sources(run.Result), r => Assert.True(IsReused(r), $"A source output was {r}"));
    }
}
