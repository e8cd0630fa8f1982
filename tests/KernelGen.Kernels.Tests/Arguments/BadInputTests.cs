using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// docs/semantics.md, “Errors at run time” on every generated kernel: the whole bad-input matrix of <see cref="BadCalls"/> throws exactly
/// the named exception, carrying the parameter name the declaration uses (the catalog holds kernels with unusual
/// and keyword names), with the lengths and names in its message; and a rejected call leaves every span, the
/// output above all, exactly as it was.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => KernelCatalog.Names(Enum.GetValues<KernelFamily>());

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryBadCallIsRejectedWithItsParameterNameAndNothingWritten(string kernel)
    {
        KernelCase c = KernelCatalog.Get(kernel);
        Assert.True(NativePages.Supported, "The overflow cases map their huge inputs with mmap (Linux).");
        IReadOnlyList<BadCall> calls = BadCalls.For(c);
        var failures = new List<string>();
        foreach (BadCall call in calls)
        {
            BadCallRunner.Outcome outcome = BadCallRunner.Run(c, call);
            if (Problem(call, outcome) is string problem)
            {
                failures.Add($"{call}: {problem}");
            }
        }

        output.WriteLine($"{kernel}: {calls.Count} bad calls ({string.Join("; ", calls.Select(b => b.What))})");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {calls.Count} bad calls to {c.Method} went wrong:{Environment.NewLine}" + string.Join(Environment.NewLine, failures));
    }

    /// <summary>The matrix has every row it promises for every kernel, so that no kind of kernel silently loses one.</summary>
    [Fact]
    public void TheMatrixHasEveryRowForEveryKernel()
    {
        var rows = new Dictionary<BadRow, int>();
        foreach (KernelCase c in KernelCatalog.All)
        {
            IReadOnlyList<BadCall> calls = BadCalls.For(c);
            int Count(BadRow row) => calls.Count(b => b.Row == row);
            KernelParameters p = c.Parameters;
            int spans = new[] { p.Input, p.Weights, p.Bias, p.Output }.Count(n => n is not null);
            int windowDimensions = (c.Is2D && c.KernelHeight > 1 ? 1 : 0) + (c.KernelWidth > 1 ? 1 : 0);
            Assert.Equal(spans, Count(BadRow.SpanShort));
            Assert.Equal(2 * (spans - (c.PackedWeights ? 2 : 1)), Count(BadRow.Overlap)); // packed weights are the kernel's own copy
            Assert.Equal(c.Is2D ? 6 : 3, Count(BadRow.SizeNotPositive));
            Assert.Equal(c.Padding == Padding.Valid ? windowDimensions : 0, Count(BadRow.EmptyOutput));
            Assert.True(Count(BadRow.HugeSizes) + Count(BadRow.DimensionOverflow) >= 1, $"{c.Name}: no huge size");
            Assert.True(!c.Is2D && c.InChannels == 1 || Count(BadRow.InputOverflow) >= 1, $"{c.Name}: no channels·height·width overflow");
            foreach (BadCall call in calls)
            {
                rows[call.Row] = rows.GetValueOrDefault(call.Row) + 1;
            }
        }

        Assert.Equal(Enum.GetValues<BadRow>().Order(), rows.Keys.Order());
        Assert.Contains(KernelCatalog.All.SelectMany(BadCalls.For), b => b.Row == BadRow.InputOverflow && b.InputLength is > 0 and < 1 << 20);
        output.WriteLine(string.Join(", ", rows.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}")) + $": {rows.Values.Sum()} bad calls");
    }

    private static string? Problem(BadCall call, BadCallRunner.Outcome outcome)
    {
        if (outcome.Thrown is null)
        {
            return $"returned normally; expected {call.Exception.Name} naming '{call.ParamName}'" + (outcome.SpansUnchanged ? "" : ", and wrote to its spans");
        }

        if (outcome.Thrown.GetType() != call.Exception)
        {
            return $"threw {outcome.Thrown.GetType().Name} ({outcome.Thrown.Message}); expected {call.Exception.Name} naming '{call.ParamName}'";
        }

        string? name = ((ArgumentException)outcome.Thrown).ParamName;
        if (name != call.ParamName)
        {
            return $"{call.Exception.Name}.ParamName is '{name}', expected the declared name '{call.ParamName}' ({outcome.Thrown.Message})";
        }

        string[] missing = call.MessageContains.Where(word => !Regex.IsMatch(outcome.Thrown.Message, $@"(?<![\w.]){Regex.Escape(word)}(?![\w])")).ToArray();
        if (missing.Length > 0)
        {
            return $"the message does not show {string.Join(", ", missing.Select(m => $"'{m}'"))}: {outcome.Thrown.Message}";
        }

        return outcome.SpansUnchanged ? null : $"threw as expected, but after writing to its spans";
    }
}
