using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0008: a constant string is not one of the schema's <c>enum</c> values.</summary>
internal static class ConstantNotAllowedValueRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ConstantNotAllowedValue,
        "Constant value is not one of the schema's allowed values",
        "'{0}' is \"{1}\"; the schema allows {2}",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A constant string is not among the values the schema's enum lists; the comparison is exact, as JSON Schema's.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.ConstantNotAllowedValue));
}
