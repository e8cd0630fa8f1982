using System.Text;

namespace KernelGen.Generators.Helpers;

/// <summary>A small indented text writer for generated C#; braces open and close indentation.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes each of <paramref name="lines"/> at the current indentation.</summary>
    public SourceWriter Lines(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            Line(line);
        }

        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, and indents.</summary>
    public SourceWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return this;
    }

    /// <summary>
    /// Opens a brace like <see cref="Open"/> and returns the scope that closes it: <c>using (w.Block("for (...)")) { ... }</c>
    /// keeps every brace the writer opens matched by construction, however the body returns.
    /// </summary>
    public Scope Block(string? header = null, string suffix = "")
    {
        Open(header);
        return new Scope(this, suffix, 1);
    }

    /// <summary>One brace per header, each inside the one before (nested types); the scope closes them all.</summary>
    public Scope Blocks(IEnumerable<string> headers)
    {
        int count = 0;
        foreach (string header in headers)
        {
            Open(header);
            count++;
        }

        return new Scope(this, "", count);
    }

    /// <summary>A <see cref="Block"/> where <paramref name="open"/> holds, else nothing opened and nothing to close.</summary>
    public Scope BlockIf(bool open, string header) => open ? Block(header) : default;

    /// <summary>Outdents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();

    /// <summary>An open brace of a <see cref="SourceWriter"/>, closed when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly SourceWriter? _writer;
        private readonly string _suffix;
        private readonly int _count;

        internal Scope(SourceWriter writer, string suffix, int count)
        {
            _writer = writer;
            _suffix = suffix;
            _count = count;
        }

        /// <summary>Closes the braces; the default scope (no brace opened) closes nothing.</summary>
        public void Dispose()
        {
            for (int i = 0; i < _count; i++)
            {
                _writer!.Close(_suffix);
            }
        }
    }
}
