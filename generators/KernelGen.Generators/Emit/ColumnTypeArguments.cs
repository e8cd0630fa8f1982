using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// How a method serving every <see cref="ColumnRange"/> is written: a type parameter <c>TColumns</c> (a value type,
/// so that the JIT compiles each instantiation on its own and folds the tests below to constants), the runtime's
/// <c>KernelColumns</c> types as its arguments, and tests on it choosing a copy's loads.
/// </summary>
internal static class ColumnTypeArguments
{
    public const string Parameter = "TColumns";

    /// <summary>The type parameter list and constraint of a definition, or nothing for a method serving the interior only.</summary>
    public static (string Parameters, string Constraint) Of(bool servesEnds)
        => servesEnds ? ($"<{Parameter}>", $" where {Parameter} : struct") : ("", "");

    /// <summary>The name of a call: the method's, with the range's type argument if it serves ends.</summary>
    public static string Call(string method, bool servesEnds, ColumnRange range)
        => servesEnds ? $"{method}<{Argument(range)}>"
            : range == ColumnRange.Interior ? method
            : throw new InvalidOperationException($"{method} serves the interior columns only, not {range}.");

    public static string Argument(ColumnRange range) => $"KernelColumns.{range}";

    /// <summary>A test, true in the copy for <paramref name="range"/>.</summary>
    public static string Is(ColumnRange range) => $"typeof({Parameter}) == typeof({Argument(range)})";

    /// <summary>A test, true in every copy but the one for <paramref name="range"/>.</summary>
    public static string IsNot(ColumnRange range) => $"typeof({Parameter}) != typeof({Argument(range)})";

    /// <summary>
    /// Assigns <paramref name="target"/> a value that may differ between the copies: <paramref name="left"/> and
    /// <paramref name="right"/> at the ends, <paramref name="interior"/> elsewhere (null: the interior copy keeps
    /// the value the target has). Statements, not a conditional
    /// expression: the JIT would give each of those a temporary of its own, and a fully unrolled window has
    /// hundreds of them, more locals than it tracks (the frame then grows by kilobytes).
    /// </summary>
    public static void WriteAssignment(SourceWriter w, string target, string? interior, string left, string right)
    {
        var cases = new List<(ColumnRange Range, string Value)>();
        if (left != interior)
        {
            cases.Add((ColumnRange.LeftEnd, left));
        }

        if (right != interior)
        {
            cases.Add((ColumnRange.RightEnd, right));
        }

        if (cases.Count == 0)
        {
            w.Line($"{target} = {interior};");
            return;
        }

        string keyword = "if";
        foreach ((ColumnRange range, string value) in cases)
        {
            using (w.Block($"{keyword} ({Is(range)})"))
            {
                w.Line($"{target} = {value};");
            }

            keyword = "else if";
        }

        if (interior is not null)
        {
            using (w.Block("else"))
            {
                w.Line($"{target} = {interior};");
            }
        }
    }

    /// <summary>
    /// The test under which something absent from some copies runs (null when every copy has it): in the interior
    /// always, at each end unless <paramref name="absentLeft"/> or <paramref name="absentRight"/> says it is not.
    /// </summary>
    public static string? OnlyWhere(bool absentLeft, bool absentRight)
        => (absentLeft, absentRight) switch
        {
            (true, true) => Is(ColumnRange.Interior),
            (true, false) => IsNot(ColumnRange.LeftEnd),
            (false, true) => IsNot(ColumnRange.RightEnd),
            _ => null,
        };

    /// <summary>
    /// <see cref="OnlyWhere(bool, bool)"/> for the channel-lane blocks, which also have a <see cref="ColumnRange.SevenWide"/>
    /// copy: absent from it too when <paramref name="absentSeven"/> (it feeds only the eighth column).
    /// </summary>
    public static string? OnlyWhere(bool absentLeft, bool absentRight, bool absentSeven)
    {
        var tests = new List<string>();
        if (absentLeft)
        {
            tests.Add(IsNot(ColumnRange.LeftEnd));
        }

        if (absentRight)
        {
            tests.Add(IsNot(ColumnRange.RightEnd));
        }

        if (absentSeven)
        {
            tests.Add(IsNot(ColumnRange.SevenWide));
        }

        return tests.Count == 0 ? null : string.Join(" && ", tests);
    }

    /// <summary>A comment for the test of <see cref="OnlyWhere"/>: where the thing it guards lies in the padding.</summary>
    public static string PaddingNote(bool absentLeft, bool absentRight)
        => absentLeft && absentRight ? "in the padding at either end" : absentLeft ? "in the left padding at the left end" : "in the right padding at the right end";

    /// <summary>A comment for the test of <see cref="OnlyWhere(bool, bool, bool)"/>.</summary>
    public static string PaddingNote(bool absentLeft, bool absentRight, bool absentSeven)
        => !absentSeven ? PaddingNote(absentLeft, absentRight)
            : absentLeft || absentRight ? PaddingNote(absentLeft, absentRight) + ", and only the eighth column reads it" : "only the eighth column reads it";
}
