using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0003: a required member (or every alternative of an exactly-one-of) is missing where the object is built.</summary>
internal static class RequiredMemberMissingRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.RequiredMemberMissing,
        "Required member is missing",
        "'{0}' is built without {1}",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Build() (and an object initializer) checks the schema's required members at run time and throws; this finds the ones that are certainly missing at compile time.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.RequiredMemberMissing));
}
