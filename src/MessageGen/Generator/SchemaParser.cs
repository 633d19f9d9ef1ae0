using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using MessageGen.Diagnostics;
using MessageGen.Json;
using MessageGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Generator;

/// <summary>
/// Reads one schema file into a <see cref="SchemaSpec"/>: plain values only (no JSON nodes, no Roslyn symbols),
/// so the pipeline can cache it. Every problem becomes a diagnostic at its place in the file.
/// </summary>
internal sealed partial class SchemaParser
{
    private static readonly HashSet<string> s_objectKeywords = new(StringComparer.Ordinal)
    {
        "type", "title", "description", "properties", "required", "additionalProperties", "oneOf",
        "dependentRequired", "dependentSchemas", "$defs", "definitions", "$schema", "$id", "$comment", "$anchor", "examples",
    };

    /// <summary>Keywords that say something about a value without changing whether it is valid: ignored without a word.</summary>
    private static readonly HashSet<string> s_annotationKeywords = new(StringComparer.Ordinal)
    {
        "title", "description", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly", "$defs", "definitions",
        "$schema", "$id", "$anchor", "$dynamicAnchor", "$vocabulary", "contentEncoding", "contentMediaType", "contentSchema",
    };

    /// <summary>
    /// The keywords of JSON Schema 2020-12 (and the drafts before it) that change which values are valid. Ignoring one
    /// would generate code that validates something else than the schema says, so where one is not supported the
    /// schema gets no code (MG1009). Any other keyword is an annotation or unknown, which the specification ignores too.
    /// </summary>
    private static readonly HashSet<string> s_assertionKeywords = new(StringComparer.Ordinal)
    {
        "$ref", "$dynamicRef", "$recursiveRef", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "dependentSchemas", "dependentRequired", "dependencies", "prefixItems", "items", "additionalItems", "contains",
        "minContains", "maxContains", "properties", "patternProperties", "additionalProperties", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum",
        "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
        "uniqueItems", "maxProperties", "minProperties", "required",
    };

    /// <summary>Generated members a property must not be named after.</summary>
    private static readonly HashSet<string> s_reservedMemberNames = new(StringComparer.Ordinal)
    {
        "Builder", "Validate", "ValidateInto", "WriteTo", "ToJson", "FromJson", "ReadFrom",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>The property that holds the members an <c>additionalProperties</c> schema describes.</summary>
    private const string AdditionalPropertiesName = "AdditionalProperties";

    private const string NeedsObjectType =
        "without \"type\": \"object\" a value that is not an object is valid too, and a generated type cannot hold one; add it";

    private readonly string _path;
    private readonly SourceText _text;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<ObjectSpec> _objects = new();
    private readonly Dictionary<JsonObject, string> _typeNames = new();
    private readonly HashSet<string> _usedTypeNames = new(StringComparer.Ordinal);
    private readonly HashSet<JsonObject> _resolving = new();
    private readonly Dictionary<JsonNode, TypeSpec?> _referenced = new();
    private readonly List<string> _typeOrder = new();
    private JsonObject _root = null!;

    private SchemaParser(string path, SourceText text, CancellationToken cancellationToken)
    {
        _path = path;
        _text = text;
        _cancellationToken = cancellationToken;
    }

    public static SchemaParseResult Parse(SchemaFile file, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(file.Path);
        if (file.Text is null)
        {
            return Failed(DiagnosticInfo.Create(SchemaDiagnostics.UnreadableSchemaFile, null, file.Path));
        }

        var text = SourceText.From(file.Text);
        var parser = new SchemaParser(file.Path, text, cancellationToken);
        var root = JsonParser.TryParse(file.Text, out var syntaxError);
        if (root is null)
        {
            var at = new TextSpan(syntaxError!.Position, 0);
            return Failed(DiagnosticInfo.Create(SchemaDiagnostics.InvalidJson, parser.Locate(at), fileName, syntaxError.Message));
        }

        if (root is not JsonObject rootObject)
        {
            return Failed(DiagnosticInfo.Create(
                SchemaDiagnostics.InvalidKeywordValue,
                parser.Locate(root.Span),
                "(root)",
                $"the schema must be a JSON object, not {root.KindName}"));
        }

        parser._root = rootObject;
        var rootName = Naming.ToPascalCase(Naming.SchemaBaseName(fileName));
        parser.ParseObject(rootObject, rootName, isRoot: true);

        var diagnostics = parser._diagnostics.ToEquatableArray();
        var hasErrors = parser._diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        // Types in the order they were first met (root first), not the order their parsing finished.
        var order = parser._typeOrder;
        var objects = parser._objects
            .OrderBy(o => order.IndexOf(o.TypeName))
            .Select(o => parser._baseTypes.TryGetValue(o.TypeName, out var union)
                ? o with { BaseTypeName = union.TypeName, DiscriminatorJsonName = union.DiscriminatorJsonName }
                : o)
            .Select(parser.WithBuilderMethods)
            .ToEquatableArray();
        var unions = parser._unions.OrderBy(u => order.IndexOf(u.TypeName)).ToEquatableArray();
        var spec = hasErrors ? null : new SchemaSpec(fileName, options.Namespace, options.IsPublic, objects, unions);
        return new SchemaParseResult(spec, diagnostics);

        static SchemaParseResult Failed(DiagnosticInfo diagnostic)
            => new(null, new[] { diagnostic }.ToEquatableArray());
    }

    /// <summary>Parses an object schema (its <c>allOf</c> and <c>$ref</c> merged in) into an <see cref="ObjectSpec"/> and returns its type name.</summary>
    private string ParseObject(JsonObject original, string fallbackName, bool isRoot)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_typeNames.TryGetValue(original, out var existing))
        {
            return existing;
        }

        var schema = MergeBranches(original);
        var titleText = (schema.Get("title") as JsonString)?.Value;
        var typeName = TypeNameFor(schema, fallbackName);
        _typeNames[original] = typeName;
        _typeOrder.Add(typeName);

        if (schema.Find("type") is null)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, schema.Span, "type", NeedsObjectType);
        }

        var properties = new List<PropertySpec>();
        var required = new List<(string Name, TextSpan Span)>();
        var oneOf = new List<EquatableArray<string>>();
        var oneOfNames = new List<(string Name, TextSpan Span)>();
        var dependencies = new List<DependencySpec>();
        var dependentSchemas = new List<DependentSchemaSpec>();
        var dependencyNames = new List<(string Name, TextSpan Span)>();
        var dependentKeywords = new List<JsonMember>();
        var allowsAdditional = true;
        PropertySpec? additionalProperties = null;
        string? description = null;

        foreach (var member in schema.Members)
        {
            switch (member.Name)
            {
                case "type":
                    if (member.Value is not JsonString { Value: "object" })
                    {
                        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, "type", "an object schema must have \"type\": \"object\"");
                    }

                    break;
                case "description":
                    description = ExpectString(member);
                    break;
                case "properties":
                    if (ExpectObject(member) is { } propertiesObject)
                    {
                        foreach (var property in propertiesObject.Members)
                        {
                            if (ParseProperty(property) is { } spec)
                            {
                                properties.Add(spec);
                            }
                        }
                    }

                    break;
                case "required":
                    required.AddRange(ExpectStringArray(member));
                    break;
                case "additionalProperties":
                    if (member.Value is JsonBoolean allowed)
                    {
                        allowsAdditional = allowed.Value;
                    }
                    else if (ParseAnyValue(member.Value) is null)
                    {
                        // A schema that allows every value ({}) means true; any other describes the members "properties" does not name.
                        additionalProperties = ParseAdditionalProperties(member, typeName);
                    }

                    break;
                case "oneOf":
                    ParseOneOfRequired(member, oneOf, oneOfNames);
                    break;
                case "dependentRequired" or "dependentSchemas":
                    // Read once the members are known: a rule needs their types, and whether they are always set.
                    dependentKeywords.Add(member);
                    break;
                case "$defs":
                case "definitions":
                    ExpectObject(member);
                    break;
                default:
                    if (!s_objectKeywords.Contains(member.Name))
                    {
                        CheckAnnotation(member, "object");
                    }

                    break;
            }
        }

        var requiredNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, span) in required)
        {
            if (CheckKnown("required", name, span, properties))
            {
                requiredNames.Add(name);
            }
        }

        foreach (var (name, span) in oneOfNames)
        {
            CheckKnown("oneOf", name, span, properties);
        }

        CheckMemberNames(typeName, properties, schema, additionalProperties);

        var finalProperties = properties
            .Select(p => p with { IsRequired = requiredNames.Contains(p.JsonName) })
            .ToEquatableArray();
        var scope = new ConditionScope(finalProperties, dependencyNames);
        foreach (var keyword in dependentKeywords)
        {
            if (keyword.Name == "dependentRequired")
            {
                ParseDependentRequired(keyword, scope, dependencies);
            }
            else
            {
                ParseDependentSchemas(keyword, scope, dependencies, dependentSchemas);
            }
        }

        foreach (var (name, span) in dependencyNames)
        {
            CheckKnown("dependent", name, span, properties);
        }

        _objects.Add(new ObjectSpec(
            typeName,
            titleText ?? typeName,
            description,
            finalProperties,
            allowsAdditional,
            oneOf.ToEquatableArray(),
            dependencies.ToEquatableArray(),
            isRoot,
            AdditionalProperties: additionalProperties,
            DependentSchemas: dependentSchemas.ToEquatableArray()));
        return typeName;
    }

    /// <summary>The dictionary property of the members that <c>properties</c> does not name, each valid against the <c>additionalProperties</c> schema.</summary>
    private PropertySpec? ParseAdditionalProperties(JsonMember keyword, string typeName)
    {
        if (ParseValue(keyword.Value, typeName + "AdditionalProperty", keyword.Name) is not { } values)
        {
            return null;
        }

        return new PropertySpec(
            keyword.Name,
            AdditionalPropertiesName,
            Naming.ToParameterName(AdditionalPropertiesName),
            TypeSpec.Simple(ValueKind.Map) with { Items = values },
            IsRequired: false,
            "The members that 'properties' does not name, each valid against the 'additionalProperties' schema; null when there are none.",
            HoldsAdditionalProperties: true);
    }

    /// <summary>The type name of a schema: from its <c>title</c>, else <paramref name="fallbackName"/>; claimed, so that a second use is reported.</summary>
    private string TypeNameFor(JsonObject schema, string fallbackName)
    {
        var title = schema.Find("title");
        var typeName = fallbackName;
        if (title?.Value is JsonString titleString)
        {
            // The title is kept in [GeneratedMessage].
            CheckUnicode(titleString.Value, titleString.Span, "title");
            typeName = Naming.ToPascalCase(titleString.Value);
        }

        if (typeName.Length == 0)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, title!.Value.Span, "title", "it has no letters or digits to make a C# type name from");
            typeName = fallbackName;
        }

        ClaimTypeName(typeName, schema);
        return typeName;
    }

    private void ClaimTypeName(string typeName, JsonObject schema)
    {
        if (!_usedTypeNames.Add(typeName) || !_usedTypeNames.Add(typeName + "Builder"))
        {
            Report(
                SchemaDiagnostics.NameConflict,
                schema.Find("title")?.NameSpan ?? schema.Span,
                $"Two schemas in this file would both generate the type '{typeName}'. Give one of them a different 'title'.");
        }
    }

    private PropertySpec? ParseProperty(JsonMember property)
    {
        CheckUnicode(property.Name, property.NameSpan, "properties");
        var clrName = Naming.ToPascalCase(property.Name);
        if (clrName.Length == 0)
        {
            Report(SchemaDiagnostics.NameConflict, property.NameSpan, $"The member name '{property.Name}' has no letters or digits to make a C# property name from. Rename it.");
            return null;
        }

        var type = ParseValue(property.Value, clrName, property.Name);
        if (type is null)
        {
            return null;
        }

        string? description = null;
        if (property.Value is JsonObject schema && schema.Get("description") is JsonString text)
        {
            description = text.Value;
        }
        else if (type.Kind == ValueKind.Object && property.Value is JsonObject reference && reference.Get("$ref") is not null)
        {
            description = _objects.FirstOrDefault(o => o.TypeName == type.ObjectTypeName)?.Description;
        }

        return new PropertySpec(property.Name, clrName, Naming.ToParameterName(clrName), type, IsRequired: false, description);
    }

    /// <summary>Parses the schema of a value (a property or array items); null when it cannot be used.</summary>
    private TypeSpec? ParseValue(JsonNode node, string nameHint, string keyword)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (node is not JsonObject schema)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, node.Span, keyword, $"a value's schema must be an object with a \"type\", not {node.KindName}");
            return null;
        }

        if (IsUnion(schema))
        {
            return ParseUnion(schema, nameHint);
        }

        if (CombinesBranches(schema))
        {
            return TypeSpec.Simple(ValueKind.Object) with { ObjectTypeName = ParseObject(schema, nameHint, isRoot: false) };
        }

        if (schema.Find("$ref") is { } reference)
        {
            foreach (var member in schema.Members)
            {
                if (member.Name != "$ref" && !s_annotationKeywords.Contains(member.Name))
                {
                    ReportUnsupported(member, "MessageGen does not support it beside $ref");
                }
            }

            return ResolveReference(reference, nameHint);
        }

        var typeMember = schema.Find("type");
        string? typeName = null;
        if (typeMember is null)
        {
            var problem = schema.Find("properties") is not null
                ? NeedsObjectType
                : "every value needs a \"type\" (string, integer, number, boolean, object or array)";
            Report(SchemaDiagnostics.InvalidKeywordValue, schema.Span, "type", problem);
            return null;
        }
        else if (typeMember.Value is JsonString typeString)
        {
            typeName = typeString.Value;
        }
        else if (typeMember.Value is JsonArray)
        {
            ReportUnsupported(typeMember, "a member of several types (a type union) is not supported; give it one type");
            return null;
        }

        switch (typeName)
        {
            case "object" when IsMap(schema):
                return ParseMap(schema, nameHint);
            case "object":
                return TypeSpec.Simple(ValueKind.Object) with { ObjectTypeName = ParseObject(schema, nameHint, isRoot: false) };
            case "array":
                return ParseArray(schema, nameHint);
            case "string":
                return ParseString(schema);
            case "integer":
                return ParsePrimitive(schema, ValueKind.Integer);
            case "number":
                return ParsePrimitive(schema, ValueKind.Number);
            case "boolean":
                return ParsePrimitive(schema, ValueKind.Boolean);
            default:
                Report(SchemaDiagnostics.InvalidKeywordValue, typeMember!.Value.Span, "type", "expected one of string, integer, number, boolean, object or array");
                return null;
        }
    }

    private TypeSpec? ResolveReference(JsonMember reference, string nameHint)
    {
        if (reference.Value is not JsonString pointer)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, reference.Value.Span, "$ref", "expected a string such as \"#/$defs/Name\"");
            return null;
        }

        var target = ResolvePointer(pointer.Value, out var problem);
        if (target is null)
        {
            Report(SchemaDiagnostics.UnresolvedReference, pointer.Span, pointer.Value, problem!);
            return null;
        }

        // A target is parsed once, however often it is referenced, so that each of its problems is reported once.
        if (_referenced.TryGetValue(target, out var parsed))
        {
            return parsed;
        }

        if (target is JsonObject targetObject && !_typeNames.ContainsKey(targetObject) && !_resolving.Add(targetObject))
        {
            Report(SchemaDiagnostics.UnresolvedReference, pointer.Span, pointer.Value, "it refers to itself through references only, so it has no type");
            return null;
        }

        try
        {
            var defName = pointer.Value.Substring(pointer.Value.LastIndexOf('/') + 1);
            var hint = Naming.ToPascalCase(defName);
            return _referenced[target] = ParseValue(target, hint.Length > 0 ? hint : nameHint, "$ref");
        }
        finally
        {
            if (target is JsonObject resolved)
            {
                _resolving.Remove(resolved);
            }
        }
    }

    /// <summary>Resolves a local JSON Pointer (<c>#</c>, <c>#/$defs/Name</c>).</summary>
    private JsonNode? ResolvePointer(string pointer, out string? problem)
    {
        problem = null;
        if (!pointer.StartsWith("#", StringComparison.Ordinal))
        {
            problem = "only local references within this file (starting with '#') are supported";
            return null;
        }

        JsonNode current = _root;
        if (pointer.Length == 1)
        {
            return current;
        }

        if (pointer[1] != '/')
        {
            problem = "anchors are not supported; use a JSON Pointer such as \"#/$defs/Name\"";
            return null;
        }

        foreach (var rawToken in pointer.Substring(2).Split('/'))
        {
            var token = Uri.UnescapeDataString(rawToken).Replace("~1", "/").Replace("~0", "~");
            switch (current)
            {
                case JsonObject obj when obj.Get(token) is { } next:
                    current = next;
                    break;
                case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Items.Count:
                    current = array.Items[index];
                    break;
                default:
                    problem = $"there is no '{token}' at that place in this file";
                    return null;
            }
        }

        return current;
    }

    /// <summary>An object whose members are all described by its <c>additionalProperties</c> schema: a dictionary.</summary>
    private static bool IsMap(JsonObject schema)
        => schema.Get("additionalProperties") is JsonObject values
            && !AllowsEveryValue(values)
            && schema.Find("properties") is null
            && schema.Find("patternProperties") is null;

    private TypeSpec? ParseMap(JsonObject schema, string nameHint)
    {
        TypeSpec? values = null;
        foreach (var member in schema.Members)
        {
            switch (member.Name)
            {
                case "type":
                    break;
                case "additionalProperties":
                    values = ParseValue(member.Value, nameHint + "Value", "additionalProperties");
                    if (values is null)
                    {
                        return null;
                    }

                    break;
                default:
                    CheckAnnotation(member, "map (additionalProperties only)");
                    break;
            }
        }

        return TypeSpec.Simple(ValueKind.Map) with { Items = values };
    }

    private TypeSpec? ParseArray(JsonObject schema, string nameHint)
    {
        TypeSpec? items = null;
        int? minItems = null;
        int? maxItems = null;
        var uniqueItems = false;
        foreach (var member in schema.Members)
        {
            switch (member.Name)
            {
                case "type":
                    break;
                case "items":
                    items = ParseAnyValue(member.Value) ?? ParseValue(member.Value, nameHint + "Item", "items");
                    if (items is null)
                    {
                        return null;
                    }

                    break;
                case "minItems":
                    minItems = ExpectCount(member);
                    break;
                case "maxItems":
                    maxItems = ExpectCount(member);
                    break;
                case "uniqueItems":
                    uniqueItems = member.Value is JsonBoolean { Value: true };
                    if (member.Value is not JsonBoolean)
                    {
                        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, "uniqueItems", "expected true or false");
                    }

                    break;
                default:
                    CheckAnnotation(member, "array");
                    break;
            }
        }

        // Without "items" an item may be any value.
        items ??= TypeSpec.Simple(ValueKind.Any);
        if (uniqueItems && !items.IsValueType && items.Kind != ValueKind.String)
        {
            // Objects keep only the members their schema names, so two items that differ elsewhere would look equal.
            Report(SchemaDiagnostics.UnsupportedAssertion, schema.Find("uniqueItems")!.NameSpan, "uniqueItems", "it is supported for items that are strings, numbers, booleans or any value only");
            return null;
        }

        return TypeSpec.Simple(ValueKind.Array) with { Items = items, MinItems = minItems, MaxItems = maxItems, UniqueItems = uniqueItems };
    }

    /// <summary>
    /// A schema that allows every value (<c>true</c>, or an object whose keywords all leave values alone, such as
    /// <c>{}</c>) as <see cref="ValueKind.Any"/>; null when the schema constrains values.
    /// </summary>
    private TypeSpec? ParseAnyValue(JsonNode schema)
    {
        if (!AllowsEveryValue(schema))
        {
            return null;
        }

        foreach (var member in (schema as JsonObject)?.Members ?? [])
        {
            CheckAnnotation(member, "any value");
        }

        return TypeSpec.Simple(ValueKind.Any);
    }

    /// <summary>Whether <paramref name="schema"/> is <c>true</c>, or an object without a keyword that validates (such as <c>{}</c>).</summary>
    private static bool AllowsEveryValue(JsonNode schema)
        => schema is JsonBoolean { Value: true }
            || (schema is JsonObject keywords && !keywords.Members.Any(m => s_assertionKeywords.Contains(m.Name)));

    private TypeSpec ParseString(JsonObject schema)
    {
        var spec = TypeSpec.Simple(ValueKind.String);
        foreach (var member in schema.Members)
        {
            switch (member.Name)
            {
                case "type":
                    break;
                case "const":
                    if (member.Value is JsonString constant)
                    {
                        CheckUnicode(constant.Value, constant.Span, "const");
                        spec = spec with { Const = constant.Value };
                    }
                    else
                    {
                        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, "const", "a string's const must be a string");
                    }

                    break;
                case "enum":
                    var items = ExpectStringArray(member);
                    foreach (var (value, span) in items)
                    {
                        CheckUnicode(value, span, "enum");
                    }

                    var values = items.Select(v => v.Name).ToList();
                    if (values.Count == 0)
                    {
                        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, "enum", "expected a non-empty array of strings");
                    }

                    spec = spec with { Enum = values.ToEquatableArray() };
                    break;
                case "pattern":
                    if (ExpectString(member) is { } pattern && CheckUnicode(pattern, member.Value.Span, "pattern"))
                    {
                        try
                        {
                            _ = new Regex(EcmaScriptPattern.ToDotNet(pattern), RegexOptions.ECMAScript);
                            spec = spec with { Pattern = pattern };
                        }
                        catch (ArgumentException e)
                        {
                            Report(SchemaDiagnostics.InvalidPattern, member.Value.Span, pattern, e.Message);
                        }
                    }

                    break;
                case "minLength":
                    spec = spec with { MinLength = ExpectCount(member) };
                    break;
                case "maxLength":
                    spec = spec with { MaxLength = ExpectCount(member) };
                    break;
                case "format":
                    if (ExpectString(member) is { } format)
                    {
                        if (format == "uri")
                        {
                            spec = spec with { IsUri = true };
                        }
                        else
                        {
                            Report(SchemaDiagnostics.UnsupportedKeyword, member.Value.Span, "format", $"the format '{format}' is not checked; only 'uri' is");
                        }
                    }

                    break;
                default:
                    CheckAnnotation(member, "string");
                    break;
            }
        }

        if (spec.MinLength is { } min && spec.MaxLength is { } max && min > max)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, schema.Span, "minLength", $"minLength ({min}) is greater than maxLength ({max}), so no value is valid");
        }

        if (spec.Const is { } only && spec.Enum.Count > 0)
        {
            // The const is the one value left; the enum adds nothing, unless it leaves out even that.
            if (!spec.Enum.Contains(only))
            {
                Report(SchemaDiagnostics.InvalidKeywordValue, schema.Find("enum")!.Value.Span, "enum", "it does not hold the const beside it, so no value is valid");
            }

            spec = spec with { Enum = EquatableArray<string>.Empty };
        }

        return spec;
    }

    private TypeSpec? ParsePrimitive(JsonObject schema, ValueKind kind)
    {
        var limits = NumberLimits.None;
        var isNumeric = kind is ValueKind.Integer or ValueKind.Number;
        List<JsonNode>? allowed = null;
        foreach (var member in schema.Members)
        {
            switch (member.Name)
            {
                case "type":
                    break;
                case "minimum" when isNumeric:
                    limits = limits with { Minimum = ExpectNumber(member) };
                    break;
                case "exclusiveMinimum" when isNumeric:
                    limits = limits with { ExclusiveMinimum = ExpectNumber(member) };
                    break;
                case "maximum" when isNumeric:
                    limits = limits with { Maximum = ExpectNumber(member) };
                    break;
                case "exclusiveMaximum" when isNumeric:
                    limits = limits with { ExclusiveMaximum = ExpectNumber(member) };
                    break;
                case "enum" or "const":
                    if (allowed is not null)
                    {
                        ReportUnsupported(member, "beside both enum and const it is not supported; keep one");
                        break;
                    }

                    allowed = member.Name == "const" ? [member.Value] : (member.Value as JsonArray)?.Items.ToList();
                    if (allowed is null)
                    {
                        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, "enum", "expected an array");
                    }

                    break;
                case "multipleOf" when isNumeric:
                    var divisor = ExpectNumber(member);
                    if (divisor <= 0)
                    {
                        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, "multipleOf", "expected a number greater than 0");
                    }

                    limits = limits with { MultipleOf = divisor > 0 ? divisor : null };
                    break;
                default:
                    CheckAnnotation(member, kind.ToString().ToLowerInvariant());
                    break;
            }
        }

        var used = limits != NumberLimits.None;
        var spec = TypeSpec.Simple(kind) with { Limits = used ? limits : null };
        if (allowed is null)
        {
            return spec;
        }

        // Values of another type can never equal a value of this one, so they are left out.
        if (kind == ValueKind.Boolean)
        {
            var booleans = allowed.OfType<JsonBoolean>().Select(b => b.Value).Distinct().ToList();
            if (booleans.Count == 0)
            {
                return NoValueAllowed(schema, kind);
            }

            return spec with { AllowedBoolean = booleans.Count == 1 ? booleans[0] : null };
        }

        // 1 and 1.0 are the same value.
        var numbers = allowed
            .OfType<JsonNumber>()
            .Select(n => double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN)
            .Where(value => !double.IsNaN(value) && !double.IsInfinity(value) && (kind != ValueKind.Integer || Math.Floor(value) == value))
            .Distinct()
            .ToEquatableArray();
        if (numbers.Count == 0)
        {
            return NoValueAllowed(schema, kind);
        }

        return spec with { NumberEnum = numbers };
    }

    private TypeSpec? NoValueAllowed(JsonObject schema, ValueKind kind)
    {
        Report(SchemaDiagnostics.InvalidKeywordValue, schema.Span, "enum", $"no {kind.ToString().ToLowerInvariant()} is among the allowed values, so no value is valid");
        return null;
    }

    private double? ExpectNumber(JsonMember member)
    {
        if (member.Value is JsonNumber number
            && double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && !double.IsInfinity(value))
        {
            return value;
        }

        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, member.Name, $"expected a number, not {member.Value.KindName}");
        return null;
    }

    private void ParseOneOfRequired(JsonMember member, List<EquatableArray<string>> alternatives, List<(string Name, TextSpan Span)> names)
    {
        if (!TryParseRequiredAlternatives(member, names, out var parsed))
        {
            ReportUnsupported(member, "only a list of {\"required\": [...]} alternatives (exactly one of them set) is supported");
            return;
        }

        alternatives.AddRange(parsed);
    }

    /// <summary>Reads <c>[{"required": [...]}, ...]</c>; false when the value has any other form.</summary>
    private static bool TryParseRequiredAlternatives(JsonMember member, List<(string Name, TextSpan Span)> names, out List<EquatableArray<string>> alternatives)
    {
        alternatives = new List<EquatableArray<string>>();
        if (member.Value is not JsonArray { Items.Count: > 0 } array)
        {
            return false;
        }

        foreach (var item in array.Items)
        {
            if (item is not JsonObject { Members.Count: 1 } alternative
                || alternative.Members[0].Name != "required"
                || alternative.Members[0].Value is not JsonArray { Items.Count: > 0 } requiredNames
                || requiredNames.Items.Any(n => n is not JsonString))
            {
                return false;
            }

            alternatives.Add(requiredNames.Items.Cast<JsonString>().Select(n => n.Value).ToEquatableArray());
            names.AddRange(requiredNames.Items.Cast<JsonString>().Select(n => (n.Value, n.Span)));
        }

        return true;
    }

    private void CheckMemberNames(string typeName, List<PropertySpec> properties, JsonObject schema, PropertySpec? additionalProperties)
    {
        if (additionalProperties?.ClrName == typeName)
        {
            Report(SchemaDiagnostics.NameConflict, schema.Find("title")?.NameSpan ?? schema.Span, $"The type '{typeName}' would hold the members that 'additionalProperties' describes in a property of its own name, '{typeName}'. Give the object a different 'title'.");
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = properties.Count - 1; i >= 0; i--)
        {
            var property = properties[i];
            var at = FindPropertyNameSpan(schema, property.JsonName);
            string? problem = null;
            if (property.ClrName == typeName)
            {
                problem = $"The member '{property.JsonName}' would generate the property '{property.ClrName}', the name of its own type. Give the object a different 'title'.";
            }
            else if (s_reservedMemberNames.Contains(property.ClrName))
            {
                problem = $"The member '{property.JsonName}' would generate the property '{property.ClrName}', which MessageGen generates itself. Rename the member.";
            }
            else if (property.ClrName == additionalProperties?.ClrName)
            {
                problem = $"The member '{property.JsonName}' would generate the property '{property.ClrName}', which holds the members that 'additionalProperties' describes. Rename the member.";
            }

            if (problem is not null)
            {
                Report(SchemaDiagnostics.NameConflict, at, problem);
            }
        }

        foreach (var property in properties)
        {
            if (seen.TryGetValue(property.ClrName, out var other))
            {
                Report(
                    SchemaDiagnostics.NameConflict,
                    FindPropertyNameSpan(schema, property.JsonName),
                    $"The members '{other}' and '{property.JsonName}' would both generate the property '{property.ClrName}'. Rename one of them.");
            }
            else
            {
                seen[property.ClrName] = property.JsonName;
            }
        }
    }

    private static TextSpan FindPropertyNameSpan(JsonObject schema, string jsonName)
        => (schema.Get("properties") as JsonObject)?.Find(jsonName)?.NameSpan ?? schema.Span;

    private bool CheckKnown(string keyword, string name, TextSpan span, List<PropertySpec> properties)
    {
        if (properties.Any(p => p.JsonName == name))
        {
            return true;
        }

        Report(SchemaDiagnostics.UnknownMemberName, span, keyword, name);
        return false;
    }

    /// <summary>Whether <paramref name="text"/> is Unicode text (<see cref="UnicodeText"/>); reports it where it is not.</summary>
    private bool CheckUnicode(string text, TextSpan span, string keyword)
    {
        var i = UnicodeText.FirstLoneSurrogate(text);
        if (i >= 0)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, span, keyword, $"the text holds a lone surrogate (U+{(int)text[i]:X4}) at index {i}, which is not a Unicode character, so neither JSON text nor the generated code can hold it; write the character it was meant to be");
            return false;
        }

        return true;
    }

    private void CheckAnnotation(JsonMember member, string kind)
    {
        if (!s_annotationKeywords.Contains(member.Name))
        {
            ReportUnsupported(member, $"MessageGen does not support it for {kind} values");
        }
    }

    private string? ExpectString(JsonMember member)
    {
        if (member.Value is JsonString text)
        {
            return text.Value;
        }

        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, member.Name, $"expected a string, not {member.Value.KindName}");
        return null;
    }

    private JsonObject? ExpectObject(JsonMember member)
    {
        if (member.Value is JsonObject obj)
        {
            return obj;
        }

        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, member.Name, $"expected an object, not {member.Value.KindName}");
        return null;
    }

    private List<(string Name, TextSpan Span)> ExpectStringArray(JsonMember member)
    {
        var result = new List<(string Name, TextSpan Span)>();
        if (member.Value is not JsonArray array)
        {
            Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, member.Name, $"expected an array of strings, not {member.Value.KindName}");
            return result;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonString text)
            {
                result.Add((text.Value, text.Span));
            }
            else
            {
                Report(SchemaDiagnostics.InvalidKeywordValue, item.Span, member.Name, $"expected a string, not {item.KindName}");
            }
        }

        return result;
    }

    private int? ExpectCount(JsonMember member)
    {
        // A number with a zero fraction (2.0, 1e1) is an integer too.
        if (member.Value is JsonNumber number
            && decimal.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value)
            && value is >= 0 and <= int.MaxValue)
        {
            return (int)value;
        }

        Report(SchemaDiagnostics.InvalidKeywordValue, member.Value.Span, member.Name, "expected a non-negative whole number");
        return null;
    }

    /// <summary>
    /// Reports a keyword MessageGen does not support where it stands: an error when it changes what is valid
    /// (<paramref name="reason"/> says why it is not supported), a warning when it is an annotation or unknown.
    /// </summary>
    private void ReportUnsupported(JsonMember member, string reason)
    {
        if (s_assertionKeywords.Contains(member.Name))
        {
            Report(SchemaDiagnostics.UnsupportedAssertion, member.NameSpan, member.Name, reason);
        }
        else
        {
            Report(SchemaDiagnostics.UnsupportedKeyword, member.NameSpan, member.Name, "it is not a JSON Schema 2020-12 keyword, so it has no effect (check its spelling)");
        }
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(span), args));

    private LocationInfo Locate(TextSpan span) => LocationInfo.From(_path, _text, span);
}
