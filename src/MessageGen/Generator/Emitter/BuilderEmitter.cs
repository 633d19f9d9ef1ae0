using System.Linq;
using MessageGen.Model;
using static MessageGen.Generator.Emitter.Expressions;

namespace MessageGen.Generator.Emitter;

/// <summary>
/// Writes the mutable builder of a model: a field and <c>With</c> methods per settable member, <c>Build()</c>, which
/// checks every rule, and <c>BuildUnchecked()</c> for a parent builder that checks everything at once.
/// </summary>
internal sealed class BuilderEmitter(SourceWriter writer, SchemaSpec schema, AttributeEmitter attributes)
{
    public void Emit(ObjectSpec obj)
    {
        writer.WriteLine($"/// <summary>Builds a <see cref=\"{obj.TypeName}\"/> step by step. Mutable: each <c>With</c> method sets a member and returns this builder.</summary>");
        attributes.EmitBuilderAttributes(obj);
        writer.OpenBlock($"{schema.Accessibility} sealed partial class {obj.BuilderTypeName}");
        foreach (var property in obj.SettableProperties)
        {
            writer.WriteLine($"private {property.Type.NullableClrType(schema.Namespace)} {property.FieldName};");
        }

        writer.WriteLine($$"""

            /// <summary>Creates an empty builder.</summary>
            public {{obj.BuilderTypeName}}()
            {
            }

            """);
        foreach (var property in obj.SettableProperties)
        {
            EmitWithMethods(obj, property);
        }

        EmitBuild(obj);
        writer.CloseBlock();
    }

    private void EmitWithMethods(ObjectSpec obj, PropertySpec property)
    {
        var builder = schema.Qualified(obj.BuilderTypeName);
        var type = property.Type;
        var parameter = property.ParameterName;
        var field = property.FieldName;
        EmitWithDoc(property, $"The value of '{SourceWriter.DocText(property.JsonName)}'.");
        if (type.Kind == ValueKind.Map)
        {
            // Copied, so that changing the caller's dictionary later cannot change the message.
            writer.WriteLine($$"""
                public {{builder}} With{{property.ClrName}}(global::System.Collections.Generic.IReadOnlyDictionary<string, {{type.Items!.ClrType(schema.Namespace)}}>? {{parameter}})
                {
                    {{field}} = {{parameter}} is null ? null : global::System.Linq.Enumerable.ToDictionary({{parameter}}, pair => pair.Key, pair => pair.Value);
                    return this;
                }

                """);
        }
        else if (type.Kind == ValueKind.Array)
        {
            // Copied, so that changing the caller's collection later cannot change the message; any values are
            // copied out of their JsonDocument too, which the caller may dispose.
            var items = type.Items!.Kind == ValueKind.Any
                ? $"global::System.Linq.Enumerable.Select({parameter}, {RuntimeTypes.JsonValues}.Copy)"
                : parameter;
            writer.WriteLine($$"""
                public {{builder}} With{{property.ClrName}}(global::System.Collections.Generic.IEnumerable<{{type.Items!.ClrType(schema.Namespace)}}>? {{parameter}})
                {
                    {{field}} = {{parameter}} is null ? null : global::System.Linq.Enumerable.ToArray({{items}});
                    return this;
                }

                """);
        }
        else
        {
            var parameterType = type.IsValueType ? type.ClrType(schema.Namespace) : type.NullableClrType(schema.Namespace);
            writer.WriteLine($$"""
                public {{builder}} With{{property.ClrName}}({{parameterType}} {{parameter}})
                {
                    {{field}} = {{parameter}};
                    return this;
                }

                """);
        }

        // A union's base type has no builder: each alternative has its own.
        if (type.Kind == ValueKind.Object && !type.IsUnion)
        {
            var nested = type.BuilderClrType(schema.Namespace);
            EmitWithDoc(property, $"Sets up the '{SourceWriter.DocText(property.JsonName)}' member on a new <see cref=\"{nested}\"/>; its rules are checked by <see cref=\"Build\"/>.");
            writer.WriteLine($$"""
                public {{builder}} With{{property.ClrName}}(global::System.Func<{{nested}}, {{nested}}> {{parameter}})
                {
                    if ({{parameter}} is null)
                    {
                        throw new global::System.ArgumentNullException(nameof({{parameter}}));
                    }

                    {{field}} = {{parameter}}(new {{nested}}()).BuildUnchecked();
                    return this;
                }

                """);
        }

        if (type.IsUri)
        {
            EmitWithDoc(property, "The URI; it must be absolute.");
            writer.WriteLine($$"""
                public {{builder}} With{{property.ClrName}}(global::System.Uri? {{parameter}})
                {
                    {{field}} = {{parameter}} is null ? null : {{parameter}}.IsAbsoluteUri ? {{parameter}}.AbsoluteUri : {{parameter}}.OriginalString;
                    return this;
                }

                """);
        }
    }

    /// <summary>The doc comment and <c>[SchemaMember]</c> of a <c>With</c> method; the analyzers read the attribute.</summary>
    private void EmitWithDoc(PropertySpec property, string parameterDoc)
    {
        writer.WriteDocSummary($"Sets '{property.JsonName}'" + (property.Description is { } description ? ": " + description : "."));
        writer.WriteLine($$"""
            /// <param name="{{property.BareParameterName}}">{{parameterDoc}}</param>
            /// <returns>This builder.</returns>
            """);
        attributes.EmitSchemaMember(property);
    }

    private void EmitBuild(ObjectSpec obj)
    {
        var model = schema.Qualified(obj.TypeName);
        writer.WriteLine($$"""
            /// <summary>Builds the <see cref="{{obj.TypeName}}"/> after checking every schema rule.</summary>
            /// <exception cref="{{RuntimeTypes.MessageValidationException}}">A rule is broken; every violation is listed with its JSON path.</exception>
            public {{model}} Build()
            """);
        writer.OpenBlock();
        writer.WriteLine($"var errors = new {RuntimeTypes.ValidationErrors}();");

        // The model cannot hold a missing number or boolean (it would read as 0 or false), so that is checked here.
        foreach (var property in obj.SettableProperties.Where(p => p.IsRequired && p.Type.IsValueType))
        {
            writer.WriteLine($$"""
                if ({{property.FieldName}} is null)
                {
                    errors.Add({{RuntimeTypes.SchemaChecks}}.Missing("$", {{Literal(property.JsonName)}}));
                }

                """);
        }

        writer.WriteLine($$"""
            var result = BuildUnchecked();
            result.ValidateInto("$", errors);
            if (errors.Count > 0)
            {
                throw new {{RuntimeTypes.MessageValidationException}}({{Literal(obj.TypeName)}}, errors);
            }

            return result;
            """);
        writer.CloseBlock();
        writer.WriteLine($$"""

            /// <summary>Creates the object without checking it, for a parent builder that checks everything at once.</summary>
            internal {{model}} BuildUnchecked() => {{NewModel(schema, obj, p => p.FieldName)}};
            """);
    }
}
