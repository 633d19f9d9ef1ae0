using System.Linq;
using MessageGen.Model;
using static MessageGen.Generator.Emitter.Expressions;

namespace MessageGen.Generator.Emitter;

/// <summary>Writes the model type's declaration and its data: the compiled patterns and enum values, the properties and <c>Builder()</c>.</summary>
internal sealed class ModelEmitter(SourceWriter writer, SchemaSpec schema, AttributeEmitter attributes)
{
    public void EmitDeclaration(ObjectSpec obj)
    {
        writer.WriteDocSummary(obj.Description ?? $"The {obj.Title} object of {schema.FileName}.");
        attributes.EmitModelAttributes(obj);
        var interfaces = obj.IsRoot ? $" : {RuntimeTypes.IWhatsAppMessage}"
            : obj.BaseTypeName is { } baseType ? $" : {schema.Qualified(baseType)}"
            : string.Empty;
        writer.WriteLine($"{schema.Accessibility} sealed partial class {obj.TypeName}{interfaces}");
    }

    public void EmitMembers(ObjectSpec obj)
    {
        foreach (var property in obj.ModelProperties)
        {
            foreach (var (type, depth) in property.TypesByDepth)
            {
                EmitStaticData(type, property.PatternFieldName(depth), property.EnumFieldName(depth));
            }
        }

        foreach (var condition in obj.DependentSchemas.SelectMany(d => d.ValueConditions))
        {
            EmitStaticData(condition.Value, condition.PatternFieldName, condition.EnumFieldName);
        }

        writer.WriteLine();
        foreach (var property in obj.ModelProperties)
        {
            EmitProperty(property, property.JsonName == obj.DiscriminatorJsonName ? obj.OverrideModifier : string.Empty);
            writer.WriteLine();
        }

        writer.WriteLine($$"""
            /// <summary>Starts a <see cref="{{obj.BuilderTypeName}}"/>, which checks every schema rule when it builds.</summary>
            public static {{schema.Qualified(obj.BuilderTypeName)}} Builder() => new {{schema.Qualified(obj.BuilderTypeName)}}();

            """);
    }

    /// <summary>What validation needs of a value, built once per type: its compiled pattern and enum values.</summary>
    private void EmitStaticData(TypeSpec type, string patternField, string enumField)
    {
        if (type.Pattern is { } pattern)
        {
            writer.WriteLine($$"""
                private static readonly {{RuntimeTypes.SchemaPattern}} {{patternField}} = new {{RuntimeTypes.SchemaPattern}}(
                    source: {{Literal(pattern)}},
                    regex: new global::System.Text.RegularExpressions.Regex(
                        {{Literal(EcmaScriptPattern.ToDotNet(pattern))}},
                        global::System.Text.RegularExpressions.RegexOptions.ECMAScript | global::System.Text.RegularExpressions.RegexOptions.Compiled,
                        matchTimeout: global::System.TimeSpan.FromSeconds(1)));
                """);
        }

        if (type.Enum.Count > 0)
        {
            writer.WriteLine($"private static readonly string[] {enumField} = {StringArray(type.Enum)};");
        }

        if (type.NumberEnum.Count > 0)
        {
            writer.WriteLine($"private static readonly double[] {enumField} = {DoubleArray(type.NumberEnum)};");
        }
    }

    private void EmitProperty(PropertySpec property, string modifier)
    {
        writer.WriteDocSummary(property.Description ?? $"The '{property.JsonName}' member.");
        if (property.Type.Const is { } constant)
        {
            writer.WriteLine($"public {modifier}string {property.ClrName} => {Literal(constant)};");
            return;
        }

        attributes.EmitSchemaMember(property);
        var required = property.IsRequired ? "required " : string.Empty;
        writer.WriteLine($"public {required}{property.PropertyType(schema.Namespace)} {property.ClrName} {{ get; init; }}");
    }
}
