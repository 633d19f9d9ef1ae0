using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageGen.Generator;

/// <summary>Turns JSON names and schema titles into C# names: <c>message_status</c> → <c>MessageStatus</c>.</summary>
internal static class Naming
{
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>A parameter name: camelCase, with <c>@</c> before a C# keyword.</summary>
    public static string ToParameterName(string pascalName)
    {
        var name = pascalName.Length > 0 && char.IsUpper(pascalName[0])
            ? char.ToLowerInvariant(pascalName[0]) + pascalName.Substring(1)
            : pascalName;
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
    }

    /// <summary>The file name without the <c>.schema.json</c> (or <c>.json</c>) suffix.</summary>
    public static string SchemaBaseName(string fileName)
    {
        foreach (var suffix in new[] { ".schema.json", ".json" })
        {
            if (fileName.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase))
            {
                return fileName.Substring(0, fileName.Length - suffix.Length);
            }
        }

        return fileName;
    }
}
