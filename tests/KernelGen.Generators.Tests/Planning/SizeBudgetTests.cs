using System.Text;
using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Planning;

/// <summary>
/// What a network costs a user's build: the 13 distinct layers of ResNet-18 (the package size check's project, whose
/// rebuild time <c>size.sh</c> measures) must generate at most 1,000,000 bytes of C#, no file over 150,000. A planner
/// change that unrolls more than the budget allows fails here, with the sizes.
/// </summary>
public sealed class SizeBudgetTests
{
    private const int TotalBudget = 1_000_000, FileBudget = 150_000;

    [Fact]
    public void ResNet18Layers_StayWithinTheGeneratedCodeBudget()
    {
        string layers = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "tests", "KernelGen.Package.Tests", "ResNet18Layers", "Layers.cs"));
        GeneratorRun run = GeneratorHarness.Run(layers);
        Assert.Empty(run.OutputWarningsAndErrors);

        // Bytes as written to disk: UTF-8 with its byte order mark.
        var sizes = run.Result.GeneratedSources
            .Select(s => (s.HintName, Bytes: Encoding.UTF8.GetPreamble().Length + Encoding.UTF8.GetByteCount(s.SourceText.ToString())))
            .OrderByDescending(s => s.Bytes)
            .ToList();
        string report = string.Join(", ", sizes.Select(s => $"{s.HintName} {s.Bytes:N0}"));
        Assert.Equal(13, sizes.Count);
        Assert.True(sizes.Sum(s => s.Bytes) <= TotalBudget, $"{sizes.Sum(s => s.Bytes):N0} bytes in total (budget {TotalBudget:N0}): {report}");
        Assert.True(sizes[0].Bytes <= FileBudget, $"{sizes[0].HintName} is {sizes[0].Bytes:N0} bytes (budget {FileBudget:N0}): {report}");
    }
}
