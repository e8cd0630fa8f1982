using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KernelGen.Generators.Tests.Support;

/// <summary>What one generator run produced.</summary>
/// <param name="Driver">The driver after the run, to run again on an edited compilation.</param>
/// <param name="Input">The compilation the generator saw.</param>
/// <param name="Output">The input plus the generated trees.</param>
/// <param name="Result">The run result of the KernelGen generator (its exception, tracked steps, sources).</param>
/// <param name="GeneratorDiagnostics">What the generator reported, filtered by the compilation options and #pragma like a build does.</param>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation Input,
    Compilation Output,
    GeneratorRunResult Result,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources
        => Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    private IReadOnlyList<Diagnostic>? _outputDiagnostics;

    /// <summary>The output compilation's own diagnostics (user code plus generated code), computed once.</summary>
    public IReadOnlyList<Diagnostic> OutputDiagnostics => _outputDiagnostics ??= Output.GetDiagnostics();

    /// <summary>The output compilation's own diagnostics (user code plus generated code), warnings and errors only.</summary>
    public IReadOnlyList<Diagnostic> OutputWarningsAndErrors
        => OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Output-compilation warnings and errors located in generated trees: each one is a generator bug.</summary>
    public IReadOnlyList<Diagnostic> GeneratedCodeWarningsAndErrors
    {
        get
        {
            var generated = Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
            return OutputWarningsAndErrors.Where(d => d.Location.SourceTree is { } tree && generated.Contains(tree)).ToList();
        }
    }
}

/// <summary>
/// Compiles snippets against the .NET 10 reference assemblies and the KernelGen runtime library, runs
/// <see cref="KernelGenerator"/> through a <see cref="CSharpGeneratorDriver"/> with step tracking, and returns what it
/// produced. Snippets see <c>System</c> and <c>KernelGen</c> through a separate global-usings tree.
/// </summary>
internal static class GeneratorHarness
{
    public const string GlobalUsingsPath = "GlobalUsings.cs";

    /// <summary>The parse options of snippets and generated trees: the newest language, doc comments parsed but not checked.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Parse);

    /// <summary>As a consumer building with GenerateDocumentationFile: doc comments checked (CS1591 and friends).</summary>
    public static readonly CSharpParseOptions DocumentationParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        allowUnsafe: false,
        deterministic: true);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        [
            .. Net100.References.All,
            MetadataReference.CreateFromFile(typeof(KernelGen.Conv2DAttribute).Assembly.Location),
        ]);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static SyntaxTree Parse(string source, string path, CSharpParseOptions? options = null)
        => CSharpSyntaxTree.ParseText(source, options ?? ParseOptions, path);

    /// <summary>A compilation of the global usings plus <paramref name="sources"/>, named <c>Source0.cs</c>, <c>Source1.cs</c>, ….</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CreateCompilation(sources.Select((s, i) => Parse(s, $"Source{i}.cs")));

    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees, CSharpParseOptions? options = null)
        => CSharpCompilation.Create(
            "Snippets",
            [Parse("global using System;\nglobal using KernelGen;\n", GlobalUsingsPath, options), .. trees],
            References,
            CompilationOptions);

    public static GeneratorDriver CreateDriver(CSharpParseOptions? options = null)
        => CSharpGeneratorDriver.Create(
            [new KernelGenerator().AsSourceGenerator()],
            additionalTexts: [],
            parseOptions: options ?? ParseOptions,
            optionsProvider: null,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateDriver(), CreateCompilation(sources));

    /// <summary>
    /// The one file the generator writes for a single method carrying <paramref name="attribute"/> with
    /// <paramref name="parameters"/> (as written in the declaration), after checking that it compiles without warnings.
    /// </summary>
    public static string GenerateOne(string attribute, string parameters)
    {
        GeneratorRun run = Run($$"""
            namespace Demo;

            public static partial class Kernels
            {
                [{{attribute}}]
                public static partial void Kernel({{parameters}});
            }
            """);
        Assert.Empty(run.OutputWarningsAndErrors);
        return Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
    }

    /// <summary>Runs <paramref name="driver"/> (fresh or from an earlier run, for incremental runs) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult result = Assert.Single(driver.GetRunResult().Results);
        return new GeneratorRun(driver, compilation, output, result, diagnostics);
    }
}
