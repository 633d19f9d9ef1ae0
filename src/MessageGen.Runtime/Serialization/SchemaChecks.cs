using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MessageGen.Serialization;

/// <summary>
/// Schema checks with JSON Schema semantics, used by generated validation. Each failure becomes a
/// <see cref="ValidationError"/> that names the member, the rule and how to fix it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaChecks
{
    private const int MaxQuotedLength = 60;

    /// <summary>Checks a string against its schema keywords (pass -1 / null for keywords the schema does not use).</summary>
    public static void CheckString(
        string value,
        string parentPath,
        string member,
        int minLength,
        int maxLength,
        SchemaPattern? pattern,
        bool isUri,
        string[]? allowedValues,
        ValidationErrors errors)
    {
        // One scan for surrogates serves both checks: most text has none, and then its length is its char count.
        var firstSurrogate = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (firstSurrogate >= 0 && IndexOfLoneSurrogate(value, firstSurrogate) is var at and >= 0)
        {
            // ToJson could not write it: JSON text is Unicode, and a lone surrogate is no character.
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' holds a lone surrogate (U+{(int)value[at]:X4}) at index {at}, which is not a Unicode character. Fix the text it came from."));
            return;
        }

        if (minLength >= 0 || maxLength >= 0)
        {
            var length = firstSurrogate < 0 ? value.Length : CountRunes(value);
            if (maxLength >= 0 && length > maxLength)
            {
                errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {length} characters long; the maximum is {maxLength}."));
            }

            if (minLength >= 0 && length < minLength)
            {
                errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {length} characters long; the minimum is {minLength}."));
            }
        }

        if (pattern is not null && !pattern.IsMatch(value))
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' must match the pattern {pattern} but is {Quote(value)}."));
        }

        if (isUri && !IsAbsoluteUri(value))
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' must be an absolute URI (such as https://example.com/video.mp4) but is {Quote(value)}."));
        }

        if (allowedValues is not null && Array.IndexOf(allowedValues, value) < 0)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' must be one of {string.Join(", ", allowedValues.Select(Quote))} but is {Quote(value)}."));
        }
    }

    /// <summary>Checks an array's item count against <c>minItems</c>/<c>maxItems</c>.</summary>
    public static void CheckCount(int count, string parentPath, string member, int minItems, int maxItems, ValidationErrors errors)
    {
        if (maxItems >= 0 && count > maxItems)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{member}' has {count} items; the maximum is {maxItems}."));
        }

        if (minItems >= 0 && count < minItems)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{member}' has {count} items; the minimum is {minItems}."));
        }
    }

    /// <summary>Checks a number against the numeric keywords its schema uses (null for the others), <c>enum</c>/<c>const</c> included.</summary>
    public static void CheckNumber(
        double value,
        string parentPath,
        string member,
        double? minimum,
        double? exclusiveMinimum,
        double? maximum,
        double? exclusiveMaximum,
        double? multipleOf,
        ValidationErrors errors,
        double[]? allowedValues = null)
    {
        if (!double.IsFinite(value))
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {Show(value)}, which is not a JSON number. Give a finite number."));
            return;
        }

        if (allowedValues is not null && Array.IndexOf(allowedValues, value) < 0)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {Show(value)}; it must be one of {string.Join(", ", allowedValues.Select(Show))}."));
        }

        if (value < minimum)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {Show(value)}; the minimum is {Show(minimum.Value)}."));
        }

        if (value <= exclusiveMinimum)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {Show(value)}; it must be greater than {Show(exclusiveMinimum.Value)}."));
        }

        if (value > maximum)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {Show(value)}; the maximum is {Show(maximum.Value)}."));
        }

        if (value >= exclusiveMaximum)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {Show(value)}; it must be less than {Show(exclusiveMaximum.Value)}."));
        }

        if (multipleOf is { } divisor && !NumberRules.IsMultipleOf(value, divisor))
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {Show(value)}, which is not a multiple of {Show(divisor)}."));
        }
    }

    /// <summary>Checks a boolean against its <c>const</c> or <c>enum</c>, which allows <paramref name="allowed"/> only.</summary>
    public static void CheckBoolean(bool value, string parentPath, string member, bool allowed, ValidationErrors errors)
    {
        if (value != allowed)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is {Show(value)}; it must be {Show(allowed)}."));
        }
    }

    /// <summary>Checks <c>uniqueItems</c> for an array of strings, numbers or booleans.</summary>
    public static void CheckUnique<T>(IReadOnlyList<T> items, string parentPath, string member, ValidationErrors errors)
        => CheckUnique(items, parentPath, member, EqualityComparer<T>.Default, errors);

    /// <summary>Checks <c>uniqueItems</c> for an array of any values, equal as JSON Schema says (<see cref="JsonValues.SchemaEquality"/>).</summary>
    public static void CheckUnique(IReadOnlyList<JsonElement> items, string parentPath, string member, ValidationErrors errors)
        => CheckUnique(items, parentPath, member, JsonValues.SchemaEquality, errors);

    /// <summary>Checks that an item the schema says nothing about holds a value: <c>default(JsonElement)</c> holds none, and <c>WriteTo</c> could not write it.</summary>
    public static void CheckJsonValue(JsonElement value, string parentPath, string member, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{Label(member)}' is default(JsonElement), which holds no JSON value."));
        }
    }

    private static void CheckUnique<T>(IReadOnlyList<T> items, string parentPath, string member, IEqualityComparer<T> comparer, ValidationErrors errors)
    {
        var seen = new HashSet<T>(comparer);
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(items[i]))
            {
                errors.Add(new(JsonInput.Member(parentPath, member), $"'{member}' must hold unique items, but item {i} repeats an earlier one."));
                return;
            }
        }
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(bool value) => value ? "true" : "false";

    /// <summary>
    /// The discriminator <paramref name="member"/> of the oneOf/anyOf at <paramref name="path"/> names no alternative
    /// (<paramref name="value"/> is null when it is absent or not a string). Reported at the value's own path, which
    /// then has no alternative to hold.
    /// </summary>
    public static ValidationError UnknownAlternative(string path, string member, string? value, string[] known)
    {
        var expected = string.Join(", ", known.Select(Quote));
        return new(
            path,
            value is null
                ? $"'{member}' must be a string that says which alternative this is: one of {expected}."
                : $"'{member}' is {Quote(value)}, which is none of the alternatives the schema allows: {expected}.");
    }

    /// <summary>A required member is missing.</summary>
    public static ValidationError Missing(string parentPath, string member)
        => new(JsonInput.Member(parentPath, member), $"Required member '{member}' is missing.");

    /// <summary>A map holds a null value.</summary>
    public static ValidationError NullValue(string mapPath, string key)
        => new(JsonInput.Member(mapPath, key), "Values must not be null.");

    /// <summary>An additional property (<c>additionalProperties</c>) has the name of a member that <c>properties</c> describes.</summary>
    public static ValidationError DescribedMember(string parentPath, string member)
        => new(JsonInput.Member(parentPath, member), $"'{member}' is a member the schema describes in 'properties', so it cannot be an additional property too. Set it through its own property.");

    /// <summary>An array holds a null item.</summary>
    public static ValidationError NullItem(string arrayPath, int index)
        => new(JsonInput.Member(arrayPath, JsonInput.ItemName(index)), "Items must not be null.");

    /// <summary>A <c>oneOf</c> of <c>required</c> is broken: <paramref name="satisfied"/> says which alternatives are set.</summary>
    public static ValidationError ExactlyOneOf(string path, string[] alternatives, bool[] satisfied)
    {
        var choices = string.Join(" or ", alternatives);
        var set = alternatives.Where((_, i) => satisfied[i]).ToList();
        var message = set.Count == 0
            ? $"Exactly one of {choices} must be set; none is."
            : $"Exactly one of {choices} must be set, but {string.Join(" and ", set)} are {(set.Count == 2 ? "both" : "all")} set. Keep one.";
        return new(path, message);
    }

    /// <summary>A <c>dependentRequired</c>/<c>dependentSchemas</c> rule is broken.</summary>
    public static ValidationError Dependency(string parentPath, string member, bool requiresAll, string[] requires)
    {
        var names = string.Join(requiresAll ? " and " : " or ", requires.Select(r => $"'{r}'"));
        return new(
            JsonInput.Member(parentPath, member),
            $"'{member}' is set, so {names} must be set too. Set {(requiresAll || requires.Length == 1 ? "them" : "one of them")} or remove '{member}'.");
    }

    /// <summary>A <c>dependentSchemas</c> rule is broken: <paramref name="member"/> is set, and <paramref name="requirement"/> (in words) does not hold.</summary>
    public static ValidationError DependentSchema(string parentPath, string member, string requirement)
        => new(JsonInput.Member(parentPath, member), $"'{member}' is set, so {requirement}. Meet that or remove '{member}'.");

    /// <summary>Whether a string meets the keywords <see cref="CheckString"/> checks, for a condition such as a dependent schema's.</summary>
    public static bool IsValidString(string value, int minLength, int maxLength, SchemaPattern? pattern, bool isUri, string[]? allowedValues)
    {
        var errors = new ValidationErrors();
        CheckString(value, "$", "value", minLength, maxLength, pattern, isUri, allowedValues, errors);
        return errors.Count == 0;
    }

    /// <summary>Whether a number meets the keywords <see cref="CheckNumber"/> checks, for a condition such as a dependent schema's.</summary>
    public static bool IsValidNumber(double value, double? minimum, double? exclusiveMinimum, double? maximum, double? exclusiveMaximum, double? multipleOf, double[]? allowedValues)
    {
        var errors = new ValidationErrors();
        CheckNumber(value, "$", "value", minimum, exclusiveMinimum, maximum, exclusiveMaximum, multipleOf, errors, allowedValues);
        return errors.Count == 0;
    }

    /// <summary>Checks that a constant member read from JSON has its schema value.</summary>
    public static void Constant(string? value, string expected, string parentPath, string member, ValidationErrors errors)
    {
        if (value is not null && value != expected)
        {
            errors.Add(new(JsonInput.Member(parentPath, member), $"'{member}' must be {Quote(expected)} but is {Quote(value)}."));
        }
    }

    /// <summary>The length as JSON Schema counts it: Unicode code points, so an emoji counts once.</summary>
    public static int Length(string value)
        => value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? value.Length : CountRunes(value);

    /// <summary>A URI as RFC 3986 defines it (<c>"format": "uri"</c>): absolute, with only the characters it allows.</summary>
    public static bool IsAbsoluteUri(string value) => Rfc3986.IsUri(value);

    private static int CountRunes(string value)
    {
        var length = 0;
        foreach (var _ in value.AsSpan().EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    /// <summary>The index of the first UTF-16 surrogate (from <paramref name="start"/>, the first one) that is not half of a pair, or -1.</summary>
    private static int IndexOfLoneSurrogate(string value, int start)
    {
        var chars = value.AsSpan();
        for (var i = start; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Label(string member) => member.StartsWith('[') ? "item " + member : member;

    private static string Quote(string value)
    {
        var shown = value.Length > MaxQuotedLength ? value[..MaxQuotedLength] + "…" : value;
        var builder = new StringBuilder(shown.Length + 2).Append('"');
        foreach (var c in shown)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append('"').ToString();
    }
}
