using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0002: a member is set without what it depends on (<c>dependentSchemas</c>/<c>dependentRequired</c>).</summary>
internal static class DependentMemberWithoutDependencyRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.DependentMemberWithoutDependency,
        "Member is set without the members it depends on",
        "'{0}' is set on '{1}' without {2}, which it depends on",
        UsageRules.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The schema's dependentSchemas/dependentRequired make a member valid only together with other members; the API rejects a message that has the member alone.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.DependentMemberWithoutDependency));
}
