namespace MessageGen.Generator;

/// <summary>Names of the pipeline steps, so tests can check which steps ran and which were cached.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string Options = nameof(Options);
    public const string Parse = nameof(Parse);
    public const string Emit = nameof(Emit);
    public const string AllSchemas = nameof(AllSchemas);

    // The templates pipeline (*templates.json), apart from the schemas' but for the type names it reads from them.
    public const string TemplateFiles = nameof(TemplateFiles);
    public const string TemplateParse = nameof(TemplateParse);
    public const string TemplateSpecs = nameof(TemplateSpecs);
    public const string SchemaTypeNames = nameof(SchemaTypeNames);
    public const string TemplatePlan = nameof(TemplatePlan);
    public const string TemplateEmit = nameof(TemplateEmit);
}
