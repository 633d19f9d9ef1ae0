using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0001: members of two alternatives of a schema <c>oneOf</c> of <c>required</c> are set on the same object.</summary>
internal static class MutuallyExclusiveMembersRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.MutuallyExclusiveMembers,
        "Mutually exclusive members are both set",
        "'{0}' cannot be set together with '{1}' on '{2}': the schema allows exactly one of them",
        UsageRules.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The schema's oneOf of required members allows exactly one alternative; setting members of two alternatives makes a message the API rejects.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.MutuallyExclusiveMembers));
}
