namespace MessageGen.Schema;

/// <summary>
/// Marks a generated property or builder method with the JSON member it sets and that member's schema constraints.
/// The MessageGen analyzers read these attributes, so every schema gets the same compile-time checks.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SchemaMemberAttribute : Attribute
{
    /// <summary>Creates the attribute for the JSON member <paramref name="jsonName"/>.</summary>
    public SchemaMemberAttribute(string jsonName) => JsonName = jsonName;

    /// <summary>The member's name in JSON.</summary>
    public string JsonName { get; }

    /// <summary>The schema lists the member in <c>required</c>.</summary>
    public bool Required { get; set; }

    /// <summary>The schema's <c>minLength</c>, or -1.</summary>
    public int MinLength { get; set; } = -1;

    /// <summary>The schema's <c>maxLength</c>, or -1.</summary>
    public int MaxLength { get; set; } = -1;

    /// <summary>The schema's <c>pattern</c> (ECMA 262 regular expression), or null.</summary>
    public string? Pattern { get; set; }

    /// <summary>The schema's <c>format</c> (e.g. <c>uri</c>), or null.</summary>
    public string? Format { get; set; }

    /// <summary>The schema's <c>enum</c> (or <c>const</c>) of strings, or null.</summary>
    public string[]? AllowedValues { get; set; }

    /// <summary>The schema's <c>enum</c> (or <c>const</c>) of numbers, or null.</summary>
    public double[]? AllowedNumbers { get; set; }

    /// <summary>The schema's <c>minimum</c>, or NaN.</summary>
    public double Minimum { get; set; } = double.NaN;

    /// <summary>The schema's <c>exclusiveMinimum</c>, or NaN.</summary>
    public double ExclusiveMinimum { get; set; } = double.NaN;

    /// <summary>The schema's <c>maximum</c>, or NaN.</summary>
    public double Maximum { get; set; } = double.NaN;

    /// <summary>The schema's <c>exclusiveMaximum</c>, or NaN.</summary>
    public double ExclusiveMaximum { get; set; } = double.NaN;

    /// <summary>The schema's <c>multipleOf</c>, or NaN.</summary>
    public double MultipleOf { get; set; } = double.NaN;
}
