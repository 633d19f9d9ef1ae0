using System.Buffers;
using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace MessageGen.Serialization;

/// <summary>
/// UTF-8 JSON writing primitives used by generated serializers. Strings are written as raw UTF-8 (emoji too);
/// only what JSON requires is escaped: <c>"</c>, <c>\</c> and control characters.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonOutput
{
    private static readonly SearchValues<char> s_charsToEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Copies pre-encoded JSON (property names, punctuation, constants) to the writer.</summary>
    public static void WriteRaw(IBufferWriter<byte> writer, ReadOnlySpan<byte> utf8Json)
    {
        var span = writer.GetSpan(utf8Json.Length);
        utf8Json.CopyTo(span);
        writer.Advance(utf8Json.Length);
    }

    /// <summary>Writes <paramref name="value"/> as a quoted JSON string.</summary>
    /// <exception cref="ArgumentException">The string holds a lone surrogate, which UTF-8 cannot carry.</exception>
    public static void WriteString(IBufferWriter<byte> writer, string value)
    {
        var chars = value.AsSpan();
        var firstToEscape = chars.IndexOfAny(s_charsToEscape);
        if (firstToEscape < 0)
        {
            // A UTF-16 code unit never needs more than 3 UTF-8 bytes.
            var span = writer.GetSpan(checked((chars.Length * 3) + 2));
            span[0] = (byte)'"';
            var written = Encode(chars, span.Slice(1));
            span[written + 1] = (byte)'"';
            writer.Advance(written + 2);
            return;
        }

        WriteEscapedString(writer, chars, firstToEscape);
    }

    /// <summary>Template messages: opens the <c>components</c> array before the first component, or separates the next one.</summary>
    public static void StartTemplateComponent(IBufferWriter<byte> writer, ref bool started)
    {
        WriteRaw(writer, started ? ","u8 : ",\"components\":["u8);
        started = true;
    }

    /// <summary>Writes an integer.</summary>
    public static void WriteInt64(IBufferWriter<byte> writer, long value)
    {
        var span = writer.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        writer.Advance(written);
    }

    /// <summary>Writes a number in its shortest round-trippable form.</summary>
    public static void WriteDouble(IBufferWriter<byte> writer, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no representation for NaN or infinity.");
        }

        var span = writer.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        writer.Advance(written);
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public static void WriteBoolean(IBufferWriter<byte> writer, bool value) => WriteRaw(writer, value ? "true"u8 : "false"u8);

    /// <summary>The exception for a required member left null (a model made with an object initializer and not validated).</summary>
    public static InvalidOperationException MissingRequired(string typeName, string member)
        => new($"{typeName} cannot be written: the required member '{member}' is null. Build messages with {typeName}.Builder(), or call Validate() first.");

    private static void WriteEscapedString(IBufferWriter<byte> writer, ReadOnlySpan<char> chars, int firstToEscape)
    {
        // Worst case: every code unit is a control character written as \u00XX.
        var span = writer.GetSpan(checked((chars.Length * 6) + 2));
        var position = 0;
        span[position++] = (byte)'"';
        while (true)
        {
            position += Encode(chars.Slice(0, firstToEscape), span.Slice(position));
            var c = chars[firstToEscape];
            span[position++] = (byte)'\\';
            switch (c)
            {
                case '"': span[position++] = (byte)'"'; break;
                case '\\': span[position++] = (byte)'\\'; break;
                case '\n': span[position++] = (byte)'n'; break;
                case '\r': span[position++] = (byte)'r'; break;
                case '\t': span[position++] = (byte)'t'; break;
                case '\b': span[position++] = (byte)'b'; break;
                case '\f': span[position++] = (byte)'f'; break;
                default:
                    "u00"u8.CopyTo(span.Slice(position));
                    span[position + 3] = HexDigit(c >> 4);
                    span[position + 4] = HexDigit(c & 0xF);
                    position += 5;
                    break;
            }

            chars = chars.Slice(firstToEscape + 1);
            firstToEscape = chars.IndexOfAny(s_charsToEscape);
            if (firstToEscape < 0)
            {
                position += Encode(chars, span.Slice(position));
                break;
            }
        }

        span[position++] = (byte)'"';
        writer.Advance(position);
    }

    private static int Encode(ReadOnlySpan<char> chars, Span<byte> destination)
    {
        try
        {
            return s_strictUtf8.GetBytes(chars, destination);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException(
                $"The text holds a lone UTF-16 surrogate (U+{(int)e.CharUnknown:X4}) at index {e.Index}; it cannot be written as UTF-8. Remove it or pair it.",
                e);
        }
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);
}
