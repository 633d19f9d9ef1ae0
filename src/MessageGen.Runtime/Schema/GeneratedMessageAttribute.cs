namespace MessageGen.Schema;

/// <summary>
/// Marks a type generated from a JSON Schema object: a model (<see cref="BuilderType"/> set) or a builder
/// (<see cref="ModelType"/> set). Analyzers use it to bail out fast on types MessageGen did not generate.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GeneratedMessageAttribute : Attribute
{
    /// <summary>Creates the attribute; <paramref name="schemaTitle"/> is the schema object's <c>title</c>.</summary>
    public GeneratedMessageAttribute(string schemaTitle) => SchemaTitle = schemaTitle;

    /// <summary>The schema object's title.</summary>
    public string SchemaTitle { get; }

    /// <summary>On a model: its builder type.</summary>
    public Type? BuilderType { get; set; }

    /// <summary>On a builder: the model it builds.</summary>
    public Type? ModelType { get; set; }
}
