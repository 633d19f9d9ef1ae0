using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0011: a template builder chain with a constant language sets a part that only other languages of the template take.</summary>
internal static class TemplatePartNotTakenRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.TemplatePartNotTaken,
        "Template part is not taken in this language",
        "'{0}' sets a part that template '{1}' does not take in \"{2}\"; only {3} take it",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A template name approved in several languages may take different parameters in each; the builder has the methods of all of them, and Build() throws when the chosen language does not take what was set. With a constant language this is found at compile time.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.TemplatePartNotTaken));
}
