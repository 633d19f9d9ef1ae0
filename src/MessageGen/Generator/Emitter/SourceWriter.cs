using System;
using System.Text;

namespace MessageGen.Generator;

/// <summary>Writes C# source with indentation, as System.Text.Json's generator does.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private static readonly string[] s_lineBreaks = { "\r\n", "\n" };
    private readonly StringBuilder _builder = new();
    private int _indentation;

    public void Indent() => _indentation++;

    public void Unindent() => _indentation--;

    public void OpenBlock(string line)
    {
        WriteLine(line);
        WriteLine("{");
        Indent();
    }

    public void OpenBlock()
    {
        WriteLine("{");
        Indent();
    }

    public void CloseBlock(string suffix = "")
    {
        Unindent();
        WriteLine("}" + suffix);
    }

    public void WriteLine(string line)
    {
        if (line.Length == 0)
        {
            _builder.Append('\n');
            return;
        }

        for (var i = 0; i < _indentation; i++)
        {
            _builder.Append(IndentUnit);
        }

        _builder.Append(line).Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes an XML doc comment; the text is escaped and split into lines.</summary>
    public void WriteDocSummary(string text)
    {
        WriteLine("/// <summary>");
        foreach (var line in text.Split(s_lineBreaks, StringSplitOptions.None))
        {
            WriteLine("/// " + EscapeXml(line));
        }

        WriteLine("/// </summary>");
    }

    public static string EscapeXml(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
