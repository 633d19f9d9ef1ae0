namespace MessageGen.Generator;

/// <summary>Names of the pipeline steps, so tests can check which steps ran and which were cached.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string Options = nameof(Options);
    public const string Parse = nameof(Parse);
    public const string Emit = nameof(Emit);
    public const string AllSchemas = nameof(AllSchemas);
}
