using System.Text.RegularExpressions;
using KernelGen.Generators.Planning;
using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KernelGen.Generators.Tests.Planning;

/// <summary>
/// Every kind of method a plan can list is in the plan of some kernel of the differential catalog (the kernels the
/// kernel tests run against the reference on every vector path, and inside guard pages). A planner change that makes a
/// new kind of method, or stops the catalog from reaching one, fails here until a catalog kernel exercises it.
/// </summary>
public sealed partial class PlanCoverageTests
{
    private static readonly Lazy<HashSet<string>> CatalogMethodKinds = new(ReadCatalogMethodKinds);

    [Fact]
    public void EveryRowPassKindIsInACatalogKernelsPlan()
    {
        var missing = new List<string>();
        foreach (VectorWidth width in VectorWidths.All)
        {
            foreach (int rows in width.IsScalar() ? new[] { 1 } : [1, KernelPlan.MaxRowBlock])
            {
                // Interior, border, and (convolutions with looped kernel rows) the one pass serving both.
                RowPass[] kinds = [new(width, Block: 1, rows, Guarded: false), new(width, 1, rows, Guarded: true), new(width, 1, rows, Guarded: true, AllRows: true)];
                foreach (RowPass pass in kinds)
                {
                    string kind = Kind(pass.Name);
                    if (!CatalogMethodKinds.Value.Contains(kind))
                    {
                        missing.Add(kind);
                    }

                    // At a vector width a guarded pass serves the row ends too, each end its own copy (a call with its type
                    // argument), and so does the interior pass of blocks in a plan without border blocks (pools).
                    bool servesEnds = !width.IsScalar() && (pass.Guarded || rows > 1);
                    foreach (ColumnRange end in servesEnds ? new[] { ColumnRange.LeftEnd, ColumnRange.RightEnd } : [])
                    {
                        string call = $"{kind}<{end}>";
                        if (!CatalogMethodKinds.Value.Contains(call))
                        {
                            missing.Add(call);
                        }
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, $"No catalog kernel's plan has these row passes: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("Lanes512")]
    [InlineData("Lanes256")]
    public void EveryChannelLaneBlockKindIsInACatalogKernelsPlan(string blockMethod)
    {
        // Only the 512-bit blocks have a seven-column copy.
        string[] missing = [.. from kind in Enum.GetValues<ColumnRange>()
                               where kind != ColumnRange.SevenWide || blockMethod == "Lanes512"
                               let call = $"{blockMethod}<{kind}>"
                               where !CatalogMethodKinds.Value.Contains(call)
                               select call];
        Assert.True(missing.Length == 0, $"No catalog kernel's plan has these channel-lane blocks: {string.Join(", ", missing)}");
        Assert.Contains(blockMethod, CatalogMethodKinds.Value); // and the block method of a layer without padding
    }

    [Fact]
    public void TheWholePlanePathIsInACatalogKernelsPlan()
        => Assert.Contains("WholePlanes", CatalogMethodKinds.Value); // global pools: one reduction per channel

    [Fact]
    public void TheCatalogIsRead()
    {
        // Guards the tests above against passing on an empty or misread catalog.
        Assert.Contains("Run", CatalogMethodKinds.Value);
        Assert.Contains(Kind(new RowPass(VectorWidth.V512, 4, 4, Guarded: false).Name), CatalogMethodKinds.Value);
        Assert.InRange(CatalogMethodKinds.Value.Count, 40, 1000);
    }

    // A method name with its channel block and row count left out: Rows512x8_Border_Block4 -> Rows512x#_Border_Block#.
    private static string Kind(string name) => Numbers().Replace(name, "$1#");

    [GeneratedRegex(@"(x|Block)\d+")]
    private static partial Regex Numbers();

    private static HashSet<string> ReadCatalogMethodKinds()
    {
        string catalog = Path.Combine(RepositoryPaths.Root(), "tests", "KernelGen.Kernels.Tests", "Kernels");
        string[] sources = [.. Directory.GetFiles(catalog, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        Assert.True(sources.Length >= 5, $"The kernel catalog was not found under {catalog}.");
        GeneratorRun run = GeneratorHarness.Run(sources);
        Assert.Null(run.Result.Exception);
        Assert.True(run.Result.GeneratedSources.Length >= 100, $"Only {run.Result.GeneratedSources.Length} kernels were generated from the catalog.");
        // Each method declared, and each copy of a method serving several column ranges called (Rows512x#_Block#<LeftEnd>).
        var nodes = run.Result.GeneratedSources.SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes()).ToList();
        return nodes.OfType<MethodDeclarationSyntax>().Select(m => Kind(m.Identifier.Text))
            .Concat(nodes.OfType<InvocationExpressionSyntax>()
                .Select(i => i.Expression)
                .OfType<GenericNameSyntax>()
                .Select(g => $"{Kind(g.Identifier.Text)}<{g.TypeArgumentList.Arguments.Single().ToString().Split('.').Last()}>"))
            .ToHashSet(StringComparer.Ordinal);
    }
}
