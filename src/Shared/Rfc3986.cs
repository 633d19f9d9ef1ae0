namespace MessageGen.Serialization;

/// <summary>
/// The <c>URI</c> rule of RFC 3986 (section 3), which JSON Schema's <c>"format": "uri"</c> names: a scheme, then only
/// the characters each part allows, every <c>%</c> followed by two hex digits. <see cref="System.Uri"/> is laxer (it
/// takes spaces, <c>\</c>, <c>{}</c>, non-ASCII and, on Unix, "/a/b"), so it cannot decide this. Compiled into the
/// runtime and the analyzers alike, so compile time and run time agree.
/// </summary>
internal static class Rfc3986
{
    /// <summary>Whether <paramref name="text"/> is an absolute URI: <c>scheme ":" hier-part ["?" query] ["#" fragment]</c>.</summary>
    public static bool IsUri(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 1 || !IsScheme(text, colon))
        {
            return false;
        }

        var fragmentStart = text.IndexOf('#', colon);
        var end = fragmentStart < 0 ? text.Length : fragmentStart;
        if (fragmentStart >= 0 && !AllOf(text, fragmentStart + 1, text.Length, QueryOrFragment))
        {
            return false;
        }

        var queryStart = text.IndexOf('?', colon, end - colon);
        if (queryStart >= 0 && !AllOf(text, queryStart + 1, end, QueryOrFragment))
        {
            return false;
        }

        var hierEnd = queryStart < 0 ? end : queryStart;
        var at = colon + 1;
        if (hierEnd - at >= 2 && text[at] == '/' && text[at + 1] == '/')
        {
            var pathStart = text.IndexOf('/', at + 2, hierEnd - at - 2);
            var authorityEnd = pathStart < 0 ? hierEnd : pathStart;
            if (!IsAuthority(text, at + 2, authorityEnd))
            {
                return false;
            }

            at = authorityEnd;
        }

        return AllOf(text, at, hierEnd, Path);
    }

    private static bool IsScheme(string text, int end)
    {
        if (!IsAlpha(text[0]))
        {
            return false;
        }

        for (var i = 1; i < end; i++)
        {
            var c = text[i];
            if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>[ userinfo "@" ] host [ ":" port ]</c>.</summary>
    private static bool IsAuthority(string text, int start, int end)
    {
        var userEnd = text.LastIndexOf('@', end - 1, end - start);
        if (userEnd >= 0)
        {
            if (!AllOf(text, start, userEnd, UserInfo))
            {
                return false;
            }

            start = userEnd + 1;
        }

        int hostEnd;
        if (start < end && text[start] == '[')
        {
            var close = text.IndexOf(']', start, end - start);
            if (close < 0 || !IsIpLiteral(text.Substring(start + 1, close - start - 1)))
            {
                return false;
            }

            hostEnd = close + 1;
        }
        else
        {
            var portColon = text.IndexOf(':', start, end - start);
            hostEnd = portColon < 0 ? end : portColon;
            if (!AllOf(text, start, hostEnd, RegisteredName))
            {
                return false;
            }
        }

        if (hostEnd == end)
        {
            return true;
        }

        return text[hostEnd] == ':' && AllOf(text, hostEnd + 1, end, Digit, percentEncoded: false);
    }

    /// <summary><c>IPv6address / IPvFuture</c>, inside the brackets.</summary>
    private static bool IsIpLiteral(string literal)
    {
        if (literal.Length > 1 && (literal[0] == 'v' || literal[0] == 'V'))
        {
            var dot = literal.IndexOf('.');
            return dot > 1
                && AllOf(literal, 1, dot, HexDigit, percentEncoded: false)
                && dot + 1 < literal.Length
                && AllOf(literal, dot + 1, literal.Length, UserInfo, percentEncoded: false);
        }

        // Only hex digits, colons and dots (for an embedded IPv4 address); no zone id, which RFC 3986 does not allow.
        var colons = 0;
        foreach (var c in literal)
        {
            if (!IsHexDigit(c) && c != ':' && c != '.')
            {
                return false;
            }

            colons += c == ':' ? 1 : 0;
        }

        return colons > 0
            && System.Net.IPAddress.TryParse(literal, out var address)
            && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
    }

    /// <summary>
    /// Whether every character of <c>text[start..end)</c> is in <paramref name="allowed"/>, or, where
    /// <paramref name="percentEncoded"/>, a <c>%</c> followed by two hex digits.
    /// </summary>
    private static bool AllOf(string text, int start, int end, CharacterClass allowed, bool percentEncoded = true)
    {
        var classes = s_classes;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c < 128 && (classes[c] & allowed) != 0)
            {
                continue;
            }

            if (c != '%' || !percentEncoded || i + 2 >= end || !IsHexDigit(text[i + 1]) || !IsHexDigit(text[i + 2]))
            {
                return false;
            }

            i += 2;
        }

        return true;
    }

    /// <summary>The ASCII characters each part of a URI allows (RFC 3986, section 3), one bit per part.</summary>
    [System.Flags]
    private enum CharacterClass : byte
    {
        Digit = 1,
        HexDigit = 2,
        RegisteredName = 4, // unreserved / sub-delims
        UserInfo = 8, // unreserved / sub-delims / ":"
        Path = 16, // pchar / "/"
        QueryOrFragment = 32, // pchar / "/" / "?"
    }

    private const CharacterClass Digit = CharacterClass.Digit;
    private const CharacterClass HexDigit = CharacterClass.HexDigit;
    private const CharacterClass RegisteredName = CharacterClass.RegisteredName;
    private const CharacterClass UserInfo = CharacterClass.UserInfo;
    private const CharacterClass Path = CharacterClass.Path;
    private const CharacterClass QueryOrFragment = CharacterClass.QueryOrFragment;

    private static readonly CharacterClass[] s_classes = BuildClasses();

    private static CharacterClass[] BuildClasses()
    {
        var classes = new CharacterClass[128];
        for (var c = (char)0; c < 128; c++)
        {
            var isName = IsUnreserved(c) || IsSubDelimiter(c);
            var isPathSegment = isName || c == ':' || c == '@';
            classes[c] = (IsDigit(c) ? Digit : 0)
                | (IsHexDigit(c) ? HexDigit : 0)
                | (isName ? RegisteredName : 0)
                | (isName || c == ':' ? UserInfo : 0)
                | (isPathSegment || c == '/' ? Path : 0)
                | (isPathSegment || c == '/' || c == '?' ? QueryOrFragment : 0);
        }

        return classes;
    }

    private static bool IsUnreserved(char c) => IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';

    private static bool IsSubDelimiter(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static bool IsAlpha(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
