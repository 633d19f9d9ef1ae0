using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Json;

/// <summary>A JSON value with the span of text it came from, so diagnostics can point at it.</summary>
internal abstract class JsonNode
{
    protected JsonNode(TextSpan span) => Span = span;

    public TextSpan Span { get; }

    public abstract string KindName { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(TextSpan span, IReadOnlyList<JsonMember> members)
        : base(span) => Members = members;

    public IReadOnlyList<JsonMember> Members { get; }

    public override string KindName => "an object";

    public JsonMember? Find(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    public JsonNode? Get(string name) => Find(name)?.Value;
}

/// <summary>One <c>"name": value</c> pair; <see cref="NameSpan"/> covers the quoted name.</summary>
internal sealed class JsonMember
{
    public JsonMember(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
        : base(span) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override string KindName => "an array";
}

internal sealed class JsonString : JsonNode
{
    public JsonString(TextSpan span, string value)
        : base(span) => Value = value;

    public string Value { get; }

    public override string KindName => "a string";
}

/// <summary>A number, kept as its text so nothing is lost to rounding.</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(TextSpan span, string text)
        : base(span) => Text = text;

    public string Text { get; }

    public override string KindName => "a number";
}

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(TextSpan span, bool value)
        : base(span) => Value = value;

    public bool Value { get; }

    public override string KindName => "a boolean";
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(TextSpan span)
        : base(span)
    {
    }

    public override string KindName => "null";
}
