using Microsoft.CodeAnalysis;

namespace MessageGen.Diagnostics;

/// <summary>MG1xxx: problems in schema files, reported at the file, line and column.</summary>
internal static class SchemaDiagnostics
{
    private const string Category = "MessageGen.Schema";

    public static readonly DiagnosticDescriptor GenerationFailed = Create(
        DiagnosticIds.SchemaGenerationFailed,
        "MessageGen could not generate code from a schema",
        "MessageGen could not generate code from '{0}': {1}. Please report this with the schema file.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidJson = Create(
        DiagnosticIds.InvalidJson,
        "Schema file is not valid JSON",
        "'{0}' is not valid JSON: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Create(
        DiagnosticIds.UnsupportedKeyword,
        "Schema keyword is ignored",
        "The keyword '{0}' is ignored: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedAssertion = Create(
        DiagnosticIds.UnsupportedAssertion,
        "Schema keyword changes what is valid but is not supported",
        "The keyword '{0}' changes which values are valid, but {1}. No code is generated from this schema, rather than code that accepts what the schema forbids or rejects what it allows.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidKeywordValue = Create(
        DiagnosticIds.InvalidKeywordValue,
        "Schema keyword has an invalid value",
        "The keyword '{0}' has an invalid value: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        DiagnosticIds.UnresolvedReference,
        "Schema reference cannot be resolved",
        "The reference '{0}' cannot be resolved: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NameConflict = Create(
        DiagnosticIds.NameConflict,
        "Generated names conflict",
        "{0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidPattern = Create(
        DiagnosticIds.InvalidPattern,
        "Schema pattern is not a valid regular expression",
        "The pattern '{0}' is not a valid regular expression: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownMemberName = Create(
        DiagnosticIds.UnknownMemberName,
        "Schema names a member that is not in 'properties'",
        "'{0}' names the member '{1}', which is not in this object's 'properties'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnreadableSchemaFile = Create(
        DiagnosticIds.UnreadableSchemaFile,
        "Schema file cannot be read",
        "The schema file '{0}' cannot be read",
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
}
