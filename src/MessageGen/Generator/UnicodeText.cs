namespace MessageGen.Generator;

/// <summary>
/// Whether JSON strings are Unicode text. A lone surrogate (an escape such as <c>"\ud800"</c>) is no character: no UTF-8
/// JSON holds it, and neither can the generated UTF-8 literals (CS9026) and attributes.
/// </summary>
internal static class UnicodeText
{
    /// <summary>The index of the first lone surrogate in <paramref name="text"/>; -1 when it is Unicode text.</summary>
    public static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
