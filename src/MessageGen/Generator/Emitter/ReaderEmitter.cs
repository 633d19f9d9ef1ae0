using System.Linq;
using MessageGen.Model;
using static MessageGen.Generator.Emitter.Expressions;

namespace MessageGen.Generator.Emitter;

/// <summary>
/// Writes <c>FromJson</c> and <c>ReadFrom</c>: UTF-8 JSON read with <c>Utf8JsonReader</c>, type errors, duplicate and
/// unknown members collected with their paths, then every schema rule checked as <c>Build()</c> does.
/// </summary>
internal sealed class ReaderEmitter(SourceWriter writer, SchemaSpec schema)
{
    private const string Input = RuntimeTypes.JsonInput;
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";

    public void Emit(ObjectSpec obj)
    {
        EmitFromJson(obj.TypeName, obj.HidingModifier);
        EmitReadFrom(obj);
    }

    /// <summary><c>FromJson</c> over the type's <c>ReadFrom</c>; <paramref name="modifier"/> is <c>new</c> where it hides a base type's.</summary>
    public void EmitFromJson(string typeName, string modifier)
    {
        var type = schema.Qualified(typeName);
        var name = Literal(typeName);
        writer.WriteLine($$"""
            /// <summary>Reads a <see cref="{{typeName}}"/> from UTF-8 JSON and checks every schema rule.</summary>
            /// <exception cref="{{RuntimeTypes.MessageValidationException}}">The JSON breaks the schema; every violation is listed with its path.</exception>
            /// <exception cref="{{RuntimeTypes.MalformedJsonException}}">The input is not well-formed JSON.</exception>
            public static {{modifier}}{{type}} FromJson(global::System.ReadOnlySpan<byte> utf8Json)
            {
                var errors = new {{RuntimeTypes.ValidationErrors}}();
                var reader = new {{Reader}}(utf8Json, {{Input}}.ReaderOptions);
                {{type}}? result = null;
                try
                {
                    if ({{Input}}.StartRoot(ref reader, errors))
                    {
                        result = ReadFrom(ref reader, "$", errors);
                    }

                    {{Input}}.EndRoot(ref reader);
                }
                catch (global::System.Text.Json.JsonException e)
                {
                    throw {{Input}}.Malformed({{name}}, e, utf8Json);
                }

                if (result is not null)
                {
                    var readErrors = errors.Count;
                    result.ValidateInto("$", errors);
                    {{Input}}.DropRepeatedPaths(errors, readErrors);
                }

                if (errors.Count > 0)
                {
                    throw new {{RuntimeTypes.MessageValidationException}}({{name}}, errors);
                }

                return result!;
            }

            /// <summary>Reads a <see cref="{{typeName}}"/> from JSON text and checks every schema rule.</summary>
            /// <exception cref="{{RuntimeTypes.MessageValidationException}}">The JSON breaks the schema; every violation is listed with its path.</exception>
            /// <exception cref="{{RuntimeTypes.MalformedJsonException}}">The input is not well-formed JSON.</exception>
            public static {{modifier}}{{type}} FromJson(string json) => FromJson(global::System.Text.Encoding.UTF8.GetBytes(json ?? throw new global::System.ArgumentNullException(nameof(json))));

            """);
    }

    private void EmitReadFrom(ObjectSpec obj)
    {
        writer.WriteLine($$"""
            /// <summary>Reads the object that starts at the reader's current token; type errors and unknown members go to <paramref name="errors"/>.</summary>
            internal static {{obj.HidingModifier}}{{schema.Qualified(obj.TypeName)}} ReadFrom(ref {{Reader}} reader, string path, {{RuntimeTypes.ValidationErrors}} errors)
            """);
        writer.OpenBlock();
        foreach (var property in obj.Properties)
        {
            // A constant is only checked, not kept: the model has it already.
            if (!property.Type.IsConstant)
            {
                writer.WriteLine($"{property.Type.NullableClrType(schema.Namespace)} {property.LocalName} = null;");
            }

            writer.WriteLine($"var {property.SeenLocalName} = false;");
        }

        if (obj.AdditionalProperties is { } additional)
        {
            writer.WriteLine($"{MapType(additional.Type.Items!)}? {additional.LocalName} = null;");
        }

        writer.WriteLine();
        writer.OpenBlock($"while ({Input}.NextMember(ref reader))");
        var keyword = "if";
        foreach (var property in obj.Properties)
        {
            writer.OpenBlock($"{keyword} (reader.ValueTextEquals({Utf8Literal(property.JsonName)}))");
            EmitReadMember(property);
            writer.CloseBlock();
            keyword = "else if";
        }

        if (obj.Properties.Count > 0)
        {
            writer.WriteLine("else");
        }

        writer.OpenBlock();
        if (obj.AdditionalProperties is { } others)
        {
            EmitReadEntry(others.Type.Items!, others.LocalName, "path", depth: 0, createsMap: true);
        }
        else
        {
            writer.WriteLine(obj.AllowsAdditionalProperties
                ? $"{Input}.IgnoreMember(ref reader);"
                : $"{Input}.UnknownMember(ref reader, path, errors);");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();

        // A missing reference is reported by ValidateInto; constants and numbers have no null to find there.
        foreach (var property in obj.Properties.Where(p => p.IsRequired && (p.Type.IsConstant || p.Type.IsValueType)))
        {
            writer.WriteLine($$"""
                if (!{{property.SeenLocalName}})
                {
                    errors.Add({{RuntimeTypes.SchemaChecks}}.Missing(path, {{Literal(property.JsonName)}}));
                }

                """);
        }

        writer.WriteLine($"return {NewModel(schema, obj, p => p.LocalName)};");
        writer.CloseBlock();
    }

    private void EmitReadMember(PropertySpec property)
    {
        var member = Literal(property.JsonName);
        writer.WriteLine($$"""
            if ({{property.SeenLocalName}})
            {
                {{Input}}.DuplicateMember(ref reader, path, {{member}}, errors);
            }

            {{property.SeenLocalName}} = true;
            reader.Read();
            """);
        if (property.Type.Const is { } constant)
        {
            writer.WriteLine($"{Input}.ReadConstant(ref reader, {Utf8Literal(constant)}, {Literal(constant)}, path, {member}, errors);");
        }
        else
        {
            EmitReadValue(property.Type, property.LocalName, "path", member, depth: 0);
        }
    }

    /// <summary>Reads the value at the reader into <paramref name="target"/>, which stays null when the JSON has the wrong type.</summary>
    private void EmitReadValue(TypeSpec type, string target, string parentPath, string member, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
                writer.WriteLine($"{target} = {Input}.ReadString(ref reader, {parentPath}, {member}, errors);");
                break;
            case ValueKind.Integer:
                writer.WriteLine($"{target} = {Input}.ReadInt64(ref reader, {parentPath}, {member}, errors);");
                break;
            case ValueKind.Number:
                writer.WriteLine($"{target} = {Input}.ReadDouble(ref reader, {parentPath}, {member}, errors);");
                break;
            case ValueKind.Boolean:
                writer.WriteLine($"{target} = {Input}.ReadBoolean(ref reader, {parentPath}, {member}, errors);");
                break;
            case ValueKind.Object:
                writer.WriteLine($$"""
                    if ({{Input}}.ExpectObject(ref reader, {{parentPath}}, {{member}}, errors))
                    {
                        {{target}} = {{type.ClrType(schema.Namespace)}}.ReadFrom(ref reader, {{MemberPath(parentPath, member)}}, errors);
                    }

                    """);
                break;
            case ValueKind.Array:
                EmitReadArray(type, target, parentPath, member, depth);
                break;
            case ValueKind.Map:
                EmitReadMap(type, target, parentPath, member, depth);
                break;
            case ValueKind.Any:
                writer.WriteLine($"{target} = {Input}.ReadAnyValue(ref reader, {parentPath}, {member}, errors);");
                break;
        }
    }

    private void EmitReadMap(TypeSpec type, string target, string parentPath, string member, int depth)
    {
        var values = type.Items!;
        var map = "map" + depth;
        var mapPath = "mapPath" + depth;
        writer.OpenBlock($"if ({Input}.ExpectObject(ref reader, {parentPath}, {member}, errors))");
        writer.WriteLine($$"""
            var {{mapPath}} = {{MemberPath(parentPath, member)}};
            var {{map}} = new {{MapType(values)}}();
            while ({{Input}}.NextMember(ref reader))
            """);
        writer.OpenBlock();
        EmitReadEntry(values, map, mapPath, depth, createsMap: false);
        writer.CloseBlock();
        writer.WriteLine($$"""

            {{target}} = {{map}};
            """);
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>
    /// At a member name: reads the member into the dictionary <paramref name="map"/>, which is made for the first member
    /// when <paramref name="createsMap"/> (so that an object without one allocates none).
    /// </summary>
    private void EmitReadEntry(TypeSpec values, string map, string mapPath, int depth, bool createsMap)
    {
        var key = "key" + depth;
        var entry = "entry" + depth;
        var seen = createsMap ? $"{map} is not null && {map}.ContainsKey({key})" : $"{map}.ContainsKey({key})";
        var target = createsMap ? $"({map} ??= new {MapType(values)}())" : map;
        writer.WriteLine($$"""
            var {{key}} = {{Input}}.ReadName(ref reader);
            if ({{seen}})
            {
                {{Input}}.DuplicateMember(ref reader, {{mapPath}}, {{key}}, errors);
            }

            reader.Read();
            {{values.NullableClrType(schema.Namespace)}} {{entry}} = null;
            """);
        writer.OpenBlock();
        EmitReadValue(values, entry, mapPath, key, depth + 1);
        writer.CloseBlock();
        writer.WriteLine($$"""
            if ({{entry}} is not null)
            {
                {{target}}[{{key}}] = {{entry}}{{(values.IsValueType ? ".Value" : string.Empty)}};
            }
            """);
    }

    private string MapType(TypeSpec values) => $"global::System.Collections.Generic.Dictionary<string, {values.ClrType(schema.Namespace)}>";

    private void EmitReadArray(TypeSpec type, string target, string parentPath, string member, int depth)
    {
        var items = type.Items!;
        var list = "list" + depth;
        var item = "item" + depth;
        var itemsPath = "itemsPath" + depth;
        writer.OpenBlock($"if ({Input}.ExpectArray(ref reader, {parentPath}, {member}, errors))");
        writer.WriteLine($$"""
            var {{itemsPath}} = {{MemberPath(parentPath, member)}};
            var {{list}} = new global::System.Collections.Generic.List<{{items.ClrType(schema.Namespace)}}>();
            while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
            """);
        writer.OpenBlock();
        writer.WriteLine($"{items.NullableClrType(schema.Namespace)} {item} = null;");
        EmitReadValue(items, item, itemsPath, ItemName($"{list}.Count"), depth + 1);
        writer.WriteLine($$"""
            if ({{item}} is not null)
            {
                {{list}}.Add({{item}}{{(items.IsValueType ? ".Value" : string.Empty)}});
            }
            """);
        writer.CloseBlock();
        writer.WriteLine($$"""

            {{target}} = {{list}};
            """);
        writer.CloseBlock();
        writer.WriteLine();
    }
}
