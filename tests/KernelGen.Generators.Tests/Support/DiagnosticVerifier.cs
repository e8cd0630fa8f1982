using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Tests.Support;

/// <summary>Runs the generator on a marked-up snippet and compares its diagnostics with the marked spans.</summary>
internal static class DiagnosticVerifier
{
    /// <summary>Words with which a message tells the user what to write instead.</summary>
    private static readonly string[] Remedies = ["write ", "use ", "declare ", "remove ", "keep ", "choose ", "expected ", "must be at least"];

    /// <summary>
    /// Runs the generator on <paramref name="markup"/> and asserts that its diagnostics are exactly the marked
    /// spans (same id, same file, same span, nothing else, the generator not throwing). A <c>[|…|]</c> span
    /// expects <paramref name="id"/>. Each diagnostic must have <paramref name="severity"/>, and an error's message
    /// must say what to write instead and contain every string of <paramref name="messageContains"/>.
    /// </summary>
    public static ImmutableArray<Diagnostic> Verify(
        string markup, string id, DiagnosticSeverity severity = DiagnosticSeverity.Error, params string[] messageContains)
    {
        (string source, IReadOnlyList<MarkedSpan> marked) = Markup.Parse(markup);
        Assert.NotEmpty(marked);
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Null(run.Result.Exception);

        ImmutableArray<Diagnostic> actual = run.GeneratorDiagnostics;
        string[] expected = marked.Select(m => Describe(m.Id ?? id, "Source0.cs", m.Span.ToString())).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        string[] found = actual
            .Select(d => Describe(d.Id, d.Location.SourceTree?.FilePath ?? "<none>", d.Location.SourceSpan.ToString()))
            .OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(found),
            $"Expected diagnostics:\n  {string.Join("\n  ", expected)}\nbut the generator reported:\n  " +
            string.Join("\n  ", actual.Select(d => $"{Describe(d.Id, d.Location.SourceTree?.FilePath ?? "<none>", d.Location.SourceSpan.ToString())} " +
                $"'{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}': {d.GetMessage(CultureInfo.InvariantCulture)}")));

        foreach (Diagnostic diagnostic in actual.Where(d => d.Id == id))
        {
            Assert.Equal(severity, diagnostic.Severity);
            Assert.Equal(severity, diagnostic.Descriptor.DefaultSeverity);
            Assert.True(diagnostic.Location.IsInSource);
            Assert.False(diagnostic.IsSuppressed);
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (severity == DiagnosticSeverity.Error)
            {
                AssertSaysWhatToWrite(message);
            }

            foreach (string fragment in messageContains)
            {
                Assert.Contains(fragment, message, StringComparison.Ordinal);
            }
        }

        return actual;
    }

    /// <summary>A misuse's message names the remedy, not only the fault.</summary>
    public static void AssertSaysWhatToWrite(string message)
    {
        Assert.True(Remedies.Any(r => message.Contains(r, StringComparison.OrdinalIgnoreCase)),
            $"The message does not say what to write instead: \"{message}\"");
    }

    private static string Describe(string id, string path, string span) => $"{id} {path}{span}";
}
