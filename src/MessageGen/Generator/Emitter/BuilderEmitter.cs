using System.Linq;
using MessageGen.Model;
using static MessageGen.Generator.Emitter.Expressions;

namespace MessageGen.Generator.Emitter;

/// <summary>
/// Writes the mutable builder of a model: a field and <c>With</c> methods per settable member (and <c>Add</c> methods per
/// array, <c>With{Alternative}</c> methods per union member, where the spec names them), <c>Build()</c>, which checks
/// every rule, and <c>BuildUnchecked()</c> for a parent builder that checks everything at once.
/// </summary>
/// <remarks>
/// An array is held in a <c>List</c>, which <c>With</c> replaces and <c>Add</c> appends to, and copied into the model by
/// <c>BuildUnchecked()</c>: a builder used again after <c>Build()</c> never changes a message it built.
/// </remarks>
internal sealed class BuilderEmitter(SourceWriter writer, SchemaSpec schema, AttributeEmitter attributes)
{
    public void Emit(ObjectSpec obj)
    {
        writer.WriteLine($"/// <summary>Builds a <see cref=\"{obj.TypeName}\"/> step by step. Mutable: each <c>With</c> method sets a member and returns this builder.</summary>");
        attributes.EmitBuilderAttributes(obj);
        writer.OpenBlock($"{schema.Accessibility} sealed partial class {obj.BuilderTypeName}");
        foreach (var property in obj.SettableProperties)
        {
            writer.WriteLine($"private {FieldType(property.Type)}? {property.FieldName};");
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
            EmitAddMethods(obj, property);
            EmitAlternativeSetters(obj, property);
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
                    {{field}} = {{parameter}} is null ? null : new {{FieldType(type)}}({{items}});
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

        // A union's base type has no builder: each alternative has its own (see EmitAlternativeSetters).
        if (type.HasBuilder)
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

    /// <summary>
    /// <c>Add{Singular}(item)</c>, which appends one item to the array (creating it when unset), and, for items with a
    /// builder, <c>Add{Singular}(configure)</c>, which sets the item up on a new builder.
    /// </summary>
    private void EmitAddMethods(ObjectSpec obj, PropertySpec property)
    {
        if (property.AddMethodName is not { } method)
        {
            return;
        }

        var builder = schema.Qualified(obj.BuilderTypeName);
        var items = property.Type.Items!;
        var itemType = items.ClrType(schema.Namespace);
        var add = $"({property.FieldName} ??= new {FieldType(property.Type)}()).Add";
        var summary = $"Adds an item to '{property.JsonName}', after the ones set so far" + (property.Description is { } description ? ": " + description : ".");
        EmitMethodDoc(property, summary, "item", "The item to add.");
        if (items.IsValueType)
        {
            // Any values are copied out of their JsonDocument, which the caller may dispose.
            var value = items.Kind == ValueKind.Any ? $"{RuntimeTypes.JsonValues}.Copy(item)" : "item";
            writer.WriteLine($$"""
                public {{builder}} {{method}}({{itemType}} item)
                {
                    {{add}}({{value}});
                    return this;
                }

                """);
        }
        else
        {
            // An array never holds null: a null item is a mistake here and now, not a violation to find in Build().
            writer.WriteLine($$"""
                public {{builder}} {{method}}({{itemType}} item)
                {
                    if (item is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(item));
                    }

                    {{add}}(item);
                    return this;
                }

                """);
        }

        if (items.HasBuilder)
        {
            var nested = items.BuilderClrType(schema.Namespace);
            EmitMethodDoc(property, summary, "configure", $"Sets up the item on a new <see cref=\"{nested}\"/>; its rules are checked by <see cref=\"Build\"/>.");
            writer.WriteLine($$"""
                public {{builder}} {{method}}(global::System.Func<{{nested}}, {{nested}}> configure)
                {
                    if (configure is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(configure));
                    }

                    {{add}}(configure(new {{nested}}()).BuildUnchecked());
                    return this;
                }

                """);
        }
    }

    /// <summary><c>With{Alternative}(configure)</c> for each alternative of a union member: the member set to that alternative, set up on its builder.</summary>
    private void EmitAlternativeSetters(ObjectSpec obj, PropertySpec property)
    {
        var builder = schema.Qualified(obj.BuilderTypeName);
        foreach (var setter in property.AlternativeSetters)
        {
            var nested = schema.Qualified(ClrNames.Builder(setter.TypeName));
            var summary = $"Sets '{property.JsonName}' to the alternative {setter.TypeName}" + (property.Description is { } description ? ": " + description : ".");
            EmitMethodDoc(property, summary, "configure", $"Sets up the <see cref=\"{schema.Qualified(setter.TypeName)}\"/> on a new <see cref=\"{nested}\"/>; its rules are checked by <see cref=\"Build\"/>.");
            writer.WriteLine($$"""
                public {{builder}} {{setter.MethodName}}(global::System.Func<{{nested}}, {{nested}}> configure)
                {
                    if (configure is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(configure));
                    }

                    {{property.FieldName}} = configure(new {{nested}}()).BuildUnchecked();
                    return this;
                }

                """);
        }
    }

    /// <summary>The doc comment and <c>[SchemaMember]</c> of a <c>With</c> method; the analyzers read the attribute.</summary>
    private void EmitWithDoc(PropertySpec property, string parameterDoc)
        => EmitMethodDoc(property, $"Sets '{property.JsonName}'" + (property.Description is { } description ? ": " + description : "."), property.BareParameterName, parameterDoc);

    /// <summary>
    /// The doc comment and <c>[SchemaMember]</c> of a method that sets <paramref name="property"/>. The analyzers read the
    /// attribute: every method that sets a member carries the same one, so they follow each as they follow <c>With</c>.
    /// </summary>
    private void EmitMethodDoc(PropertySpec property, string summary, string parameter, string parameterDoc)
    {
        writer.WriteDocSummary(summary);
        writer.WriteLine($$"""
            /// <param name="{{parameter}}">{{parameterDoc}}</param>
            /// <returns>This builder.</returns>
            """);
        attributes.EmitSchemaMember(property);
    }

    /// <summary>The type of a builder's field for a member (made nullable by the caller): a <c>List</c> for an array, which <c>Add</c> appends to.</summary>
    private string FieldType(TypeSpec type)
        => type.Kind == ValueKind.Array
            ? $"global::System.Collections.Generic.List<{type.Items!.ClrType(schema.Namespace)}>"
            : type.ClrType(schema.Namespace);

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
            internal {{model}} BuildUnchecked() => {{NewModel(schema, obj, p => p.Type.Kind == ValueKind.Array ? p.FieldName + "?.ToArray()" : p.FieldName)}};
            """);
    }
}
