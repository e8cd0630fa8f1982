using KernelGen.Generators.Tests.Support;
using static KernelGen.Generators.Tests.Support.Snippets;

namespace KernelGen.Generators.Tests.Diagnostics;

/// <summary>docs/semantics.md, “Errors at compile time”, the declaration: partial method without body, partial containing types, void, not generic, a supported containing type.</summary>
public sealed class DeclarationDiagnosticsTests
{
    [Fact]
    public void KG0001_MethodNotPartial()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static void {|KG0001:Blur|}({{Conv2DParameters}});
            }
            """, "KG0001", messageContains: ["Blur", "write 'public static partial void Blur(...);'"]);

    [Fact]
    public void KG0001_PartialMethodWithBody()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static partial void {|KG0001:Blur|}({{Conv2DParameters}})
                {
                }
            }
            """, "KG0001", messageContains: "without a body");

    [Fact]
    public void KG0001_PartialMethodWithExpressionBody()
        => DiagnosticVerifier.Verify($$"""
            public partial class Filters
            {
                [MaxPool2D(2, 2)]
                private partial void {|KG0001:Pool|}({{Pool2DParameters}}) => output.Clear();
            }
            """, "KG0001", messageContains: "partial void Pool(...);");

    [Fact]
    public void KG0001_AttributedDefinitionWhoseImplementationIsWrittenByHand()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static partial void {|KG0001:Blur|}({{Conv2DParameters}});

                public static partial void Blur({{Conv2DParameters}})
                {
                }
            }
            """, "KG0001");

    [Fact]
    public void KG0001_ExternPartialMethod()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static extern partial void {|KG0001:Blur|}({{Conv2DParameters}});
            }
            """, "KG0001");

    [Fact]
    public void KG0001_InstanceMethodNotPartial()
        => DiagnosticVerifier.Verify($$"""
            public partial class Layer
            {
                [Conv1D(3)]
                public void {|KG0001:Smooth|}({{Conv1DParameters}}) { }
            }
            """, "KG0001", messageContains: "partial void Smooth(...);");

    [Fact]
    public void KG0002_ContainingTypeNotPartial()
        => DiagnosticVerifier.Verify($$"""
            namespace Demo
            {
                public static class {|KG0002:Filters|}
                {
                    [Conv2D(3, 3)]
                    public static partial void Blur({{Conv2DParameters}});
                }
            }
            """, "KG0002", messageContains: ["'Filters'", "'Blur'", "write 'partial class Filters'"]);

    [Fact]
    public void KG0002_OuterTypeOfNestedTypeNotPartial()
        => DiagnosticVerifier.Verify($$"""
            public class {|KG0002:Outer|}
            {
                public static partial class Inner
                {
                    [Conv2D(3, 3)]
                    public static partial void Blur({{Conv2DParameters}});
                }
            }
            """, "KG0002", messageContains: "write 'partial class Outer'");

    [Fact]
    public void KG0002_EveryNonPartialTypeOfTheChainIsReported()
        => DiagnosticVerifier.Verify($$"""
            public struct {|KG0002:Outer|}
            {
                public partial record struct Middle
                {
                    public record {|KG0002:Inner|}
                    {
                        [MaxPool2D(2, 2)]
                        public partial void Pool({{Pool2DParameters}});
                    }
                }
            }
            """, "KG0002");

    [Theory]
    [InlineData("struct", "partial struct Holder")]
    [InlineData("record", "partial record Holder")]
    [InlineData("record struct", "partial record struct Holder")]
    public void KG0002_MessageNamesTheKindOfType(string keyword, string remedy)
        => DiagnosticVerifier.Verify($$"""
            public {{keyword}} {|KG0002:Holder|}
            {
                [Conv1D(3)]
                public partial void Smooth({{Conv1DParameters}});
            }
            """, "KG0002", messageContains: $"write '{remedy}'");

    [Fact]
    public void KG0003_ReturnNotVoid()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static partial {|KG0003:int|} Blur({{Conv2DParameters}});
            }
            """, "KG0003", messageContains: ["returns 'int'", "declare it as 'partial void Blur(...)'"]);

    [Fact]
    public void KG0003_SpanReturnType()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [AvgPool1D(2)]
                public static partial {|KG0003:Span<float>|} Pool({{Pool1DParameters}});
            }
            """, "KG0003", messageContains: "partial void Pool(...)");

    [Fact]
    public void KG0004_GenericMethod()
        => DiagnosticVerifier.Verify($$"""
            public static partial class Filters
            {
                [Conv2D(3, 3)]
                public static partial void Blur{|KG0004:<T>|}({{Conv2DParameters}});
            }
            """, "KG0004", messageContains: ["'Blur'", "declare one method per element type, with float or double spans"]);

    [Fact]
    public void KG0004_GenericMethodOverTheElementType_AlsoNamesTheElementTypeToUse()
        => DiagnosticVerifier.Verify("""
            public static partial class Filters
            {
                [MaxPool1D(2)]
                public static partial void Pool{|KG0004:<T>|}{|KG0006:(ReadOnlySpan<T> input, Span<T> output, int length)|} where T : struct;
            }
            """, "KG0004");

    [Fact]
    public void KG0015_KernelInInterface()
        => DiagnosticVerifier.Verify($$"""
            public partial interface {|KG0015:IFilters|}
            {
                [Conv2D(3, 3)]
                static partial void Blur({{Conv2DParameters}});
            }
            """, "KG0015", messageContains: ["interface 'IFilters'", "declare it in a partial class, struct or record"]);

    [Fact]
    public void KG0015_KernelInFileLocalType()
        => DiagnosticVerifier.Verify($$"""
            file static partial class {|KG0015:Filters|}
            {
                [Conv2D(3, 3)]
                public static partial void Blur({{Conv2DParameters}});
            }
            """, "KG0015", messageContains: ["file-local type 'Filters'", "that is not file-local"]);

    [Fact]
    public void KG0015_KernelInTypeNestedInFileLocalType()
        => DiagnosticVerifier.Verify($$"""
            file partial class {|KG0015:Outer|}
            {
                public static partial class Inner
                {
                    [MaxPool2D(2, 2)]
                    public static partial void Pool({{Pool2DParameters}});
                }
            }
            """, "KG0015");

    [Fact]
    public void NoKernelSourceIsEmittedForAMisuse()
    {
        (string source, _) = Markup.Parse($$"""
            public static class {|KG0002:Filters|}
            {
                [Conv2D(3, 3)]
                public static partial {|KG0003:int|} Blur{|KG0004:<T>|}({{Conv2DParameters}});
            }
            """);
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Equal(["KG0002", "KG0003", "KG0004"], run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }
}
