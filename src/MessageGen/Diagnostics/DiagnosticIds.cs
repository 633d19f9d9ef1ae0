namespace MessageGen.Diagnostics;

/// <summary>Every diagnostic id MessageGen reports. The ids are a public contract: never reuse or renumber one.</summary>
internal static class DiagnosticIds
{
    // MG0xxx: code that builds messages the API would reject.
    public const string MutuallyExclusiveMembers = "MG0001";
    public const string DependentMemberWithoutDependency = "MG0002";
    public const string RequiredMemberMissing = "MG0003";
    public const string ConstantLengthOutOfRange = "MG0004";
    public const string ConstantPatternMismatch = "MG0005";
    public const string ConstantNotHttpsUri = "MG0006";
    public const string ConstantOutOfNumericRange = "MG0007";
    public const string ConstantNotAllowedValue = "MG0008";
    public const string TemplateLanguageNotApproved = "MG0009";
    public const string TemplatePartMissing = "MG0010";
    public const string TemplatePartNotTaken = "MG0011";

    // MG1xxx: problems in a schema file, reported at their line and column.
    public const string SchemaGenerationFailed = "MG1000";
    public const string InvalidJson = "MG1001";
    public const string UnsupportedKeyword = "MG1002";
    public const string InvalidKeywordValue = "MG1003";
    public const string UnresolvedReference = "MG1004";
    public const string NameConflict = "MG1005";
    public const string InvalidPattern = "MG1006";
    public const string UnknownMemberName = "MG1007";
    public const string UnreadableSchemaFile = "MG1008";
    public const string UnsupportedAssertion = "MG1009";

    // MG1010..: problems in a templates file (*templates.json), reported at their line and column.
    public const string MalformedTemplates = "MG1010";
    public const string InvalidTemplateParameters = "MG1011";
    public const string TemplateNameConflict = "MG1012";
    public const string InvalidTemplateName = "MG1013";
    public const string TemplateMediaTypeMissing = "MG1014";
}
