using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0010: a template builder is built without a part every approved language of the template takes.</summary>
internal static class TemplatePartMissingRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.TemplatePartMissing,
        "Template part is missing",
        "'{0}' is built without {1}",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Build() checks the parts the chosen language takes at run time and throws; this finds the ones that are certainly missing at compile time, whatever the language.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.TemplatePartMissing));
}
