using System.Collections.Generic;
using System.Globalization;
using System.Linq;

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

    /// <summary>An object whose members are all described by one schema (<c>additionalProperties</c>): a dictionary.</summary>
    Map,

    /// <summary>Any JSON value (the items of an array without <c>items</c>): a <c>System.Text.Json.JsonElement</c>.</summary>
    Any,
}

/// <summary>
/// The type of a value and its constraints. For objects <see cref="ObjectTypeName"/> names the generated type;
/// for arrays <see cref="Items"/> describes the items, for maps the values. For booleans <see cref="AllowedBoolean"/> is
/// the one value a <c>const</c> or <c>enum</c> allows, null when both are allowed.
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
    bool UniqueItems = false,
    bool IsUnion = false,
    EquatableArray<double> NumberEnum = default,
    bool? AllowedBoolean = null)
{
    public static TypeSpec Simple(ValueKind kind) => new(kind, null, null, null, EquatableArray<string>.Empty, null, null, null, false, null, null, NumberEnum: EquatableArray<double>.Empty);

    /// <summary>A member with a <c>const</c>: a read-only property, always written, checked when read.</summary>
    public bool IsConstant => Const is not null;

    /// <summary>Numbers, booleans and any values: C# value types, so "absent" needs <see cref="System.Nullable{T}"/> and a required one is never null.</summary>
    public bool IsValueType => Kind is ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.Any;

    /// <summary>Whether validation has anything to check on a value of this schema.</summary>
    public bool HasChecks => Kind switch
    {
        // Every string is checked at least for lone surrogates, which ToJson could not write.
        ValueKind.String => true,
        ValueKind.Object => true,
        ValueKind.Integer => Limits is not null || NumberEnum.Count > 0,
        // NaN and the infinities are not JSON numbers, which WriteTo could not write.
        ValueKind.Number => true,
        ValueKind.Boolean => AllowedBoolean is not null,
        // default(JsonElement) holds no value, which WriteTo could not write.
        ValueKind.Any => true,
        // Items and values that are references are checked for null at least, which WriteTo could not write.
        ValueKind.Array => HasCountLimits || UniqueItems || !Items!.IsValueType || Items.HasChecks,
        ValueKind.Map => !Items!.IsValueType || Items.HasChecks,
        _ => false,
    };

    /// <summary>Whether an array has <c>minItems</c> or <c>maxItems</c>.</summary>
    public bool HasCountLimits => MinItems is not null || MaxItems is not null;

    /// <summary>
    /// The C# type of a value, generated types named in full: a member may have the simple name of a type (a property
    /// <c>ProgIds</c> of items of type <c>ProgIds</c>), and in a static method that name would mean the property (CS0120).
    /// </summary>
    public string ClrType(string @namespace) => Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Integer => "long",
        ValueKind.Number => "double",
        ValueKind.Boolean => "bool",
        ValueKind.Object => ClrNames.Qualified(@namespace, ObjectTypeName!),
        ValueKind.Map => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {Items!.ClrType(@namespace)}>",
        ValueKind.Any => "global::System.Text.Json.JsonElement",
        _ => $"global::System.Collections.Generic.IReadOnlyList<{Items!.ClrType(@namespace)}>",
    };

    /// <summary>The type of a local or field that is null until a value is read or set.</summary>
    public string NullableClrType(string @namespace) => ClrType(@namespace) + "?";

    /// <summary>Whether values of this schema have a generated builder: objects, but not a union's base type (each alternative has one).</summary>
    public bool HasBuilder => Kind == ValueKind.Object && !IsUnion;

    /// <summary>The builder of an object schema's type, named in full.</summary>
    public string BuilderClrType(string @namespace) => ClrNames.Qualified(@namespace, ClrNames.Builder(ObjectTypeName!));
}

/// <summary>How generated types are named in generated code.</summary>
internal static class ClrNames
{
    public static string Qualified(string @namespace, string typeName) => $"global::{@namespace}.{typeName}";

    public static string Builder(string typeName) => typeName + "Builder";
}

/// <summary>The numeric keywords of an <c>integer</c> or <c>number</c>; null where the schema does not use one.</summary>
internal sealed record NumberLimits(double? Minimum, double? ExclusiveMinimum, double? Maximum, double? ExclusiveMaximum, double? MultipleOf)
{
    public static NumberLimits None { get; } = new(null, null, null, null, null);
}

/// <summary>
/// One member of an object schema; or, when <see cref="HoldsAdditionalProperties"/>, the dictionary of the members
/// <c>properties</c> does not name (its <see cref="Type"/> a map of the <c>additionalProperties</c> schema).
/// <see cref="AddMethodName"/> is, for an array, the builder's method that appends one item (<c>AddButton</c> for
/// <c>buttons</c>), null when the name has no singular or the method would clash with another of the builder's;
/// <see cref="AlternativeSetters"/> are, for a member whose type is a union, the builder's methods that set it to one
/// alternative set up on that alternative's builder (<c>WithButtonInteractive</c>), but for those whose names would clash.
/// </summary>
internal sealed record PropertySpec(
    string JsonName,
    string ClrName,
    string ParameterName,
    TypeSpec Type,
    bool IsRequired,
    string? Description,
    bool HoldsAdditionalProperties = false,
    string? AddMethodName = null,
    EquatableArray<AlternativeSetterSpec> AlternativeSetters = default)
{
    /// <summary>Never a default array, which no pipeline model may hold (it cannot be enumerated).</summary>
    public EquatableArray<AlternativeSetterSpec> AlternativeSetters { get; init; } = AlternativeSetters.Count == 0 ? EquatableArray<AlternativeSetterSpec>.Empty : AlternativeSetters;

    /// <summary>Set whatever the caller does: a constant, or a required number or boolean (which cannot be null).</summary>
    public bool IsAlwaysSet => Type.IsConstant || (IsRequired && Type.IsValueType);

    /// <summary>Written by <c>WriteTo</c> whatever its value: a constant or a required member.</summary>
    public bool IsAlwaysWritten => Type.IsConstant || IsRequired;

    /// <summary>The type of the model's property: nullable unless required.</summary>
    public string PropertyType(string @namespace) => IsRequired ? Type.ClrType(@namespace) : Type.NullableClrType(@namespace);

    /// <summary>The parameter name without the <c>@</c> that escapes a keyword, for names built from it and for docs.</summary>
    public string BareParameterName => ParameterName.TrimStart('@');

    /// <summary>The builder's field for this member.</summary>
    public string FieldName => "_" + BareParameterName;

    /// <summary>The local that holds the value read (or checked) in generated methods.</summary>
    public string LocalName => "value" + ClrName;

    /// <summary>The local that says the reader has met this member, so a second one is a duplicate.</summary>
    public string SeenLocalName => "has" + ClrName;

    /// <summary>The static field with the compiled <c>pattern</c> of the value (depth 0) or of its items at <paramref name="depth"/>.</summary>
    public string PatternFieldName(int depth) => $"s_{BareParameterName}Pattern{DepthSuffix(depth)}";

    /// <summary>The static field with the <c>enum</c> values of the value (depth 0) or of its items at <paramref name="depth"/>.</summary>
    public string EnumFieldName(int depth) => $"s_{BareParameterName}Values{DepthSuffix(depth)}";

    /// <summary>The value's schema (depth 0) and, for arrays, its items' schemas, one level deeper each.</summary>
    public IEnumerable<(TypeSpec Type, int Depth)> TypesByDepth
    {
        get
        {
            var depth = 0;
            for (var type = Type; type is not null; type = type.Items, depth++)
            {
                yield return (type, depth);
            }
        }
    }

    private static string DepthSuffix(int depth) => depth == 0 ? string.Empty : depth.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A builder method that sets a union member to the alternative <see cref="TypeName"/>, set up on its builder.</summary>
internal sealed record AlternativeSetterSpec(string MethodName, string TypeName);

/// <summary>What <c>WriteTo</c> writes before a member to separate it from the members before it.</summary>
internal enum MemberSeparator
{
    /// <summary>Nothing can have been written before it: no comma.</summary>
    None,

    /// <summary>A member is certainly written before it: always a comma.</summary>
    Comma,

    /// <summary>Only optional members come before it: a comma if one of them was written, known only at run time.</summary>
    CommaIfWritten,
}

/// <summary>
/// A <c>dependentRequired</c> rule, or a <c>dependentSchemas</c> one of that form: when <see cref="Member"/> is set, all
/// (or any) of <see cref="Requires"/> must be. Other dependent schemas are <see cref="DependentSchemaSpec"/>s.
/// </summary>
internal sealed record DependencySpec(string Member, bool RequiresAll, EquatableArray<string> Requires);

/// <summary>
/// An object schema that becomes a model type and its builder. <see cref="Dependencies"/> and
/// <see cref="DependentSchemas"/> are its rules for when a member is set. <see cref="AdditionalProperties"/> holds the members
/// <c>properties</c> does not name when <c>additionalProperties</c> is a schema; otherwise they are ignored or, when
/// <see cref="AllowsAdditionalProperties"/> is false, reported.
/// </summary>
internal sealed record ObjectSpec(
    string TypeName,
    string Title,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    bool AllowsAdditionalProperties,
    EquatableArray<EquatableArray<string>> OneOfRequired,
    EquatableArray<DependencySpec> Dependencies,
    bool IsRoot,
    string? BaseTypeName = null,
    string? DiscriminatorJsonName = null,
    PropertySpec? AdditionalProperties = null,
    EquatableArray<DependentSchemaSpec> DependentSchemas = default)
{
    /// <summary>Whether this is an alternative of a union (<see cref="UnionSpec"/>): it derives from the union's base type.</summary>
    public bool IsAlternative => BaseTypeName is not null;

    /// <summary>The modifier for members that stand in for the base type's: <c>override</c>, or nothing.</summary>
    public string OverrideModifier => IsAlternative ? "override " : string.Empty;

    /// <summary>The modifier for static members that hide the base type's (<c>FromJson</c>, <c>ReadFrom</c>): <c>new</c>, or nothing.</summary>
    public string HidingModifier => IsAlternative ? "new " : string.Empty;

    public string BuilderTypeName => ClrNames.Builder(TypeName);

    /// <summary>The model's properties: the schema's members, then the dictionary of the others when there is one.</summary>
    public IEnumerable<PropertySpec> ModelProperties => AdditionalProperties is null ? Properties : Properties.Append(AdditionalProperties);

    /// <summary>The members a caller can set: all but the constants, and the dictionary of the others.</summary>
    public IEnumerable<PropertySpec> SettableProperties => ModelProperties.Where(p => !p.Type.IsConstant);

    /// <summary>
    /// The members in the order <c>WriteTo</c> writes them (schema order, the additional properties last), each with what
    /// separates it from the ones before.
    /// </summary>
    public IEnumerable<(PropertySpec Property, MemberSeparator Separator)> WriteOrder
    {
        get
        {
            var separator = MemberSeparator.None;
            foreach (var property in ModelProperties)
            {
                yield return (property, separator);
                separator = property.IsAlwaysWritten ? MemberSeparator.Comma
                    : separator == MemberSeparator.None ? MemberSeparator.CommaIfWritten
                    : separator;
            }
        }
    }

    /// <summary>
    /// Whether <c>WriteTo</c> must remember that it wrote an optional member, because a later comma depends on it: one
    /// after optional members, or between additional properties that no member certainly comes before.
    /// </summary>
    public bool TracksWrittenMembers => WriteOrder.Any(m => m.Separator == MemberSeparator.CommaIfWritten
        || (m.Property.HoldsAdditionalProperties && m.Separator == MemberSeparator.None));

    public PropertySpec Property(string jsonName) => Properties.First(p => p.JsonName == jsonName);
}

/// <summary>Everything generated from one schema file.</summary>
internal sealed record SchemaSpec(
    string FileName,
    string Namespace,
    bool IsPublic,
    EquatableArray<ObjectSpec> Objects,
    EquatableArray<UnionSpec> Unions = default)
{
    public string Accessibility => IsPublic ? "public" : "internal";

    /// <summary>A type of this schema named in full (see <see cref="TypeSpec.ClrType"/>).</summary>
    public string Qualified(string typeName) => ClrNames.Qualified(Namespace, typeName);
}

/// <summary>The parser's result for one file: the spec (null when the schema cannot be used) and its diagnostics.</summary>
internal sealed record SchemaParseResult(SchemaSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>MSBuild settings the generator reads.</summary>
internal sealed record GeneratorOptions(string Namespace, bool IsPublic)
{
    public const string DefaultNamespace = "MessageGen.WhatsApp";
}

/// <summary>A schema file's path and text, and the namespace and accessibility set for it alone (null: the project's).</summary>
internal sealed record SchemaFile(string Path, string? Text, string? Namespace = null, bool? IsPublic = null);

/// <summary>The emitted source for one schema file.</summary>
internal sealed record EmittedSchema(string FileName, string? Source, EquatableArray<string> TypeNames, string Namespace, EquatableArray<DiagnosticInfo> Diagnostics);
