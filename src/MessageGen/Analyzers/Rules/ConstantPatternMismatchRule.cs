using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0005: a constant string does not match <c>pattern</c>.</summary>
internal static class ConstantPatternMismatchRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ConstantPatternMismatch,
        "Constant value does not match the schema's pattern",
        "'{0}' is \"{1}\", which does not match the schema's pattern {2}",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A constant string does not match the member's pattern (an ECMA 262 regular expression).",
        helpLinkUri: HelpLinks.For(DiagnosticIds.ConstantPatternMismatch));
}
