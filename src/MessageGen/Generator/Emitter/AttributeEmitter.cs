using System.Collections.Generic;
using System.Linq;
using MessageGen.Model;
using static MessageGen.Generator.Emitter.Expressions;

namespace MessageGen.Generator.Emitter;

/// <summary>
/// Writes the attributes on generated types and members. The analyzers read them (never the schema files), so every
/// schema gets the compile-time checks.
/// </summary>
internal sealed class AttributeEmitter(SourceWriter writer, SchemaSpec schema)
{
    private static readonly string s_generatorVersion = $"{typeof(AttributeEmitter).Assembly.GetName().Version}";

    /// <summary><c>[GeneratedCode]</c> with the generator's version, on every generated type.</summary>
    public static string GeneratedCode { get; } = $"[global::System.CodeDom.Compiler.GeneratedCode(\"MessageGen\", \"{s_generatorVersion}\")]";

    public void EmitModelAttributes(ObjectSpec obj)
        => EmitTypeAttributes(obj, $"BuilderType = typeof({schema.Qualified(obj.BuilderTypeName)})");

    public void EmitBuilderAttributes(ObjectSpec obj)
        => EmitTypeAttributes(obj, $"ModelType = typeof({schema.Qualified(obj.TypeName)})");

    /// <summary><c>[SchemaMember]</c>: the member's JSON name and the keywords the analyzers check constants against.</summary>
    public void EmitSchemaMember(PropertySpec property)
    {
        // The additional properties are no member of their own, and hold nothing the analyzers check.
        if (property.HoldsAdditionalProperties)
        {
            return;
        }

        var type = property.Type;
        var arguments = new List<string> { Literal(property.JsonName) };
        if (property.IsRequired)
        {
            arguments.Add("Required = true");
        }

        if (type.MinLength is { } minLength)
        {
            arguments.Add($"MinLength = {minLength}");
        }

        if (type.MaxLength is { } maxLength)
        {
            arguments.Add($"MaxLength = {maxLength}");
        }

        if (type.Pattern is { } pattern)
        {
            arguments.Add($"Pattern = {Literal(pattern)}");
        }

        if (type.IsUri)
        {
            arguments.Add("Format = \"uri\"");
        }

        if (type.Enum.Count > 0)
        {
            arguments.Add($"AllowedValues = {StringArray(type.Enum)}");
        }

        if (type.NumberEnum.Count > 0)
        {
            arguments.Add($"AllowedNumbers = {DoubleArray(type.NumberEnum)}");
        }

        if (type.Limits is { } limits)
        {
            AddLimit("Minimum", limits.Minimum);
            AddLimit("ExclusiveMinimum", limits.ExclusiveMinimum);
            AddLimit("Maximum", limits.Maximum);
            AddLimit("ExclusiveMaximum", limits.ExclusiveMaximum);
            AddLimit("MultipleOf", limits.MultipleOf);
        }

        writer.WriteLine($"[{RuntimeTypes.SchemaAttributes}.SchemaMember({string.Join(", ", arguments)})]");

        void AddLimit(string name, double? value)
        {
            if (value is not null)
            {
                arguments.Add($"{name} = {Literal(value)}");
            }
        }
    }

    /// <summary><c>[GeneratedCode]</c> with the generator's version, on every generated type.</summary>
    public void EmitGeneratedCode()
        => writer.WriteLine(GeneratedCode);

    /// <summary><c>[GeneratedMessage]</c> links the model and its builder; the rule attributes carry oneOf and dependencies.</summary>
    private void EmitTypeAttributes(ObjectSpec obj, string link)
    {
        EmitGeneratedCode();
        writer.WriteLine($"[{RuntimeTypes.SchemaAttributes}.GeneratedMessage({Literal(obj.Title)}, {link})]");

        if (obj.OneOfRequired.Count > 0)
        {
            var alternatives = obj.OneOfRequired.Select(alternative => Literal(string.Join(",", alternative)));
            writer.WriteLine($"[{RuntimeTypes.SchemaAttributes}.ExactlyOneOf({string.Join(", ", alternatives)})]");
        }

        foreach (var dependency in obj.Dependencies.Concat(obj.DependentSchemas.SelectMany(d => d.Implied)))
        {
            var kind = $"{RuntimeTypes.SchemaAttributes}.DependencyKind.{(dependency.RequiresAll ? "All" : "Any")}";
            var requires = string.Join(", ", dependency.Requires.Select(Literal));
            writer.WriteLine($"[{RuntimeTypes.SchemaAttributes}.DependentMembers({Literal(dependency.Member)}, {kind}, {requires})]");
        }
    }
}
