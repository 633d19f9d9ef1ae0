using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace MessageGen.Serialization;

/// <summary>
/// Values the schema says nothing about (the items of an array without <c>items</c>), held as
/// <see cref="JsonElement"/>s, used by generated code: written as received, copied out of their document, and compared
/// as JSON Schema compares values.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValues
{
    /// <summary>
    /// JSON Schema's equality, for <c>uniqueItems</c>: numbers are equal when their values are (<c>1</c>, <c>1.0</c> and
    /// <c>1e0</c>, exactly, however many digits), strings when their text is, arrays item by item, objects member by
    /// member in any order.
    /// </summary>
    public static IEqualityComparer<JsonElement> SchemaEquality { get; } = new SchemaEqualityComparer();

    /// <summary>Writes <paramref name="value"/> as compact JSON: its text as received (escapes and number digits kept), without white space.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="value"/> is <c>default</c>, which holds no value.</exception>
    public static void Write(IBufferWriter<byte> writer, JsonElement value)
    {
        var text = Encoding.UTF8.GetBytes(value.GetRawText());
        var span = writer.GetSpan(text.Length);
        var written = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (inString)
            {
                span[written++] = b;
                if (b == '\\')
                {
                    span[written++] = text[++i];
                }

                inString = b != '"';
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                span[written++] = b;
                inString = b == '"';
            }
        }

        writer.Advance(written);
    }

    /// <summary>A copy of <paramref name="value"/> that outlives its <see cref="JsonDocument"/>; <c>default</c> stays as it is, for validation to report.</summary>
    public static JsonElement Copy(JsonElement value) => value.ValueKind == JsonValueKind.Undefined ? value : value.Clone();

    /// <summary>A number's value as text that is the same for every way of writing it: sign, digits without leading or trailing zeros, exponent.</summary>
    private static string NumberKey(string number)
    {
        var position = 0;
        var negative = number[0] == '-';
        if (negative)
        {
            position++;
        }

        var digits = new StringBuilder(number.Length);
        var fractionDigits = 0;
        var inFraction = false;
        for (; position < number.Length && number[position] is not ('e' or 'E'); position++)
        {
            if (number[position] == '.')
            {
                inFraction = true;
            }
            else
            {
                digits.Append(number[position]);
                fractionDigits += inFraction ? 1 : 0;
            }
        }

        var exponent = position < number.Length ? BigInteger.Parse(number.AsSpan(position + 1), CultureInfo.InvariantCulture) : BigInteger.Zero;
        var significant = digits.ToString().TrimStart('0');
        if (significant.Length == 0)
        {
            // -0 is 0.
            return "0";
        }

        var trimmed = significant.TrimEnd('0');
        exponent += significant.Length - trimmed.Length - fractionDigits;
        return (negative ? "-" : string.Empty) + trimmed + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class SchemaEqualityComparer : IEqualityComparer<JsonElement>
    {
        public bool Equals(JsonElement x, JsonElement y)
        {
            if (x.ValueKind != y.ValueKind)
            {
                return false;
            }

            switch (x.ValueKind)
            {
                case JsonValueKind.Number:
                    return NumberKey(x.GetRawText()) == NumberKey(y.GetRawText());
                case JsonValueKind.String:
                    return x.GetString() == y.GetString();
                case JsonValueKind.Array:
                    if (x.GetArrayLength() != y.GetArrayLength())
                    {
                        return false;
                    }

                    using (var left = x.EnumerateArray())
                    using (var right = y.EnumerateArray())
                    {
                        while (left.MoveNext() && right.MoveNext())
                        {
                            if (!Equals(left.Current, right.Current))
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                case JsonValueKind.Object:
                    var count = 0;
                    foreach (var member in x.EnumerateObject())
                    {
                        count++;
                        if (!y.TryGetProperty(member.Name, out var other) || !Equals(member.Value, other))
                        {
                            return false;
                        }
                    }

                    return count == y.EnumerateObject().Count();
                default:
                    // true, false and null: the kind is the value.
                    return true;
            }
        }

        public int GetHashCode(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    return NumberKey(value.GetRawText()).GetHashCode(StringComparison.Ordinal);
                case JsonValueKind.String:
                    return value.GetString()!.GetHashCode(StringComparison.Ordinal);
                case JsonValueKind.Array:
                    var items = new HashCode();
                    foreach (var item in value.EnumerateArray())
                    {
                        items.Add(GetHashCode(item));
                    }

                    return items.ToHashCode();
                case JsonValueKind.Object:
                    // Summed, so that the order of the members does not count.
                    var members = 0;
                    foreach (var member in value.EnumerateObject())
                    {
                        members = unchecked(members + HashCode.Combine(member.Name.GetHashCode(StringComparison.Ordinal), GetHashCode(member.Value)));
                    }

                    return members;
                default:
                    return (int)value.ValueKind;
            }
        }
    }
}
