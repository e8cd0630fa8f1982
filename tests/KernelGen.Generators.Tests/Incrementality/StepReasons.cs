using KernelGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Tests.Incrementality;

/// <summary>
/// Reads the tracked steps of a run. The generator builds one pipeline per attribute (six), all using the same
/// tracking names, so a name maps to several step entries; their outputs are gathered here.
/// </summary>
internal static class StepReasons
{
    public const string ParseStep = "KernelGen.Parse";
    public const string SpecsStep = "KernelGen.Specs";
    public const string DiagnosticsStep = "KernelGen.Diagnostics";
    public const string SourceOutput = "SourceOutput";

    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
        => result.TrackedSteps.TryGetValue(step, out var steps)
            ? [.. steps.SelectMany(s => s.Outputs)]
            : [];

    /// <summary>The reason of every kernel spec, by method name.</summary>
    public static IReadOnlyList<(string Method, IncrementalStepRunReason Reason)> Specs(GeneratorRunResult result)
        => [.. Outputs(result, SpecsStep).Select(o => (((KernelSpec)o.Value).Method.Name, o.Reason)).OrderBy(o => o.Item1, StringComparer.Ordinal)];

    /// <summary>
    /// The reasons of the outputs that add a kernel's source (one per kernel). The diagnostics are a source output
    /// too; they are told apart by their input, a <see cref="Diagnostic"/> rather than a <see cref="KernelSpec"/>.
    /// </summary>
    public static IReadOnlyList<IncrementalStepRunReason> Sources(GeneratorRunResult result)
        => result.TrackedOutputSteps.TryGetValue(SourceOutput, out var steps)
            ? [.. steps.Where(s => s.Inputs.Any(i => i.Source.Outputs[i.OutputIndex].Value is KernelSpec))
                .SelectMany(s => s.Outputs).Select(o => o.Reason)]
            : [];

    public static bool IsReused(IncrementalStepRunReason reason)
        => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}
