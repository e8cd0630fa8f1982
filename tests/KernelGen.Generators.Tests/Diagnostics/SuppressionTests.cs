using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Tests.Diagnostics;

/// <summary>
/// Diagnostics carry real source locations, so #pragma and severity options apply to them as to any compiler
/// diagnostic; a diagnostic without a real location could not be suppressed in the source.
/// </summary>
public sealed class SuppressionTests
{
    private const string LargeKernel = """
        [Conv2D(20, 20)]
        public static partial void Wide(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);
        """;

    [Fact]
    public void PragmaAroundTheKernel_SuppressesKG0100()
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            public static partial class Filters
            {
            #pragma warning disable KG0100
                {{LargeKernel}}
            #pragma warning restore KG0100
            }
            """);

        Assert.All(run.GeneratorDiagnostics.Where(d => d.Id == "KG0100"), d => Assert.True(d.IsSuppressed));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "KG0100" && !d.IsSuppressed);
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Id == "KG0100" && !d.IsSuppressed);
        Assert.Single(run.Result.GeneratedSources);
    }

    [Fact]
    public void PragmaElsewhereInTheFile_DoesNotSuppressKG0100()
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            public static partial class Filters
            {
                {{LargeKernel}}

            #pragma warning disable KG0100
                public static void Other() { }
            #pragma warning restore KG0100
            }
            """);

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("KG0100", diagnostic.Id);
        Assert.False(diagnostic.IsSuppressed);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public void SeverityOption_None_RemovesKG0100()
    {
        var options = GeneratorHarness.CompilationOptions.WithSpecificDiagnosticOptions([new("KG0100", ReportDiagnostic.Suppress)]);

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.CreateCompilation($$"""
            public static partial class Filters
            {
                {{LargeKernel}}
            }
            """).WithOptions(options));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "KG0100" && !d.IsSuppressed);
    }

    [Fact]
    public void SeverityOption_Error_RaisesKG0100()
    {
        var options = GeneratorHarness.CompilationOptions.WithSpecificDiagnosticOptions([new("KG0100", ReportDiagnostic.Error)]);

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.CreateCompilation($$"""
            public static partial class Filters
            {
                {{LargeKernel}}
            }
            """).WithOptions(options));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("KG0100", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }
}
