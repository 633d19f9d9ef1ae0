using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0007: a constant number breaks <c>minimum</c>, <c>maximum</c>, their exclusive forms, <c>multipleOf</c> or <c>enum</c>, or is not finite.</summary>
internal static class ConstantOutOfNumericRangeRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ConstantOutOfNumericRange,
        "Constant value breaks the schema's numeric limits",
        "'{0}' is {1}; the schema wants {2}",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A constant number is below the schema's minimum (or exclusiveMinimum), above its maximum (or exclusiveMaximum), not a multiple of its multipleOf, not one of its enum values, or NaN or infinite, which JSON cannot hold.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.ConstantOutOfNumericRange));
}
