using System.Text;
using System.Text.Json;

namespace MessageGen.Internal;

/// <summary>
/// Strings from the API's answers, read so that text that is not Unicode (invalid UTF-8, an escaped lone surrogate)
/// never turns a taken message or a typed API error into an unexplained <see cref="InvalidOperationException"/>.
/// </summary>
internal static class LenientText
{
    /// <summary>The current string; as its raw JSON text (bad bytes as U+FFFD, escapes as written) when it is not Unicode.</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>Whether the current string or name is <paramref name="text"/>; false when it is not Unicode.</summary>
    public static bool ValueIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> text)
    {
        try
        {
            return reader.ValueTextEquals(text);
        }
        catch (InvalidOperationException)
        {
            // Unescaping a lone surrogate fails; such a value is no name or status we know.
            return false;
        }
    }

    /// <summary>The string <paramref name="value"/>; as its raw JSON text when it is not Unicode.</summary>
    public static string Get(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Only escapes are left to fail here: the body was made valid UTF-8 before parsing.
            return value.GetRawText().Trim('"');
        }
    }

    /// <summary><paramref name="body"/>, or a copy with every invalid UTF-8 sequence replaced by U+FFFD.</summary>
    public static byte[] ToValidUtf8(ReadOnlySpan<byte> body) =>
        System.Text.Unicode.Utf8.IsValid(body) ? body.ToArray() : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body));
}
