using System;
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

    /// <summary>
    /// The singular of a plural member name, for the builder's <c>Add</c> methods: "ies" becomes "y" (<c>Entries</c> →
    /// <c>Entry</c>), "sses", "xes", "ches" and "shes" lose the "es" (<c>Addresses</c> → <c>Address</c>), any other name
    /// loses its final "s" (<c>Buttons</c> → <c>Button</c>). Null when the name does not end in "s", ends in a singular
    /// "ss" (<c>Class</c>), or nothing would be left (<c>S</c>).
    /// </summary>
    public static string? Singular(string pluralName)
    {
        // Class, Address: a singular "ss" is no plural, and "Clas" no name.
        if (!EndsWith("s") || (EndsWith("ss") && !EndsWith("sses")))
        {
            return null;
        }

        var singular = EndsWith("ies") ? pluralName.Substring(0, pluralName.Length - 3) + "y"
            : EndsWith("sses") || EndsWith("xes") || EndsWith("ches") || EndsWith("shes") ? pluralName.Substring(0, pluralName.Length - 2)
            : pluralName.Substring(0, pluralName.Length - 1);

        // "S" leaves nothing to name a method after; "Ies" leaves "y", upper-cased like every name.
        return singular.Length == 0 ? null : char.ToUpperInvariant(singular[0]) + singular.Substring(1);

        bool EndsWith(string suffix) => pluralName.EndsWith(suffix, StringComparison.Ordinal);
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
