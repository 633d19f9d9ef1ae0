using System;
using System.Text;

namespace MessageGen.Generator.Emitter;

/// <summary>
/// Writes C# source with indentation, as System.Text.Json's generator does: <see cref="WriteLine(string)"/> takes a
/// line or a multi-line raw string (a template) and indents each of its lines at the current level.
/// </summary>
/// <remarks>
/// Blank lines follow the usual C# layout: never two in a row, none right after <c>{</c> or right before <c>}</c>, none
/// at the start or end. So emitters can end every block with a blank line without knowing what comes next.
/// </remarks>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    // Every character that ends a line in C#: text from a schema may hold any of them.
    private static readonly string[] s_lineBreaks = { "\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029" };
    private readonly StringBuilder _builder = new();
    private int _indentation;
    private bool _blankLinePending;
    private bool _lastLineOpensBlock = true;

    public void OpenBlock(string line)
    {
        WriteLine(line);
        OpenBlock();
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock()
    {
        _indentation--;
        WriteLine("}");
    }

    /// <summary>Writes <paramref name="text"/> line by line, each line indented at the current level; empty lines stay empty.</summary>
    public void WriteLine(string text)
    {
        foreach (var line in text.Split(s_lineBreaks, StringSplitOptions.None))
        {
            WriteSingleLine(line);
        }
    }

    /// <summary>Writes a blank line, unless the layout rules in the remarks drop it.</summary>
    public void WriteLine() => WriteSingleLine(string.Empty);

    /// <summary>Writes an XML doc comment; the text is escaped and split into lines.</summary>
    public void WriteDocSummary(string text)
    {
        WriteLine("/// <summary>");
        foreach (var line in text.Split(s_lineBreaks, StringSplitOptions.None))
        {
            WriteLine(line.Length == 0 ? "///" : "/// " + EscapeXml(line));
        }

        WriteLine("/// </summary>");
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Text from a schema (a member name) made safe inside a one-line doc comment: escaped, on one line.</summary>
    public static string DocText(string text)
        => string.Join(" ", EscapeXml(text).Split(s_lineBreaks, StringSplitOptions.None));

    private static string EscapeXml(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private void WriteSingleLine(string line)
    {
        var code = line.Trim();
        if (code.Length == 0)
        {
            _blankLinePending = !_lastLineOpensBlock;
            return;
        }

        if (_blankLinePending && code[0] != '}')
        {
            _builder.Append('\n');
        }

        for (var i = 0; i < _indentation; i++)
        {
            _builder.Append(IndentUnit);
        }

        _builder.Append(line).Append('\n');
        _blankLinePending = false;
        _lastLineOpensBlock = code == "{";
    }
}
