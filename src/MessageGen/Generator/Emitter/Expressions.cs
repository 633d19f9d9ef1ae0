using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MessageGen.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageGen.Generator.Emitter;

/// <summary>Small C# expressions that several emitters write: literals, JSON paths and the model's creation.</summary>
internal static class Expressions
{
    /// <summary>A C# string literal holding <paramref name="value"/>.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A UTF-8 string literal (<c>"..."u8</c>): bytes without an allocation.</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    public static string Literal(bool value) => value ? "true" : "false";

    /// <summary>A C# double literal, or <c>null</c> for a keyword the schema does not use.</summary>
    public static string Literal(double? value)
        => value is { } number ? number.ToString("R", CultureInfo.InvariantCulture) + "d" : "null";

    /// <summary>A length or count limit, or -1, which the run-time checks take for a keyword the schema does not use.</summary>
    public static string Limit(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-1";

    /// <summary>A <c>string[]</c> of the given values.</summary>
    public static string StringArray(IEnumerable<string> values) => $"new[] {{ {string.Join(", ", values.Select(Literal))} }}";

    /// <summary>A C# <c>double[]</c> creation expression.</summary>
    public static string DoubleArray(IEnumerable<double> values) => $"new double[] {{ {string.Join(", ", values.Select(v => Literal(v)))} }}";

    /// <summary>The name of item <paramref name="index"/> (an expression) in a JSON path: <c>[3]</c>.</summary>
    public static string ItemName(string index) => $"{RuntimeTypes.JsonInput}.ItemName({index})";

    /// <summary>
    /// The expression for a member's JSON path. For a member of the root (the common case) it is a constant, so
    /// reading and validating a message allocates no path strings.
    /// </summary>
    public static string MemberPath(string parentPath, string member)
        => member.StartsWith("\"", StringComparison.Ordinal) && member.IndexOf('\\') < 0
            ? $"{RuntimeTypes.JsonInput}.Member({parentPath}, {member}, {Literal("$." + member.Substring(1, member.Length - 2))})"
            : $"{RuntimeTypes.JsonInput}.Member({parentPath}, {member})";

    /// <summary>
    /// Creates the model from one nullable local or field per settable member (<paramref name="source"/> names it). Missing
    /// required members were reported before, so a required value is taken as set.
    /// </summary>
    public static string NewModel(SchemaSpec schema, ObjectSpec obj, Func<PropertySpec, string> source)
    {
        var assignments = obj.SettableProperties.Select(p => $"{p.ClrName} = {source(p)}{Unwrap(p)}");
        return $"new {schema.Qualified(obj.TypeName)} {{ {string.Join(", ", assignments)} }}";

        static string Unwrap(PropertySpec property)
            => !property.IsRequired ? string.Empty
                : property.Type.IsValueType ? ".GetValueOrDefault()"
                : "!";
    }
}
