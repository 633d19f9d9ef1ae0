using Microsoft.CodeAnalysis;

namespace MessageGen.Diagnostics;

/// <summary>
/// MG1010..MG1014: problems in templates files, reported at the file, line and column. Warnings: the file is the API's
/// answer, not the user's code, and a template with a problem only loses its type while the others still generate.
/// </summary>
internal static class TemplateDiagnostics
{
    private const string Category = "MessageGen.Templates";

    public static readonly DiagnosticDescriptor Malformed = Create(
        DiagnosticIds.MalformedTemplates,
        "Templates file is malformed",
        "{0}: {1}",
        "The file is not the answer of GET /v1/configs/templates, or one template in it is not. Pull it again with 'messagegen templates pull'.");

    public static readonly DiagnosticDescriptor InvalidParameters = Create(
        DiagnosticIds.InvalidTemplateParameters,
        "Template parameters cannot be sent",
        "Template '{0}' ({1}) gets no type: {2}",
        "WhatsApp numbers positional parameters {{1}}..{{n}} without gaps, and a template uses either positional or named parameters.");

    public static readonly DiagnosticDescriptor NameConflict = Create(
        DiagnosticIds.TemplateNameConflict,
        "Template type name conflicts with another type",
        "Template '{0}' would generate the type '{1}', which {2}; the template gets no type",
        null);

    public static readonly DiagnosticDescriptor InvalidName = Create(
        DiagnosticIds.InvalidTemplateName,
        "Template name does not make a C# type name",
        "Template name '{0}' does not make a C# type name ('{1}'); the template gets no type",
        null);

    public static readonly DiagnosticDescriptor MediaTypeMissing = Create(
        DiagnosticIds.TemplateMediaTypeMissing,
        "Template header needs a type that is not generated",
        "Template '{0}' has a {1} header, sent as '{2}', but no type '{3}' is generated; add the schema that defines it ({4}) to the AdditionalFiles. The template gets no type.",
        null);

    private static DiagnosticDescriptor Create(string id, string title, string message, string? description)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinks.For(id));
}
