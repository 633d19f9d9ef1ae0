using System.Linq;
using MessageGen.Model;
using static MessageGen.Generator.Emitter.Expressions;

namespace MessageGen.Generator.Emitter;

/// <summary>
/// Writes <c>Validate</c> and <c>ValidateInto</c>: every schema rule checked at run time, each violation reported with
/// its JSON path. <c>Build()</c> and <c>FromJson</c> call <c>ValidateInto</c>.
/// </summary>
internal sealed class ValidationEmitter(SourceWriter writer)
{
    private const string Checks = RuntimeTypes.SchemaChecks;

    public void Emit(ObjectSpec obj)
    {
        // An alternative of a union inherits Validate() from its base, which calls this ValidateInto.
        if (!obj.IsAlternative)
        {
            EmitValidate();
        }

        writer.WriteLine($$"""
            /// <summary>Adds this object's violations, under <paramref name="path"/>, to <paramref name="errors"/>.</summary>
            internal {{obj.OverrideModifier}}void ValidateInto(string path, {{RuntimeTypes.ValidationErrors}} errors)
            """);
        writer.OpenBlock();
        foreach (var property in obj.SettableProperties)
        {
            if (property.HoldsAdditionalProperties)
            {
                EmitAdditionalPropertiesChecks(obj, property);
            }
            else
            {
                EmitMemberChecks(property);
            }
        }

        EmitExactlyOneOf(obj);
        foreach (var dependency in obj.Dependencies)
        {
            EmitDependency(obj, dependency);
        }

        foreach (var dependent in obj.DependentSchemas)
        {
            EmitDependentSchema(obj, dependent);
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary><c>Validate()</c>, over the type's <c>ValidateInto</c>.</summary>
    public void EmitValidate() => writer.WriteLine($$"""
        /// <summary>Checks every schema rule; returns the violations, each with its JSON path (empty when valid).</summary>
        public global::System.Collections.Generic.IReadOnlyList<{{RuntimeTypes.ValidationError}}> Validate()
        {
            var errors = new {{RuntimeTypes.ValidationErrors}}();
            ValidateInto("$", errors);
            return errors;
        }

        """);

    private void EmitMemberChecks(PropertySpec property)
    {
        var value = property.ClrName;
        var member = Literal(property.JsonName);
        if (property.Type.IsValueType)
        {
            // A required number is never null; booleans and numbers without limits or allowed values carry no checks.
            if (property.Type.HasChecks && property.IsRequired)
            {
                EmitValueChecks(property, property.Type, value, "path", member, depth: 0);
                writer.WriteLine();
            }
            else if (property.Type.HasChecks)
            {
                writer.OpenBlock($"if ({value} is {{ }} {property.LocalName})");
                EmitValueChecks(property, property.Type, property.LocalName, "path", member, depth: 0);
                writer.CloseBlock();
                writer.WriteLine();
            }

            return;
        }

        if (property.IsRequired)
        {
            writer.WriteLine($$"""
                if ({{value}} is null)
                {
                    errors.Add({{Checks}}.Missing(path, {{member}}));
                }
                """);
            if (!property.Type.HasChecks)
            {
                writer.WriteLine();
                return;
            }

            writer.OpenBlock("else");
        }
        else if (property.Type.HasChecks)
        {
            writer.OpenBlock($"if ({value} is not null)");
        }
        else
        {
            return;
        }

        EmitValueChecks(property, property.Type, value, "path", member, depth: 0);
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>Checks <paramref name="value"/> (not null) against <paramref name="type"/>; for arrays, each item too, one level deeper.</summary>
    private void EmitValueChecks(PropertySpec property, TypeSpec type, string value, string parentPath, string member, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
                var pattern = type.Pattern is null ? "null" : property.PatternFieldName(depth);
                var allowedValues = type.Enum.Count == 0 ? "null" : property.EnumFieldName(depth);
                writer.WriteLine(
                    $"{Checks}.CheckString({value}, {parentPath}, {member}, minLength: {Limit(type.MinLength)}, maxLength: {Limit(type.MaxLength)}, " +
                    $"pattern: {pattern}, isUri: {Literal(type.IsUri)}, allowedValues: {allowedValues}, errors: errors);");
                break;
            case ValueKind.Integer or ValueKind.Number:
                var limits = type.Limits ?? NumberLimits.None;
                var allowed = type.NumberEnum.Count > 0 ? property.EnumFieldName(depth) : "null";
                writer.WriteLine(
                    $"{Checks}.CheckNumber({value}, {parentPath}, {member}, minimum: {Literal(limits.Minimum)}, exclusiveMinimum: {Literal(limits.ExclusiveMinimum)}, " +
                    $"maximum: {Literal(limits.Maximum)}, exclusiveMaximum: {Literal(limits.ExclusiveMaximum)}, multipleOf: {Literal(limits.MultipleOf)}, errors: errors, allowedValues: {allowed});");
                break;
            case ValueKind.Boolean when type.AllowedBoolean is { } allowedBoolean:
                writer.WriteLine($"{Checks}.CheckBoolean({value}, {parentPath}, {member}, allowed: {Literal(allowedBoolean)}, errors: errors);");
                break;
            case ValueKind.Object:
                writer.WriteLine($"{value}.ValidateInto({MemberPath(parentPath, member)}, errors);");
                break;
            case ValueKind.Array:
                EmitArrayChecks(property, type, value, parentPath, member, depth);
                break;
            case ValueKind.Map:
                EmitMapChecks(property, type, value, parentPath, member, depth);
                break;
            case ValueKind.Any:
                writer.WriteLine($"{Checks}.CheckJsonValue({value}, {parentPath}, {member}, errors);");
                break;
        }
    }

    /// <summary>
    /// Each additional property is checked against the <c>additionalProperties</c> schema at its own path, and must not
    /// be a member that <c>properties</c> describes (it would be written twice).
    /// </summary>
    private void EmitAdditionalPropertiesChecks(ObjectSpec obj, PropertySpec additional)
    {
        var described = obj.Properties.Count == 0 ? null : string.Join(" or ", obj.Properties.Select(p => Literal(p.JsonName)));
        if (described is null && !additional.Type.HasChecks)
        {
            return;
        }

        writer.OpenBlock($"if ({additional.ClrName} is not null)");
        EmitEntryChecks(additional, additional.Type.Items!, additional.ClrName, "path", depth: 0, described);
        writer.CloseBlock();
        writer.WriteLine();
    }

    private void EmitMapChecks(PropertySpec property, TypeSpec type, string value, string parentPath, string member, int depth)
    {
        var mapPath = "mapPath" + depth;
        writer.WriteLine($"var {mapPath} = {MemberPath(parentPath, member)};");
        EmitEntryChecks(property, type.Items!, value, mapPath, depth, describedMembers: null);
    }

    /// <summary>Checks each value of the dictionary <paramref name="map"/>; <paramref name="describedMembers"/> (a C# pattern) are keys it must not have.</summary>
    private void EmitEntryChecks(PropertySpec property, TypeSpec values, string map, string mapPath, int depth, string? describedMembers)
    {
        var pair = "pair" + depth;
        writer.OpenBlock($"foreach (var {pair} in {map})");
        if (describedMembers is not null)
        {
            writer.WriteLine($$"""
                if ({{pair}}.Key is {{describedMembers}})
                {
                    errors.Add({{Checks}}.DescribedMember({{mapPath}}, {{pair}}.Key));
                }

                """);
        }

        if (values.IsValueType)
        {
            // Additional properties are looped over for their names even when their values carry no checks.
            if (values.HasChecks)
            {
                EmitValueChecks(property, values, $"{pair}.Value", mapPath, $"{pair}.Key", depth + 1);
            }
        }
        else
        {
            writer.WriteLine($$"""
                if ({{pair}}.Value is null)
                {
                    errors.Add({{Checks}}.NullValue({{mapPath}}, {{pair}}.Key));
                }
                else
                """);
            writer.OpenBlock();
            EmitValueChecks(property, values, $"{pair}.Value", mapPath, $"{pair}.Key", depth + 1);
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private void EmitArrayChecks(PropertySpec property, TypeSpec type, string value, string parentPath, string member, int depth)
    {
        if (type.HasCountLimits)
        {
            writer.WriteLine($"{Checks}.CheckCount({value}.Count, {parentPath}, {member}, minItems: {Limit(type.MinItems)}, maxItems: {Limit(type.MaxItems)}, errors: errors);");
        }

        if (type.UniqueItems)
        {
            writer.WriteLine($"{Checks}.CheckUnique({value}, {parentPath}, {member}, errors);");
        }

        var items = type.Items!;
        if (items.IsValueType && !items.HasChecks)
        {
            return;
        }

        var i = "i" + depth;
        var itemsPath = "itemsPath" + depth;
        var item = $"{value}[{i}]";
        writer.WriteLine($$"""

            var {{itemsPath}} = {{MemberPath(parentPath, member)}};
            for (var {{i}} = 0; {{i}} < {{value}}.Count; {{i}}++)
            """);
        writer.OpenBlock();
        if (items.IsValueType)
        {
            EmitValueChecks(property, items, item, itemsPath, ItemName(i), depth + 1);
        }
        else
        {
            writer.WriteLine($$"""
                if ({{item}} is null)
                {
                    errors.Add({{Checks}}.NullItem({{itemsPath}}, {{i}}));
                }
                else
                """);
            writer.OpenBlock();
            EmitValueChecks(property, items, item, itemsPath, ItemName(i), depth + 1);
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    /// <summary>A <c>oneOf</c> of <c>required</c>: exactly one alternative has all its members set.</summary>
    private void EmitExactlyOneOf(ObjectSpec obj)
    {
        if (obj.OneOfRequired.Count == 0)
        {
            return;
        }

        var conditions = obj.OneOfRequired.Select(alternative => string.Join(" && ", alternative.Select(m => IsSet(obj, m)))).ToList();
        var labels = obj.OneOfRequired.Select(alternative => string.Join(" and ", alternative.Select(m => "'" + m + "'")));
        writer.WriteLine($$"""
            var satisfiedCount = {{string.Join(" + ", conditions.Select(c => $"({c} ? 1 : 0)"))}};
            if (satisfiedCount != 1)
            {
                errors.Add({{Checks}}.ExactlyOneOf(path, alternatives: {{StringArray(labels)}}, satisfied: new[] { {{string.Join(", ", conditions)}} }));
            }

            """);
    }

    /// <summary>A <c>dependentRequired</c>/<c>dependentSchemas</c> rule: when the member is set, all (or any) of the others are.</summary>
    private void EmitDependency(ObjectSpec obj, DependencySpec dependency)
    {
        var requirement = string.Join(dependency.RequiresAll ? " && " : " || ", dependency.Requires.Select(m => IsSet(obj, m)));
        writer.WriteLine($$"""
            if ({{IsSet(obj, dependency.Member)}} && !({{requirement}}))
            {
                errors.Add({{Checks}}.Dependency(path, {{Literal(dependency.Member)}}, requiresAll: {{Literal(dependency.RequiresAll)}}, requires: {{StringArray(dependency.Requires)}}));
            }

            """);
    }

    /// <summary>A <c>dependentSchemas</c> rule: when its member is set, each part must hold, and each that does not is a violation.</summary>
    private void EmitDependentSchema(ObjectSpec obj, DependentSchemaSpec dependent)
    {
        writer.OpenBlock($"if ({IsSet(obj, dependent.Member)})");
        foreach (var part in dependent.Parts)
        {
            writer.WriteLine($$"""
                if (!{{Holds(obj, part)}})
                {
                    errors.Add({{Checks}}.DependentSchema(path, {{Literal(dependent.Member)}}, requirement: {{Literal(part.Requirement)}}));
                }

                """);
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>The C# expression, in parentheses, that is true when <paramref name="condition"/> holds for this object.</summary>
    private static string Holds(ObjectSpec obj, ConditionSpec condition) => condition switch
    {
        ConstantCondition constant => $"({Literal(constant.Holds)})",
        RequiredCondition required => $"({string.Join(" && ", required.Members.Select(m => IsSet(obj, m)))})",
        ValueCondition value => ValueHolds(obj, value),
        DependentCondition dependent => $"(!({IsSet(obj, dependent.Member)}) || {Holds(obj, dependent.Then)})",
        NotCondition not => $"(!{Holds(obj, not.Negated)})",
        CombinedCondition { Keyword: "allOf" } all => $"({string.Join(" && ", all.Branches.Select(b => Holds(obj, b)))})",
        CombinedCondition { Keyword: "anyOf" } any => $"({string.Join(" || ", any.Branches.Select(b => Holds(obj, b)))})",
        CombinedCondition oneOf => $"({string.Join(" + ", oneOf.Branches.Select(b => $"({Holds(obj, b)} ? 1 : 0)"))} == 1)",
        _ => throw new System.ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name, "Not a condition MessageGen generates."),
    };

    /// <summary>A member's value meets the condition's keywords, checked as they are for the member itself; an absent member meets every one.</summary>
    private static string ValueHolds(ObjectSpec obj, ValueCondition condition)
    {
        var property = obj.Property(condition.Member);
        var type = condition.Value;
        var value = property.Type.IsValueType && !property.IsRequired ? property.ClrName + ".Value" : property.ClrName;
        var limits = type.Limits ?? NumberLimits.None;
        var check = type.Kind switch
        {
            ValueKind.String =>
                $"{Checks}.IsValidString({value}, minLength: {Limit(type.MinLength)}, maxLength: {Limit(type.MaxLength)}, " +
                $"pattern: {(type.Pattern is null ? "null" : condition.PatternFieldName)}, isUri: {Literal(type.IsUri)}, " +
                $"allowedValues: {(type.Enum.Count == 0 ? "null" : condition.EnumFieldName)})",
            ValueKind.Boolean => $"{value} == {Literal(type.AllowedBoolean!.Value)}",
            _ =>
                $"{Checks}.IsValidNumber({value}, minimum: {Literal(limits.Minimum)}, exclusiveMinimum: {Literal(limits.ExclusiveMinimum)}, " +
                $"maximum: {Literal(limits.Maximum)}, exclusiveMaximum: {Literal(limits.ExclusiveMaximum)}, multipleOf: {Literal(limits.MultipleOf)}, " +
                $"allowedValues: {(type.NumberEnum.Count == 0 ? "null" : condition.EnumFieldName)})",
        };
        return property.IsAlwaysSet ? $"({check})" : $"({property.ClrName} is null || {check})";
    }

    private static string IsSet(ObjectSpec obj, string jsonName)
    {
        var property = obj.Property(jsonName);
        return property.IsAlwaysSet ? "true" : $"{property.ClrName} is not null";
    }
}
