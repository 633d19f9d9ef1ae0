using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>MG0006: a constant <c>format: uri</c> value is not an absolute <c>https</c> URI.</summary>
internal static class ConstantNotHttpsUriRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ConstantNotHttpsUri,
        "Constant value is not an absolute https URI",
        "'{0}' is \"{1}\", which {2}",
        UsageRules.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A member with format 'uri' must be an absolute URI; WhatsApp fetches media only over https.",
        helpLinkUri: HelpLinks.For(DiagnosticIds.ConstantNotHttpsUri));
}
