using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace KernelGen.Generators.Tests.Support;

/// <summary>A span marked in a test snippet, with the diagnostic id it expects (null for a plain <c>[|…|]</c> span).</summary>
internal sealed record MarkedSpan(string? Id, TextSpan Span);

/// <summary>
/// Test-snippet markup: <c>{|KG0005:text|}</c> marks where diagnostic KG0005 is expected, <c>[|text|]</c> marks a
/// span whose id the test names. The markers are stripped and their spans computed in the stripped text, so that
/// the expected location is written next to the code it points at. Markers may nest.
/// </summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<MarkedSpan> Spans) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var open = new Stack<(string? Id, int Start, char Close)>();
        var spans = new List<MarkedSpan>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, text.Length, ']'));
                i += 1;
            }
            else if (At(markup, i, "{|") && markup.IndexOf(':', i) is int colon and > 0 && IsId(markup, i + 2, colon))
            {
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length, '}'));
                i = colon;
            }
            else if (open.Count > 0 && i + 1 < markup.Length && markup[i] == '|' && markup[i + 1] == open.Peek().Close)
            {
                (string? id, int start, _) = open.Pop();
                spans.Add(new MarkedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i += 1;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException($"Unclosed marker in test markup: {open.Count} left open.", nameof(markup));
        }

        spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return (text.ToString(), spans);
    }

    private static bool At(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;

    private static bool IsId(string s, int from, int to)
        => to > from && to - from <= 16 && s.Substring(from, to - from).All(char.IsLetterOrDigit);
}
