using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace KernelGen.Generators.Tests.Fuzzing;

/// <summary>
/// docs/semantics.md, “Errors at compile time” under random input. Each seed writes <see cref="DeclarationsPerSeed"/> declarations (one file
/// each, all in one compilation; some broken as while typing) and runs the generator once over them. Then:
/// <list type="bullet">
/// <item>the generator never throws (run result without exception, no CS8785 or AD0001), only reports KG ids, and
/// its generated code has no error of its own, whatever the input;</item>
/// <item>every declaration <see cref="SpecOracle"/> finds invalid gets at least one KG error, only for rules it
/// breaks, and no source;</item>
/// <item>every valid declaration gets exactly one source and no KG error (or only the documented limit KG0016);
/// KG0100 (looped rows) is an info, never for a window within 11 × 11, names the window's KH·KW taps, and one tap
/// limit separates the looped windows from the others;</item>
/// <item>a subset of the valid declarations is compiled, with its sources, into one assembly that must have no
/// error or warning: up to <see cref="RunsPerSeed"/> with small windows, which are then loaded into a collectible
/// load context and run against the reference kernels, up to <see cref="ExtremesPerSeed"/> with an extreme option
/// (stride or dilation above 3, more than 256 taps, a dimension of 32 or more, 64 channels or more, constant
/// weights), and <see cref="CompiledPerSeed"/> others (compiling every valid declaration would take minutes: the
/// generated kernels are tens to hundreds of KiB each);</item>
/// <item>no declaration takes more than a second to generate, however large its window: the seed's whole run is
/// timed, and if it took more than a second each declaration is timed alone.</item>
/// </list>
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    public const int Seeds = 20;
    public const int DeclarationsPerSeed = 125;
    public const int RunsPerSeed = 10;
    public const int CompiledPerSeed = 2;
    public const int ExtremesPerSeed = 6;
    public const double BrokenShare = 0.15;
    private static readonly TimeSpan GenerationBound = TimeSpan.FromSeconds(1);
    private static readonly Lazy<bool> WarmedUp = new(WarmUp);

    public static IEnumerable<int> SeedList => Enumerable.Range(1, Seeds).Select(i => 7919 * i);

    public static TheoryData<int> SeedValues => new(SeedList);

    [Theory]
    [MemberData(nameof(SeedValues))]
    public void RandomDeclarations_AreJudgedGeneratedAndRunAsTheSpecSays(int seed)
    {
        _ = WarmedUp.Value;
        var clock = Stopwatch.StartNew();
        var fuzzer = new DeclarationFuzzer(seed);
        var coin = new Random(seed ^ 0x5EED);
        var declarations = new List<FuzzDeclaration>();
        var expectations = new Dictionary<FuzzDeclaration, Expectation>();
        int runners = 0, compiled = 0, extremes = 0;
        for (int i = 0; i < DeclarationsPerSeed; i++)
        {
            FuzzDeclaration d = fuzzer.Next(seed * 1000 + i);
            if (coin.NextDouble() < BrokenShare)
            {
                d.Corruption = fuzzer.Corrupt(d);
            }
            else
            {
                Expectation expectation = SpecOracle.Judge(d);
                expectations[d] = expectation;
                if (expectation.MustGenerate && runners < RunsPerSeed && Runnable(d))
                {
                    d.WithRunner = d.Compile = true;
                    runners++;
                }
                else if (expectation.MustGenerate && (Extreme(d) ? extremes++ < ExtremesPerSeed : compiled++ < CompiledPerSeed))
                {
                    d.Compile = true;
                }
            }

            declarations.Add(d);
        }

        (GeneratorRun run, TimeSpan elapsed) = Generate(declarations);
        var failures = new List<string>();
        Survived(run, "the whole seed", failures);

        TimeSpan slowest = elapsed;
        string slowestCase = "(the whole seed)";
        if (elapsed > GenerationBound)
        {
            // Over a second for all of them together: time each one alone (the best of three, against machine noise).
            slowest = TimeSpan.Zero;
            foreach (FuzzDeclaration d in declarations)
            {
                TimeSpan alone = Enumerable.Range(0, 3).Select(_ => Generate([d]).Elapsed).Min();
                if (alone > slowest)
                {
                    (slowest, slowestCase) = (alone, $"case {d.Id}");
                }

                if (alone > GenerationBound)
                {
                    failures.Add($"case {d.Id} took {alone.TotalMilliseconds:F0} ms to generate (bound {GenerationBound.TotalMilliseconds:F0} ms):\n{d.Text}");
                }
            }
        }

        // Judge each declaration against its own file's diagnostics and the sources that name its first type.
        ILookup<string, Diagnostic> byFile = run.GeneratorDiagnostics.ToLookup(d => d.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal);
        int valid = 0, invalid = 0, limited = 0, broken = 0;
        var unrolled = new List<long>();
        var looped = new List<(long Taps, long Limit)>();
        var toCompile = new List<(FuzzDeclaration Declaration, SyntaxTree Generated)>();
        var claimed = new HashSet<SyntaxTree>();
        foreach (FuzzDeclaration d in declarations)
        {
            GeneratedSourceResult[] sources = [.. run.Result.GeneratedSources.Where(s => s.HintName.Contains(d.Marker, StringComparison.Ordinal))];
            claimed.UnionWith(sources.Select(s => s.SyntaxTree));
            if (!expectations.TryGetValue(d, out Expectation? expected))
            {
                // Broken input: survival, checked for the whole seed; and a source generated for it (a corruption may
                // leave the declaration valid) has no error of its own.
                broken++;
                foreach (Diagnostic error in sources.SelectMany(s => run.Output.GetSemanticModel(s.SyntaxTree).GetDiagnostics())
                    .Where(x => x.Severity == DiagnosticSeverity.Error).Take(3))
                {
                    failures.Add($"generated code for broken input has {error}, case {d.Id}:\n{d.Text}");
                }

                continue;
            }

            Diagnostic[] errors = [.. byFile[d.Path].Where(x => x.Severity == DiagnosticSeverity.Error)];
            string[] ids = [.. errors.Select(x => x.Id).Distinct().Order(StringComparer.Ordinal)];
            string describe = $"case {d.Id} ({expected}; reported {(ids.Length == 0 ? "no error" : string.Join(", ", ids))}, {sources.Length} source(s)):\n{d.Text}";
            if (!expected.Valid)
            {
                invalid++;
                if (ids.Length == 0 || ids.Any(id => !expected.Violated.Contains(id) && !expected.Limitations.Contains(id)) || sources.Length > 0)
                {
                    failures.Add($"invalid declaration not reported as the semantics page says, {describe}");
                }

                continue;
            }

            if (ids.Length > 0)
            {
                limited++;
                if (ids.Any(id => !expected.Limitations.Contains(id)) || sources.Length > 0)
                {
                    failures.Add($"valid declaration rejected, {describe}\n{string.Join("\n", errors.Select(e => e.GetMessage(CultureInfo.InvariantCulture)))}");
                }

                continue;
            }

            valid++;
            Diagnostic? looping = byFile[d.Path].FirstOrDefault(x => x.Id == "KG0100");
            if (sources.Length != 1)
            {
                failures.Add($"valid declaration without exactly one source, {describe}");
            }
            else if (looping is not null && (looping.Severity != DiagnosticSeverity.Info || expected.UnrolledWhole
                || !looping.GetMessage(CultureInfo.InvariantCulture).Contains($" has {expected.Taps} taps, more than the ", StringComparison.Ordinal)))
            {
                failures.Add($"KG0100 wrong for a {expected.KernelHeight}x{expected.KernelWidth} window ({looping.Severity}: " +
                    $"{looping.GetMessage(CultureInfo.InvariantCulture)}), {describe}");
            }
            else if (d.Compile)
            {
                toCompile.Add((d, sources[0].SyntaxTree));
            }

            if (looping is null)
            {
                unrolled.Add(expected.Taps);
            }
            else if (System.Text.RegularExpressions.Regex.Match(looping.GetMessage(CultureInfo.InvariantCulture), @"more than the (\d+) ") is { Success: true } limit)
            {
                looped.Add((expected.Taps, long.Parse(limit.Groups[1].Value, CultureInfo.InvariantCulture)));
            }
        }

        // One limit, stated in every KG0100, separates the looped windows (more taps) from the unrolled ones.
        if (looped.Select(l => l.Limit).Distinct().Count() > 1
            || looped.Any(l => l.Taps <= l.Limit)
            || looped.Count > 0 && unrolled.Any(t => t > looped[0].Limit))
        {
            failures.Add($"KG0100 does not follow one tap limit: looped (taps, limit) {string.Join(" ", looped.Take(10))}; " +
                $"unrolled taps up to {(unrolled.Count == 0 ? 0 : unrolled.Max())}");
        }

        // Sources that name no declaration of the seed (there should be none).
        foreach (SyntaxTree tree in run.Result.GeneratedSources.Select(s => s.SyntaxTree).Where(t => !claimed.Contains(t)))
        {
            failures.Add($"a generated source matches no declaration: {tree.FilePath}");
        }

        // Every valid declaration compiles with its source, without warnings; the small ones also run.
        FuzzRunner.Outcome ran = FuzzRunner.CompileAndRun(run.Input, toCompile, seed);
        failures.AddRange(ran.Failures);

        output.WriteLine($"seed {seed}: {declarations.Count} declarations ({valid} valid and generated, {limited} valid but too large to index (KG0016), " +
            $"{invalid} invalid, {broken} broken); generated {toCompile.Sum(k => k.Generated.Length) / 1024} KiB (largest {toCompile.Select(k => k.Generated.Length).DefaultIfEmpty().Max() / 1024} KiB: case {toCompile.MaxBy(k => k.Generated.Length).Declaration?.AttributeText()}); {toCompile.Count} compiled ({toCompile.Count(k => Extreme(k.Declaration))} with extreme options, {ran.CompileMilliseconds} ms), {ran.Kernels} of them run at {ran.Calls} sizes ({ran.RunMilliseconds} ms); generation {elapsed.TotalMilliseconds:F0} ms for the seed, " +
            $"slowest single {slowestCase} {slowest.TotalMilliseconds:F0} ms; {clock.ElapsedMilliseconds} ms in all");
        Assert.True(valid >= DeclarationsPerSeed / 5 && invalid >= DeclarationsPerSeed / 5 && broken > 0,
            $"seed {seed}: too one-sided a mix ({valid} valid, {invalid} invalid, {broken} broken) to test much");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} failures; the first ones:\n\n" + string.Join("\n\n", failures.Take(5)));
    }

    /// <summary>The fuzzer's own sanity: the oracle sees every kind of mistake over all seeds, and valid cases of every kind.</summary>
    [Fact]
    public void TheFuzzerReachesEveryRuleOfTheOracle()
    {
        var violated = new HashSet<string>(StringComparer.Ordinal);
        var validKinds = new HashSet<FuzzKind>();
        bool limited = false, looped = false;
        foreach (int seed in SeedList)
        {
            var fuzzer = new DeclarationFuzzer(seed);
            for (int i = 0; i < DeclarationsPerSeed; i++)
            {
                FuzzDeclaration d = fuzzer.Next(i);
                Expectation e = SpecOracle.Judge(d);
                violated.UnionWith(e.Violated);
                limited |= e.Valid && e.Limitations.Count > 0;
                looped |= e.MustGenerate && e.Taps > 1000;
                if (e.MustGenerate)
                {
                    validKinds.Add(d.Kind);
                }
            }
        }

        string[] rules = ["KG0001", "KG0002", "KG0003", "KG0004", "KG0005", "KG0006", "KG0007", "KG0008", "KG0009", "KG0010", "KG0011", "KG0013", "KG0014", "KG0015"];
        Assert.Equal(rules, violated.Order(StringComparer.Ordinal));
        Assert.True(limited, "no valid declaration is too large to index (KG0016)");
        Assert.True(looped, "no valid declaration has a window of more than 1000 taps");
        Assert.Equal(Enum.GetValues<FuzzKind>(), validKinds.Order());
        output.WriteLine($"rules reached: {string.Join(", ", violated.Order(StringComparer.Ordinal))}; valid kinds: {string.Join(", ", validKinds)}");
    }

    // Small enough to compile and run quickly, in a type the helper can call into.
    private static bool Runnable(FuzzDeclaration d)
    {
        var g = FuzzRunner.Geometry.Of(d);
        FuzzType inner = d.Types[^1];
        return g.KernelHeight <= 9 && g.KernelWidth <= 9 && g.Dilation <= 3 && g.StrideWidth <= 4 && g.InChannels <= 16 && g.OutChannels <= 16
               && (d.Static || inner.Kind is not ContainerKind.AbstractClass)
               && inner.Kind is not ContainerKind.RefStruct; // reflection cannot invoke members of a ref struct
    }

    // Options far from the common ones, where constants grow large and loops change shape.
    private static bool Extreme(FuzzDeclaration d)
    {
        var g = FuzzRunner.Geometry.Of(d);
        return g.StrideHeight > 3 || g.StrideWidth > 3 || g.Dilation > 3 || (long)g.KernelHeight * g.KernelWidth > 256
               || g.KernelHeight >= 32 || g.KernelWidth >= 32 || g.InChannels >= 64 || g.OutChannels >= 64 || d.Weights is not null;
    }

    private static (GeneratorRun Run, TimeSpan Elapsed) Generate(IReadOnlyList<FuzzDeclaration> declarations)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(declarations.Select(d => GeneratorHarness.Parse(d.Text, d.Path)));
        GeneratorDriver driver = GeneratorHarness.CreateDriver();
        var clock = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation result, out ImmutableArray<Diagnostic> diagnostics);
        TimeSpan elapsed = clock.Elapsed;
        GeneratorRunResult runResult = Assert.Single(driver.GetRunResult().Results);
        return (new GeneratorRun(driver, compilation, result, runResult, diagnostics), elapsed);
    }

    private static void Survived(GeneratorRun run, string what, List<string> failures)
    {
        if (run.Result.Exception is not null)
        {
            failures.Add($"{what}: the generator threw {run.Result.Exception}");
        }

        if (run.GeneratorDiagnostics.FirstOrDefault(d => d.Id is "CS8785" or "AD0001") is { } crash)
        {
            failures.Add($"{what}: {crash}");
        }

        if (run.GeneratorDiagnostics.FirstOrDefault(d => !d.Id.StartsWith("KG", StringComparison.Ordinal)) is { } foreign)
        {
            failures.Add($"{what}: the generator reported {foreign}");
        }

    }

    // The first run pays for loading and compiling Roslyn and the generator: keep it out of the timings.
    private static bool WarmUp()
    {
        var fuzzer = new DeclarationFuzzer(1);
        _ = Generate([.. Enumerable.Range(0, 40).Select(i => fuzzer.Next(900_000 + i))]).Run.Output.Emit(Stream.Null);
        return true;
    }
}
