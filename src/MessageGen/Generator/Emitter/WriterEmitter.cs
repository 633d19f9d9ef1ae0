using System.Globalization;
using System.Text;
using MessageGen.Model;
using static MessageGen.Generator.Emitter.Expressions;

namespace MessageGen.Generator.Emitter;

/// <summary>
/// Writes <c>WriteTo</c> and <c>ToJson</c>: compact UTF-8 JSON, members in schema order, absent optional members left
/// out. Names, constants and commas that are known when generating are joined into one UTF-8 literal, so writing
/// allocates nothing.
/// </summary>
internal sealed class WriterEmitter(SourceWriter writer)
{
    private const string Output = RuntimeTypes.JsonOutput;

    public void Emit(ObjectSpec obj)
    {
        writer.WriteLine($$"""
            /// <summary>Writes this object as compact UTF-8 JSON: members in schema order, absent optional members left out.</summary>
            /// <param name="writer">Where to write; a reused <see cref="global::System.Buffers.ArrayBufferWriter{T}"/> makes writing allocation-free.</param>
            public {{obj.OverrideModifier}}void WriteTo(global::System.Buffers.IBufferWriter<byte> writer)
            """);
        writer.OpenBlock();
        writer.WriteLine("""
            if (writer is null)
            {
                throw new global::System.ArgumentNullException(nameof(writer));
            }

            """);
        EmitMembers(obj);
        writer.CloseBlock();
        writer.WriteLine();

        // An alternative of a union inherits ToJson() from its base, which calls this WriteTo.
        if (!obj.IsAlternative)
        {
            EmitToJson();
        }
    }

    /// <summary><c>ToJson()</c>, over the type's <c>WriteTo</c>.</summary>
    public void EmitToJson()
    {
        writer.WriteLine("""
            /// <summary>Returns this object as compact JSON.</summary>
            public string ToJson()
            {
                var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(256);
                WriteTo(buffer);
                return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            }

            """);
    }

    private void EmitMembers(ObjectSpec obj)
    {
        // JSON known when generating, not yet written: it goes out as one literal before the next run-time value.
        var pending = new StringBuilder("{");
        var tracksWrittenMembers = obj.TracksWrittenMembers;
        if (tracksWrittenMembers)
        {
            writer.WriteLine("var wroteMember = false;");
        }

        foreach (var (property, separator) in obj.WriteOrder)
        {
            if (property.HoldsAdditionalProperties)
            {
                FlushRaw(pending);
                EmitWriteAdditionalProperties(property, separator);
                continue;
            }

            var name = JsonString(property.JsonName) + ":";
            if (property.IsAlwaysWritten)
            {
                if (separator == MemberSeparator.CommaIfWritten)
                {
                    FlushRaw(pending);
                    EmitCommaIfWritten();
                }

                pending.Append(separator == MemberSeparator.Comma ? "," : string.Empty).Append(name);
                if (property.Type.Const is { } constant)
                {
                    pending.Append(JsonString(constant));
                    continue;
                }

                FlushRaw(pending);
                EmitWriteValue(property.Type, RequiredValue(obj, property), depth: 0);
                continue;
            }

            FlushRaw(pending);
            writer.OpenBlock($"if ({property.ClrName} is not null)");
            if (separator == MemberSeparator.CommaIfWritten)
            {
                EmitCommaIfWritten();
            }

            var prefix = (separator == MemberSeparator.Comma ? "," : string.Empty) + name;
            writer.WriteLine($"{Output}.WriteRaw(writer, {Utf8Literal(prefix)});");
            EmitWriteValue(property.Type, property.Type.IsValueType ? property.ClrName + ".Value" : property.ClrName, depth: 0);
            if (separator != MemberSeparator.Comma && tracksWrittenMembers)
            {
                writer.WriteLine("wroteMember = true;");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        pending.Append('}');
        FlushRaw(pending);
    }

    /// <summary>The additional properties after the schema's members, each with its own name.</summary>
    private void EmitWriteAdditionalProperties(PropertySpec additional, MemberSeparator separator)
    {
        writer.OpenBlock($"if ({additional.ClrName} is not null)");
        writer.OpenBlock($"foreach (var pair0 in {additional.ClrName})");
        if (separator == MemberSeparator.Comma)
        {
            writer.WriteLine($"{Output}.WriteRaw(writer, \",\"u8);");
        }
        else
        {
            EmitCommaIfWritten();
        }

        writer.WriteLine($$"""
            {{Output}}.WriteString(writer, pair0.Key);
            {{Output}}.WriteRaw(writer, ":"u8);
            """);
        EmitWriteValue(additional.Type.Items!, "pair0.Value", depth: 1);
        if (separator != MemberSeparator.Comma)
        {
            writer.WriteLine("wroteMember = true;");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>A required member's value; a reference that is null anyway (the caller skipped <c>Build()</c>) cannot be written.</summary>
    private static string RequiredValue(ObjectSpec obj, PropertySpec property)
        => property.Type.IsValueType
            ? property.ClrName
            : $"({property.ClrName} ?? throw {Output}.MissingRequired({Literal(obj.TypeName)}, {Literal(property.JsonName)}))";

    private void EmitCommaIfWritten()
        => writer.WriteLine($$"""
            if (wroteMember)
            {
                {{Output}}.WriteRaw(writer, ","u8);
            }

            """);

    private void FlushRaw(StringBuilder pending)
    {
        if (pending.Length > 0)
        {
            writer.WriteLine($"{Output}.WriteRaw(writer, {Utf8Literal(pending.ToString())});");
            pending.Clear();
        }
    }

    private void EmitWriteValue(TypeSpec type, string value, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
                writer.WriteLine($"{Output}.WriteString(writer, {value});");
                break;
            case ValueKind.Integer:
                writer.WriteLine($"{Output}.WriteInt64(writer, {value});");
                break;
            case ValueKind.Number:
                writer.WriteLine($"{Output}.WriteDouble(writer, {value});");
                break;
            case ValueKind.Boolean:
                writer.WriteLine($"{Output}.WriteBoolean(writer, {value});");
                break;
            case ValueKind.Object:
                writer.WriteLine($"{value}.WriteTo(writer);");
                break;
            case ValueKind.Array:
                EmitWriteArray(type, value, depth);
                break;
            case ValueKind.Map:
                EmitWriteMap(type, value, depth);
                break;
            case ValueKind.Any:
                writer.WriteLine($"{RuntimeTypes.JsonValues}.Write(writer, {value});");
                break;
        }
    }

    private void EmitWriteMap(TypeSpec type, string value, int depth)
    {
        var pair = "pair" + depth;
        var first = "first" + depth;
        writer.OpenBlock();
        writer.WriteLine($$"""
            var {{first}} = true;
            {{Output}}.WriteRaw(writer, "{"u8);
            foreach (var {{pair}} in {{value}})
            {
                if (!{{first}})
                {
                    {{Output}}.WriteRaw(writer, ","u8);
                }

                {{first}} = false;
                {{Output}}.WriteString(writer, {{pair}}.Key);
                {{Output}}.WriteRaw(writer, ":"u8);
            """);
        writer.OpenBlock();
        EmitWriteValue(type.Items!, $"{pair}.Value", depth + 1);
        writer.CloseBlock();
        writer.WriteLine($$"""
            }

            {{Output}}.WriteRaw(writer, "}"u8);
            """);
        writer.CloseBlock();
    }

    private void EmitWriteArray(TypeSpec type, string value, int depth)
    {
        var items = "items" + depth;
        var i = "i" + depth;
        writer.OpenBlock();
        writer.WriteLine($$"""
            var {{items}} = {{value}};
            {{Output}}.WriteRaw(writer, "["u8);
            for (var {{i}} = 0; {{i}} < {{items}}.Count; {{i}}++)
            """);
        writer.OpenBlock();
        writer.WriteLine($$"""
            if ({{i}} > 0)
            {
                {{Output}}.WriteRaw(writer, ","u8);
            }

            """);
        EmitWriteValue(type.Items!, $"{items}[{i}]", depth + 1);
        writer.CloseBlock();
        writer.WriteLine($$"""

            {{Output}}.WriteRaw(writer, "]"u8);
            """);
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>A JSON string literal: quotes, and escapes only for <c>"</c>, <c>\</c> and control characters.</summary>
    private static string JsonString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
