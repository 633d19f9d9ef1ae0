using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0009: a constant language passed to a template builder's <c>WithLanguage</c> is one the template is not approved in.</summary>
internal static class TemplateLanguageNotApprovedRule
{
    /// <summary>The part (the <c>[SchemaMember]</c> name) a generated template builder's <c>WithLanguage</c> sets.</summary>
    public const string Member = "language";

    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.TemplateLanguageNotApproved,
        "Template is not approved in this language",
        "Template '{0}' is not approved in \"{1}\"; it is approved in {2}",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The API answers 132001 for a template sent in a language it has no approved version in. The approved languages come from the templates file the type was generated from; pull it again if the template was approved since.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.TemplateLanguageNotApproved));
}
