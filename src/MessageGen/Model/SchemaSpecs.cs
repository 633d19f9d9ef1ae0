namespace MessageGen.Model;

/// <summary>The JSON type of a value.</summary>
internal enum ValueKind
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
}

/// <summary>
/// The type of a value and its constraints. For objects <see cref="ObjectTypeName"/> names the generated type;
/// for arrays <see cref="Items"/> describes the items.
/// </summary>
internal sealed record TypeSpec(
    ValueKind Kind,
    string? ObjectTypeName,
    TypeSpec? Items,
    string? Const,
    EquatableArray<string> Enum,
    string? Pattern,
    int? MinLength,
    int? MaxLength,
    bool IsUri,
    int? MinItems,
    int? MaxItems,
    NumberLimits? Limits = null,
    bool UniqueItems = false)
{
    public static TypeSpec Simple(ValueKind kind) => new(kind, null, null, null, EquatableArray<string>.Empty, null, null, null, false, null, null);
}

/// <summary>The numeric keywords of an <c>integer</c> or <c>number</c>; null where the schema does not use one.</summary>
internal sealed record NumberLimits(double? Minimum, double? ExclusiveMinimum, double? Maximum, double? ExclusiveMaximum, double? MultipleOf);

/// <summary>One member of an object schema.</summary>
internal sealed record PropertySpec(
    string JsonName,
    string ClrName,
    string ParameterName,
    TypeSpec Type,
    bool IsRequired,
    string? Description);

/// <summary>A <c>dependentRequired</c>/<c>dependentSchemas</c> rule: when <see cref="Member"/> is set, all (or any) of <see cref="Requires"/> must be.</summary>
internal sealed record DependencySpec(string Member, bool RequiresAll, EquatableArray<string> Requires);

/// <summary>An object schema that becomes a model type and its builder.</summary>
internal sealed record ObjectSpec(
    string TypeName,
    string Title,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    bool AllowsAdditionalProperties,
    EquatableArray<EquatableArray<string>> OneOfRequired,
    EquatableArray<DependencySpec> Dependencies,
    bool IsRoot);

/// <summary>Everything generated from one schema file.</summary>
internal sealed record SchemaSpec(
    string FileName,
    string Namespace,
    bool IsPublic,
    EquatableArray<ObjectSpec> Objects);

/// <summary>The parser's result for one file: the spec (null when the schema cannot be used) and its diagnostics.</summary>
internal sealed record SchemaParseResult(SchemaSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>MSBuild settings the generator reads.</summary>
internal sealed record GeneratorOptions(string Namespace, bool IsPublic)
{
    public const string DefaultNamespace = "MessageGen.WhatsApp";
}

/// <summary>A schema file's path and text.</summary>
internal sealed record SchemaFile(string Path, string? Text);

/// <summary>The emitted source for one schema file.</summary>
internal sealed record EmittedSchema(string FileName, string? Source, EquatableArray<string> TypeNames, string Namespace, EquatableArray<DiagnosticInfo> Diagnostics);
