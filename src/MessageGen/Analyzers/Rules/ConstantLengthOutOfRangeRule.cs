using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0004: a constant string breaks <c>minLength</c>/<c>maxLength</c>.</summary>
internal static class ConstantLengthOutOfRangeRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ConstantLengthOutOfRange,
        "Constant value breaks the schema's length limit",
        "'{0}' is {1} characters long; the schema allows {2}",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A constant string is shorter than the schema's minLength or longer than its maxLength (counted in Unicode code points, as JSON Schema counts).",
        helpLinkUri: HelpLinks.For(DiagnosticIds.ConstantLengthOutOfRange));
}
