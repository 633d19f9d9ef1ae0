using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Json;

/// <summary>
/// A small strict JSON (RFC 8259) parser that keeps every value's span. The generator carries it instead of
/// System.Text.Json so that it loads in every compiler host with no extra assemblies, and so that a schema
/// error can be reported at its line and column.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _depth;

    private JsonParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and sets <paramref name="error"/>.</summary>
    public static JsonNode? TryParse(string text, out JsonSyntaxError? error)
    {
        var parser = new JsonParser(text);
        try
        {
            parser.SkipWhitespace();
            var value = parser.ParseValue();
            parser.SkipWhitespace();
            if (parser._position < text.Length)
            {
                throw parser.Error("Unexpected text after the end of the JSON value");
            }

            error = null;
            return value;
        }
        catch (JsonSyntaxException e)
        {
            error = new JsonSyntaxError(e.Message, e.Position);
            return null;
        }
    }

    private JsonNode ParseValue()
    {
        if (_position >= _text.Length)
        {
            throw Error("Unexpected end of file; expected a value");
        }

        switch (_text[_position])
        {
            case '{': return ParseObject();
            case '[': return ParseArray();
            case '"':
                var start = _position;
                var value = ParseString();
                return new JsonString(TextSpan.FromBounds(start, _position), value);
            case 't': return ParseLiteral("true", span => new JsonBoolean(span, true));
            case 'f': return ParseLiteral("false", span => new JsonBoolean(span, false));
            case 'n': return ParseLiteral("null", span => new JsonNull(span));
            default:
                if (_text[_position] == '-' || IsDigit(_text[_position]))
                {
                    return ParseNumber();
                }

                throw Error($"Unexpected character '{Printable(_text[_position])}'; expected a value");
        }
    }

    private JsonObject ParseObject()
    {
        var start = _position;
        Enter();
        _position++;
        var members = new List<JsonMember>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            _depth--;
            return new JsonObject(TextSpan.FromBounds(start, _position), members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("Expected a member name in double quotes");
            }

            var nameStart = _position;
            var name = ParseString();
            var nameSpan = TextSpan.FromBounds(nameStart, _position);
            SkipWhitespace();
            Expect(':', "Expected ':' after the member name");
            SkipWhitespace();
            var value = ParseValue();
            members.Add(new JsonMember(name, nameSpan, value));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                break;
            }

            if (next != ',')
            {
                _position--;
                throw Error("Expected ',' or '}' after a member");
            }
        }

        _depth--;
        return new JsonObject(TextSpan.FromBounds(start, _position), members);
    }

    private JsonArray ParseArray()
    {
        var start = _position;
        Enter();
        _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            _depth--;
            return new JsonArray(TextSpan.FromBounds(start, _position), items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue());
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                break;
            }

            if (next != ',')
            {
                _position--;
                throw Error("Expected ',' or ']' after an array item");
            }
        }

        _depth--;
        return new JsonArray(TextSpan.FromBounds(start, _position), items);
    }

    private string ParseString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("Unterminated string");
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < 0x20)
            {
                throw Error("Control characters must be escaped in strings");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _position++;
                continue;
            }

            _position++;
            var escape = Peek();
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 >= _text.Length
                        || !int.TryParse(_text.Substring(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("Invalid \\u escape; expected four hexadecimal digits");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"Invalid escape '\\{Printable(escape)}'");
            }

            _position++;
        }
    }

    private JsonNumber ParseNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Error("Expected a digit");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!IsDigit(Peek()))
            {
                throw Error("Expected a digit after the decimal point");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error("Expected a digit in the exponent");
            }

            SkipDigits();
        }

        return new JsonNumber(TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start));
    }

    private JsonNode ParseLiteral(string literal, Func<TextSpan, JsonNode> create)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"Unexpected character '{Printable(_text[_position])}'; expected a value");
        }

        var start = _position;
        _position += literal.Length;
        return create(TextSpan.FromBounds(start, _position));
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"Nesting deeper than {MaxDepth} levels");
        }
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _position++;
        }
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private void Expect(char expected, string message)
    {
        if (Peek() != expected)
        {
            throw Error(message);
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private JsonSyntaxException Error(string message)
        => _position >= _text.Length
            ? new(message + ", but the file ended", _text.Length)
            : new(message, _position);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static string Printable(char c) => c < 0x20 ? $"\\u{(int)c:x4}" : c.ToString();

    private sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int position)
            : base(message) => Position = position;

        public int Position { get; }
    }
}

/// <summary>Why a text is not JSON, and the character offset where reading stopped.</summary>
internal sealed record JsonSyntaxError(string Message, int Position);
