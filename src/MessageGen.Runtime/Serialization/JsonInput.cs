using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace MessageGen.Serialization;

/// <summary>
/// JSON reading primitives used by generated <c>FromJson</c> methods. Type mismatches and unknown members are
/// collected as <see cref="ValidationError"/>s (with the byte offset) so that one read reports every problem.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonInput
{
    /// <summary>The reader options for messages: strict JSON, as the API reads it.</summary>
    public static JsonReaderOptions ReaderOptions => new() { MaxDepth = 64 };

    /// <summary>Moves to the first token and checks that the input starts with an object.</summary>
    public static bool StartRoot(ref Utf8JsonReader reader, ValidationErrors errors)
    {
        // An empty input makes Read throw, and is reported as malformed JSON.
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        WrongType(ref reader, "$", "an object", errors);
        return false;
    }

    /// <summary>
    /// Moves to the next member name of the current object; false at its end. An escaped name is unescaped here, so that
    /// one escaping a lone surrogate is reported as malformed (<c>ValueTextEquals</c> would throw it unexplained).
    /// </summary>
    public static bool NextMember(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            GetText(ref reader);
        }

        return true;
    }

    /// <summary>
    /// At the start of an object: the string value of its member <paramref name="member"/> (the discriminator of a
    /// oneOf/anyOf), or null when it has none or it is not a string. Reads a copy of the reader, so the object is still
    /// there to read.
    /// </summary>
    public static string? PeekString(Utf8JsonReader reader, ReadOnlySpan<byte> member)
    {
        while (NextMember(ref reader))
        {
            var isMember = reader.ValueTextEquals(member);
            reader.Read();
            if (isMember && reader.TokenType == JsonTokenType.String)
            {
                return GetText(ref reader);
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>At the start of a value: the value as compact JSON text, for an alternative the schema allows but does not describe.</summary>
    public static string ReadRaw(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return document.RootElement.GetRawText();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidTextException(reader.TokenStartIndex, e);
        }
    }

    /// <summary>At a member name: the name, for a map's key.</summary>
    public static string ReadName(ref Utf8JsonReader reader) => GetText(ref reader);

    /// <summary>Checks that the current token starts an object; otherwise records the error and skips the value.</summary>
    public static bool ExpectObject(ref Utf8JsonReader reader, string parentPath, string member, ValidationErrors errors)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        WrongType(ref reader, Member(parentPath, member), "an object", errors);
        return false;
    }

    /// <summary>Checks that the current token starts an array; otherwise records the error and skips the value.</summary>
    public static bool ExpectArray(ref Utf8JsonReader reader, string parentPath, string member, ValidationErrors errors)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        WrongType(ref reader, Member(parentPath, member), "an array", errors);
        return false;
    }

    /// <summary>Reads a string value, or records a type error and returns null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader, string parentPath, string member, ValidationErrors errors)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return GetText(ref reader);
        }

        WrongType(ref reader, Member(parentPath, member), "a string", errors);
        return null;
    }

    /// <summary>
    /// Checks a <c>const</c> string member against <paramref name="expectedUtf8"/> without making a string of it (the
    /// usual case); records a type error or the wrong value otherwise.
    /// </summary>
    public static void ReadConstant(ref Utf8JsonReader reader, ReadOnlySpan<byte> expectedUtf8, string expected, string parentPath, string member, ValidationErrors errors)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            WrongType(ref reader, Member(parentPath, member), "a string", errors);
        }
        else if (reader.ValueIsEscaped || !reader.ValueTextEquals(expectedUtf8))
        {
            SchemaChecks.Constant(GetText(ref reader), expected, parentPath, member, errors);
        }
    }

    /// <summary>
    /// Reads an integer, or records a type error and returns null. As JSON Schema says, a number with a zero fraction
    /// (<c>1.0</c>, <c>1e2</c>) is an integer; one beyond the 64 bits of the generated property is reported as such.
    /// </summary>
    public static long? ReadInt64(ref Utf8JsonReader reader, string parentPath, string member, ValidationErrors errors)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var value))
            {
                return value;
            }

            if (reader.TryGetDecimal(out var exact) && decimal.Truncate(exact) == exact)
            {
                if (exact is >= long.MinValue and <= long.MaxValue)
                {
                    return (long)exact;
                }

                OutOfRange(ref reader, Member(parentPath, member), errors);
                return null;
            }

            if (reader.TryGetDouble(out var approximate) && double.IsFinite(approximate) && Math.Abs(approximate) >= 1e28)
            {
                // Too large for decimal, so its fraction (if any) is beyond double's precision: an integer, out of range.
                OutOfRange(ref reader, Member(parentPath, member), errors);
                return null;
            }
        }

        WrongType(ref reader, Member(parentPath, member), "an integer", errors);
        return null;
    }

    /// <summary>Reads a number, or records a type error and returns null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader, string parentPath, string member, ValidationErrors errors)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        WrongType(ref reader, Member(parentPath, member), "a number", errors);
        return null;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>, or records a type error and returns null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader, string parentPath, string member, ValidationErrors errors)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return reader.GetBoolean();
        }

        WrongType(ref reader, Member(parentPath, member), "true or false", errors);
        return null;
    }

    /// <summary>
    /// At a member name the schema does not allow (<c>additionalProperties: false</c>): records it and skips its value.
    /// </summary>
    public static void UnknownMember(ref Utf8JsonReader reader, string parentPath, ValidationErrors errors)
    {
        if (!errors.TryReserve())
        {
            IgnoreMember(ref reader);
            return;
        }

        var member = GetText(ref reader);
        reader.Read();
        var at = reader.TokenStartIndex;
        reader.Skip();
        errors.Add(new ValidationError(Member(parentPath, member), $"Unknown member '{member}' (byte {at}): the schema does not allow it. Remove it or check its spelling."));
    }

    /// <summary>At a member name that other members may use: skips the member, checking that its name is readable text.</summary>
    public static void IgnoreMember(ref Utf8JsonReader reader)
    {
        CheckText(ref reader);
        reader.Read();
        reader.Skip();
    }

    /// <summary>Records that a member occurs twice in one object.</summary>
    public static void DuplicateMember(ref Utf8JsonReader reader, string parentPath, string member, ValidationErrors errors)
    {
        if (errors.TryReserve())
        {
            errors.Add(new ValidationError(Member(parentPath, member), $"Member '{member}' occurs more than once (byte {reader.TokenStartIndex}). Keep one."));
        }
    }

    /// <summary>Checks that the input holds nothing after the root value.</summary>
    public static void EndRoot(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"'{reader.TokenType}' after the end of the message at byte {reader.TokenStartIndex}.");
        }
    }

    /// <summary>Turns a reader failure on <paramref name="input"/> into a <see cref="MalformedJsonException"/> that says where.</summary>
    public static MalformedJsonException Malformed(string messageType, JsonException exception, ReadOnlySpan<byte> input)
    {
        if (exception is InvalidTextException text)
        {
            // Found after the reader moved on, so the position is the token's offset in the whole input.
            var before = input[..(int)text.Offset];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            return new(messageType, before.Count((byte)'\n'), before.Length - lineStart, exception.Message, exception);
        }

        return new(messageType, exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0, exception.Message, exception);
    }

    /// <summary>
    /// The current string or member name as text. Invalid UTF-8 and escapes of lone surrogates are malformed JSON text
    /// (RFC 8259 wants Unicode), so they end reading as <see cref="JsonException"/>, like any other malformed input.
    /// </summary>
    private static string GetText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidTextException(reader.TokenStartIndex, e);
        }
    }

    private static void CheckText(ref Utf8JsonReader reader)
    {
        // Unescaped valid UTF-8 needs no copy; only the rare rest is decoded to be sure.
        if (reader.ValueIsEscaped || !System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
        {
            GetText(ref reader);
        }
    }

    /// <summary>
    /// Drops the validation errors (from <paramref name="firstValidationError"/> on) at a path that already has a
    /// reading error, so a member of the wrong type, or an alternative that names none, is not also reported as missing.
    /// </summary>
    public static void DropRepeatedPaths(ValidationErrors errors, int firstValidationError)
    {
        if (firstValidationError == 0)
        {
            return;
        }

        var readPaths = new HashSet<string>(errors.Take(firstValidationError).Select(e => e.Path), StringComparer.Ordinal);
        errors.RemoveFrom(firstValidationError, readPaths);
    }

    /// <summary>The JSON path of a member, or of an item when <paramref name="member"/> is an <see cref="ItemName"/>.</summary>
    public static string Member(string parentPath, string member)
        => member.StartsWith('[') ? parentPath + member : parentPath + "." + member;

    /// <summary>The JSON path of a member: <paramref name="pathUnderRoot"/> (a constant) when the parent is the root.</summary>
    public static string Member(string parentPath, string member, string pathUnderRoot)
        => parentPath == "$" ? pathUnderRoot : Member(parentPath, member);

    /// <summary>The path segment of an array item: <c>[3]</c>.</summary>
    public static string ItemName(int index)
        => index < s_itemNames.Length ? s_itemNames[index] : "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static readonly string[] s_itemNames = Enumerable.Range(0, 16).Select(i => "[" + i.ToString(CultureInfo.InvariantCulture) + "]").ToArray();

    private static void OutOfRange(ref Utf8JsonReader reader, string path, ValidationErrors errors)
    {
        var at = reader.TokenStartIndex;
        reader.Skip();
        errors.Add(new ValidationError(path, $"The integer at byte {at} is outside the range this type holds ({long.MinValue} to {long.MaxValue})."));
    }

    private static void WrongType(ref Utf8JsonReader reader, string path, string expected, ValidationErrors errors)
    {
        var found = Describe(reader.TokenType);
        var at = reader.TokenStartIndex;
        reader.Skip();
        if (errors.TryReserve())
        {
            errors.Add(new ValidationError(path, $"Expected {expected} but found {found} (byte {at})."));
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>A string or member name that is not Unicode text; <see cref="Offset"/> is its token's byte offset.</summary>
    private sealed class InvalidTextException(long offset, Exception inner)
        : JsonException($"The text at byte {offset} is not valid UTF-8 or escapes a lone surrogate; JSON text must be Unicode.", inner)
    {
        public long Offset { get; } = offset;
    }

    /// <summary>
    /// At the start of any value (an item the schema says nothing about): the value, detached from the input. Its
    /// strings and member names are checked as all text is, and a name given twice in one of its objects is reported
    /// at the value's path, as a repeated member is anywhere else.
    /// </summary>
    public static JsonElement ReadAnyValue(ref Utf8JsonReader reader, string parentPath, string member, ValidationErrors errors)
    {
        var scan = reader;
        var depth = scan.CurrentDepth;
        var isContainer = scan.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        Stack<HashSet<string>>? namesPerObject = null;
        do
        {
            switch (scan.TokenType)
            {
                case JsonTokenType.StartObject:
                    (namesPerObject ??= new()).Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    namesPerObject!.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = GetText(ref scan);
                    if (!namesPerObject!.Peek().Add(name) && errors.TryReserve())
                    {
                        errors.Add(new ValidationError(Member(parentPath, member), $"Member '{name}' occurs more than once in one object (byte {scan.TokenStartIndex}). Keep one."));
                    }

                    break;
                case JsonTokenType.String:
                    CheckText(ref scan);
                    break;
            }
        }
        while (isContainer && scan.Read() && scan.CurrentDepth > depth);

        return JsonElement.ParseValue(ref reader);
    }
}
