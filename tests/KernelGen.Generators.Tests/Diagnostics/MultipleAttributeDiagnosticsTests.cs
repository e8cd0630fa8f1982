using KernelGen.Generators.Tests.Support;
using static KernelGen.Generators.Tests.Support.Snippets;

namespace KernelGen.Generators.Tests.Diagnostics;

/// <summary>docs/semantics.md, “Errors at compile time”: two KernelGen attributes on one method are one diagnostic, on the second attribute, and no code.</summary>
public sealed class MultipleAttributeDiagnosticsTests
{
    [Fact]
    public void KG0013_TwoAttributeLists_ReportedOnceOnTheSecond()
    {
        var diagnostics = DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [Conv2D(3, 3)]
                [{|KG0013:MaxPool2D(2, 2)|}]
                public static partial void Blur({{Conv2DParameters}});
            }
            """, "KG0013", messageContains: ["Method 'Blur' carries both [Conv2D] and [MaxPool2D]", "keep one KernelGen attribute per method"]);

        Assert.Single(diagnostics);
    }

    [Fact]
    public void KG0013_OneAttributeList_ReportedOnceOnTheSecond()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [AvgPool2D(2, 2), {|KG0013:Conv2D(3, 3)|}]
                public static partial void Pool({{Pool2DParameters}});
            }
            """, "KG0013", messageContains: "carries both [AvgPool2D] and [Conv2D]");

    [Fact]
    public void KG0013_ThreeAttributes_ReportedOnce()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [MaxPool1D(2)]
                [{|KG0013:AvgPool1D(2)|}]
                [Conv1D(3)]
                public static partial void Pool({{Pool1DParameters}});
            }
            """, "KG0013");

    [Fact]
    public void KG0013_NoSourceIsGenerated()
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            public static partial class Filters
            {
                [Conv2D(3, 3)]
                [MaxPool2D(2, 2)]
                public static partial void Blur({{Conv2DParameters}});
            }
            """);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Equal("KG0013", Assert.Single(run.GeneratorDiagnostics).Id);
    }
}
