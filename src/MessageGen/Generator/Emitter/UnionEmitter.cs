using System.Linq;
using MessageGen.Model;
using static MessageGen.Generator.Emitter.Expressions;

namespace MessageGen.Generator.Emitter;

/// <summary>
/// Writes a union's abstract base type (its alternatives are ordinary models that derive from it): the discriminator,
/// <c>WriteTo</c>/<c>ToJson</c>, <c>Validate</c>, <c>FromJson</c>, and a <c>ReadFrom</c> that dispatches on the
/// discriminator; and, where the schema allows any other object, the type that keeps one as raw JSON.
/// </summary>
internal sealed class UnionEmitter(
    SourceWriter writer, SchemaSpec schema, AttributeEmitter attributes, ValidationEmitter validation, WriterEmitter serializer, ReaderEmitter reader)
{
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";

    public void Emit(UnionSpec union)
    {
        writer.WriteDocSummary(union.Description ?? $"The {union.Title} alternatives of {schema.FileName}, told apart by '{union.DiscriminatorJsonName}'.");
        attributes.EmitGeneratedCode();
        writer.WriteLine($"{schema.Accessibility} abstract partial class {union.TypeName}");
        writer.OpenBlock();
        writer.WriteLine($$"""
            /// <summary>Only the alternatives derive from it.</summary>
            private protected {{union.TypeName}}()
            {
            }

            /// <summary>The '{{SourceWriter.DocText(union.DiscriminatorJsonName)}}' member, which says which alternative this is.</summary>
            public abstract string {{union.DiscriminatorClrName}} { get; }

            /// <summary>Writes this alternative as compact UTF-8 JSON.</summary>
            /// <param name="writer">Where to write.</param>
            public abstract void WriteTo(global::System.Buffers.IBufferWriter<byte> writer);

            """);
        serializer.EmitToJson();
        validation.EmitValidate();
        writer.WriteLine($$"""
            /// <summary>Adds this alternative's violations, under <paramref name="path"/>, to <paramref name="errors"/>.</summary>
            internal abstract void ValidateInto(string path, {{RuntimeTypes.ValidationErrors}} errors);

            """);
        reader.EmitFromJson(union.TypeName, modifier: string.Empty);
        EmitReadFrom(union);
        writer.CloseBlock();
        if (union.UnknownTypeName is { } unknown)
        {
            writer.WriteLine();
            EmitUnknown(union, unknown);
        }
    }

    private void EmitReadFrom(UnionSpec union)
    {
        var type = schema.Qualified(union.TypeName);
        writer.WriteLine($$"""
            /// <summary>Reads the alternative that the '{{SourceWriter.DocText(union.DiscriminatorJsonName)}}' member of the object at the reader names.</summary>
            internal static {{type}}? ReadFrom(ref {{Reader}} reader, string path, {{RuntimeTypes.ValidationErrors}} errors)
            """);
        writer.OpenBlock();
        writer.WriteLine($"var discriminator = {RuntimeTypes.JsonInput}.PeekString(reader, {Utf8Literal(union.DiscriminatorJsonName)});");
        if (union.UnknownTypeName is { } unknown)
        {
            // anyOf with a branch for any object: what no described alternative accepts is still valid, and kept.
            writer.WriteLine($$"""
                var start = reader;
                var caseErrors = new {{RuntimeTypes.ValidationErrors}}();
                {{type}}? known = discriminator switch
                {
                {{string.Join("\n", union.Cases.Select(c => $"    {Literal(c.Value)} => {schema.Qualified(c.TypeName)}.ReadFrom(ref reader, path, caseErrors),"))}}
                    _ => null,
                };
                known?.ValidateInto(path, caseErrors);
                if (known is not null && caseErrors.Count == 0)
                {
                    return known;
                }

                reader = start;
                return new {{schema.Qualified(unknown)}}(discriminator, {{RuntimeTypes.JsonInput}}.ReadRaw(ref reader));
                """);
        }
        else
        {
            writer.WriteLine($$"""
                switch (discriminator)
                {
                {{string.Join("\n", union.Cases.Select(c => $"    case {Literal(c.Value)}:\n        return {schema.Qualified(c.TypeName)}.ReadFrom(ref reader, path, errors);"))}}
                    default:
                        errors.Add({{RuntimeTypes.SchemaChecks}}.UnknownAlternative(path, {{Literal(union.DiscriminatorJsonName)}}, discriminator, known: {{StringArray(union.Cases.Select(c => c.Value))}}));
                        reader.Skip();
                        return null;
                }
                """);
        }

        writer.CloseBlock();
    }

    private void EmitUnknown(UnionSpec union, string unknown)
    {
        writer.WriteLine($$"""
            /// <summary>
            /// An alternative of <see cref="{{union.TypeName}}"/> that the schema allows but does not describe (an unknown
            /// '{{SourceWriter.DocText(union.DiscriminatorJsonName)}}', or a known one that breaks its alternative's rules), kept as received.
            /// </summary>
            """);
        attributes.EmitGeneratedCode();
        writer.WriteLine($$"""
            {{schema.Accessibility}} sealed partial class {{unknown}} : {{schema.Qualified(union.TypeName)}}
            {
                internal {{unknown}}(string? discriminator, string rawJson)
                {
                    {{union.DiscriminatorClrName}} = discriminator ?? string.Empty;
                    RawJson = rawJson;
                }

                /// <summary>The '{{SourceWriter.DocText(union.DiscriminatorJsonName)}}' member as received; empty when it was absent or not a string.</summary>
                public override string {{union.DiscriminatorClrName}} { get; }

                /// <summary>The object as received.</summary>
                public string RawJson { get; }

                /// <summary>Writes the object as received.</summary>
                /// <param name="writer">Where to write.</param>
                public override void WriteTo(global::System.Buffers.IBufferWriter<byte> writer)
                {
                    if (writer is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(writer));
                    }

                    {{RuntimeTypes.JsonOutput}}.WriteRaw(writer, global::System.Text.Encoding.UTF8.GetBytes(RawJson));
                }

                /// <summary>Any object is valid here.</summary>
                internal override void ValidateInto(string path, {{RuntimeTypes.ValidationErrors}} errors)
                {
                }
            }
            """);
    }
}
