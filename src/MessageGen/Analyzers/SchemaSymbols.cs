using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers;

/// <summary>
/// The MessageGen schema attributes of one compilation, and what they say about each generated type and member.
/// </summary>
/// <remarks>
/// The analyzers learn every rule from attributes that the generator puts on the code it generates
/// (<c>[GeneratedMessage]</c>, <c>[ExactlyOneOf]</c>, <c>[DependentMembers]</c>, <c>[SchemaMember]</c>), never from the
/// schema files. That way they work for any schema with no analyzer change, they work just as well for generated
/// types that come from a referenced assembly (where no schema file is in sight), and they need no JSON parsing,
/// no AdditionalFiles and no second copy of the generator's interpretation of the schema.
/// The attribute types are resolved once per compilation; when <c>GeneratedMessageAttribute</c> is absent the
/// analyzers register nothing at all, so code that does not use MessageGen costs nothing.
/// Both analyzers share one instance per compilation, so each type's and member's attributes are read once;
/// the lookups are safe for concurrent use.
/// </remarks>
internal sealed class SchemaSymbols
{
    private const string SchemaNamespace = "MessageGen.Schema.";

    private static readonly ConditionalWeakTable<Compilation, SchemaSymbols?> PerCompilation = new();

    private readonly INamedTypeSymbol _generatedMessage;
    private readonly INamedTypeSymbol? _exactlyOneOf;
    private readonly INamedTypeSymbol? _dependentMembers;
    private readonly INamedTypeSymbol? _schemaMember;
    private readonly INamedTypeSymbol? _template;
    private readonly ConcurrentDictionary<ITypeSymbol, MessageType?> _types = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, SchemaMember?> _members = new(SymbolEqualityComparer.Default);

    private SchemaSymbols(INamedTypeSymbol generatedMessage, INamedTypeSymbol? exactlyOneOf, INamedTypeSymbol? dependentMembers, INamedTypeSymbol? schemaMember, INamedTypeSymbol? template)
    {
        _template = template;
        _generatedMessage = generatedMessage;
        _exactlyOneOf = exactlyOneOf;
        _dependentMembers = dependentMembers;
        _schemaMember = schemaMember;
    }

    /// <summary>Returns null when the compilation does not see MessageGen's attributes: then there is nothing to check.</summary>
    public static SchemaSymbols? For(Compilation compilation)
        => PerCompilation.GetValue(compilation, Create);

    private static SchemaSymbols? Create(Compilation compilation)
    {
        var generatedMessage = compilation.GetTypeByMetadataName(SchemaNamespace + "GeneratedMessageAttribute");
        if (generatedMessage is null)
        {
            return null;
        }

        return new SchemaSymbols(
            generatedMessage,
            compilation.GetTypeByMetadataName(SchemaNamespace + "ExactlyOneOfAttribute"),
            compilation.GetTypeByMetadataName(SchemaNamespace + "DependentMembersAttribute"),
            compilation.GetTypeByMetadataName(SchemaNamespace + "SchemaMemberAttribute"),
            compilation.GetTypeByMetadataName(SchemaNamespace + "WhatsAppTemplateAttribute"));
    }

    /// <summary>The generated model or builder <paramref name="type"/> is, or null when it is not one.</summary>
    public MessageType? GetMessageType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class)
        {
            return null;
        }

        return _types.TryGetValue(named.OriginalDefinition, out var known)
            ? known
            : _types.GetOrAdd(named.OriginalDefinition, CreateMessageType((INamedTypeSymbol)named.OriginalDefinition));
    }

    /// <summary>The schema member a generated <c>With...</c> method or <c>init</c> property sets, or null.</summary>
    public SchemaMember? GetMember(ISymbol symbol)
    {
        if (_schemaMember is null)
        {
            return null;
        }

        var definition = symbol.OriginalDefinition;
        return _members.TryGetValue(definition, out var known) ? known : _members.GetOrAdd(definition, CreateMember(definition));
    }

    /// <summary>The message type whose <c>With...</c> method <paramref name="method"/> is, with the member it sets.</summary>
    public bool TryGetBuilderMember(IMethodSymbol method, out MessageType builder, out SchemaMember member)
    {
        builder = null!;
        member = null!;
        if (method.IsStatic || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        var type = GetMessageType(method.ContainingType);
        if (type is null || !type.IsBuilder)
        {
            return false;
        }

        var found = GetMember(method);
        if (found is null)
        {
            return false;
        }

        builder = type;
        member = found;
        return true;
    }

    /// <summary>
    /// The languages that take the part a generated template builder's method sets, when not all the template's
    /// languages do (<c>[WhatsAppTemplate]</c> on the method); default when every language takes it.
    /// </summary>
    public ImmutableArray<string> TemplateLanguages(IMethodSymbol method)
    {
        foreach (var attribute in method.OriginalDefinition.GetAttributes())
        {
            if (_template is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _template) && attribute.ConstructorArguments.Length == 2)
            {
                return Strings(attribute.ConstructorArguments[1]).ToImmutableArray();
            }
        }

        return default;
    }

    /// <summary>Whether <paramref name="method"/> is a generated builder's parameterless <c>Build()</c>.</summary>
    public bool IsBuild(IMethodSymbol method, out MessageType builder)
    {
        builder = null!;
        if (method.IsStatic || method.Name != "Build" || method.Parameters.Length != 0)
        {
            return false;
        }

        var type = GetMessageType(method.ContainingType);
        if (type is null || !type.IsBuilder)
        {
            return false;
        }

        builder = type;
        return true;
    }

    private MessageType? CreateMessageType(INamedTypeSymbol type)
    {
        AttributeData? generated = null;
        string? templateName = null;
        var exactlyOneOf = ImmutableArray.CreateBuilder<ImmutableArray<ImmutableArray<string>>>();
        var dependencies = ImmutableArray.CreateBuilder<Dependency>();
        foreach (var attribute in type.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(attributeClass, _generatedMessage))
            {
                generated = attribute;
            }
            else if (SymbolEqualityComparer.Default.Equals(attributeClass, _template))
            {
                templateName = attribute.ConstructorArguments.FirstOrDefault().Value as string;
            }
            else if (SymbolEqualityComparer.Default.Equals(attributeClass, _exactlyOneOf))
            {
                var alternatives = Strings(attribute.ConstructorArguments.FirstOrDefault())
                    .Select(static a => a.Split(',').Select(static n => n.Trim()).Where(static n => n.Length > 0).ToImmutableArray())
                    .Where(static a => a.Length > 0)
                    .ToImmutableArray();
                if (alternatives.Length > 1)
                {
                    exactlyOneOf.Add(alternatives);
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(attributeClass, _dependentMembers) && attribute.ConstructorArguments.Length == 3)
            {
                var args = attribute.ConstructorArguments;
                if (args[0].Value is string member && args[1].Value is int kind)
                {
                    var requires = Strings(args[2]).ToImmutableArray();
                    if (requires.Length > 0)
                    {
                        dependencies.Add(new Dependency(member, requiresAll: kind == 0, requires));
                    }
                }
            }
        }

        if (generated is null)
        {
            return null;
        }

        var title = generated.ConstructorArguments.FirstOrDefault().Value as string ?? type.Name;
        var isBuilder = generated.NamedArguments.Any(static a => a.Key == "ModelType" && a.Value.Value is not null);
        var required = ImmutableArray.CreateBuilder<RequiredMember>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var symbol in type.GetMembers())
        {
            if (symbol is not (IMethodSymbol or IPropertySymbol))
            {
                continue;
            }

            var member = GetMember(symbol);
            if (member is { Required: true } && seen.Add(member.JsonName))
            {
                required.Add(new RequiredMember(member.JsonName, symbol is IPropertySymbol { IsRequired: true }));
            }
        }

        return new MessageType(type, title, isBuilder, exactlyOneOf.ToImmutable(), dependencies.ToImmutable(), required.ToImmutable(), templateName);
    }

    private SchemaMember? CreateMember(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _schemaMember)
                || attribute.ConstructorArguments.FirstOrDefault().Value is not string jsonName)
            {
                continue;
            }

            var required = false;
            var minLength = -1;
            var maxLength = -1;
            string? pattern = null;
            string? format = null;
            var limits = NumericLimits.None;
            var allowedValues = ImmutableArray<string>.Empty;
            foreach (var named in attribute.NamedArguments)
            {
                // An array constant (AllowedValues, AllowedNumbers) has no single Value to ask for.
                var number = named.Value.Kind == TypedConstantKind.Array ? double.NaN : named.Value.Value as double? ?? double.NaN;
                switch (named.Key)
                {
                    case "AllowedValues":
                        allowedValues = Strings(named.Value).ToImmutableArray();
                        break;
                    case "AllowedNumbers":
                        limits = limits with { Allowed = named.Value.Kind == TypedConstantKind.Array ? named.Value.Values.Select(v => v.Value).OfType<double>().ToImmutableArray() : ImmutableArray<double>.Empty };
                        break;
                    case "Minimum":
                        limits = limits with { Minimum = number };
                        break;
                    case "ExclusiveMinimum":
                        limits = limits with { ExclusiveMinimum = number };
                        break;
                    case "Maximum":
                        limits = limits with { Maximum = number };
                        break;
                    case "ExclusiveMaximum":
                        limits = limits with { ExclusiveMaximum = number };
                        break;
                    case "MultipleOf":
                        limits = limits with { MultipleOf = number };
                        break;
                    case "Required":
                        required = named.Value.Value is true;
                        break;
                    case "MinLength":
                        minLength = named.Value.Value as int? ?? -1;
                        break;
                    case "MaxLength":
                        maxLength = named.Value.Value as int? ?? -1;
                        break;
                    case "Pattern":
                        pattern = named.Value.Value as string;
                        break;
                    case "Format":
                        format = named.Value.Value as string;
                        break;
                }
            }

            return new SchemaMember(jsonName, required, minLength, maxLength, pattern, format, limits, allowedValues);
        }

        return null;
    }

    private static IEnumerable<string> Strings(TypedConstant constant)
        => constant.Kind == TypedConstantKind.Array
            ? constant.Values.Select(static v => v.Value).OfType<string>()
            : Enumerable.Empty<string>();
}

/// <summary>A generated model or builder and the schema rules on it.</summary>
internal sealed class MessageType(
    INamedTypeSymbol type,
    string title,
    bool isBuilder,
    ImmutableArray<ImmutableArray<ImmutableArray<string>>> exactlyOneOf,
    ImmutableArray<Dependency> dependencies,
    ImmutableArray<RequiredMember> required,
    string? templateName)
{
    public INamedTypeSymbol Type { get; } = type;

    /// <summary>The schema object's title, e.g. <c>VideoMedia</c>.</summary>
    public string Title { get; } = title;

    public bool IsBuilder { get; } = isBuilder;

    /// <summary>Each <c>[ExactlyOneOf]</c>: its alternatives, each the JSON names it requires.</summary>
    public ImmutableArray<ImmutableArray<ImmutableArray<string>>> ExactlyOneOf { get; } = exactlyOneOf;

    public ImmutableArray<Dependency> Dependencies { get; } = dependencies;

    public ImmutableArray<RequiredMember> Required { get; } = required;

    /// <summary>The WhatsApp template's name when the type was generated from a templates file; null for a schema's.</summary>
    public string? TemplateName { get; } = templateName;

    /// <summary>Whether the type has any rule that depends on which members are set together.</summary>
    public bool HasCombinationRules => ExactlyOneOf.Length > 0 || Dependencies.Length > 0 || Required.Length > 0;
}

/// <summary>A <c>[DependentMembers]</c> rule.</summary>
internal sealed class Dependency(string member, bool requiresAll, ImmutableArray<string> requires)
{
    public string Member { get; } = member;

    public bool RequiresAll { get; } = requiresAll;

    public ImmutableArray<string> Requires { get; } = requires;
}

/// <summary>A member the schema lists in <c>required</c>; <see cref="IsCSharpRequired"/> when the compiler enforces it already.</summary>
internal readonly struct RequiredMember(string jsonName, bool isCSharpRequired)
{
    public string JsonName { get; } = jsonName;

    public bool IsCSharpRequired { get; } = isCSharpRequired;
}

/// <summary>What <c>[SchemaMember]</c> says about one generated member.</summary>
internal sealed class SchemaMember(
    string jsonName, bool required, int minLength, int maxLength, string? pattern, string? format, NumericLimits limits, ImmutableArray<string> allowedValues)
{
    public string JsonName { get; } = jsonName;

    public bool Required { get; } = required;

    public int MinLength { get; } = minLength;

    public int MaxLength { get; } = maxLength;

    public string? Pattern { get; } = pattern;

    public string? Format { get; } = format;

    public NumericLimits Limits { get; } = limits;

    /// <summary>The schema's <c>enum</c> of strings; empty when it has none.</summary>
    public ImmutableArray<string> AllowedValues { get; } = allowedValues;
}

/// <summary>The numeric keywords of a member; NaN where the schema does not use one.</summary>
internal sealed record NumericLimits(double Minimum, double ExclusiveMinimum, double Maximum, double ExclusiveMaximum, double MultipleOf)
{
    public static NumericLimits None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>The schema's <c>enum</c> of numbers; empty when it has none.</summary>
    public ImmutableArray<double> Allowed { get; init; } = ImmutableArray<double>.Empty;

    public bool IsNone => double.IsNaN(Minimum) && double.IsNaN(ExclusiveMinimum) && double.IsNaN(Maximum)
        && double.IsNaN(ExclusiveMaximum) && double.IsNaN(MultipleOf) && Allowed.IsEmpty;

    /// <summary>What <paramref name="value"/> breaks, worded for MG0007 ("at least -90"); null when it keeps every limit.</summary>
    public string? Problem(double value)
        => !Allowed.IsEmpty && !Allowed.Contains(value) ? "one of " + string.Join(", ", Allowed.Select(Show))
            : value < Minimum ? "at least " + Show(Minimum)
            : value <= ExclusiveMinimum ? "more than " + Show(ExclusiveMinimum)
            : value > Maximum ? "at most " + Show(Maximum)
            : value >= ExclusiveMaximum ? "less than " + Show(ExclusiveMaximum)
            : !double.IsNaN(MultipleOf) && !Serialization.NumberRules.IsMultipleOf(value, MultipleOf) ? "a multiple of " + Show(MultipleOf)
            : null;

    private static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
