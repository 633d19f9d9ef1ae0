namespace MessageGen.Generator.Emitter;

/// <summary>The MessageGen.Runtime types that generated code calls, named in full.</summary>
internal static class RuntimeTypes
{
    public const string ValidationErrors = "global::MessageGen.Serialization.ValidationErrors";
    public const string ValidationError = "global::MessageGen.ValidationError";
    public const string MessageValidationException = "global::MessageGen.MessageValidationException";
    public const string MalformedJsonException = "global::MessageGen.MalformedJsonException";
    public const string JsonOutput = "global::MessageGen.Serialization.JsonOutput";
    public const string JsonInput = "global::MessageGen.Serialization.JsonInput";
    public const string SchemaChecks = "global::MessageGen.Serialization.SchemaChecks";
    public const string SchemaPattern = "global::MessageGen.Serialization.SchemaPattern";
    public const string JsonValues = "global::MessageGen.Serialization.JsonValues";
    public const string IWhatsAppMessage = "global::MessageGen.IWhatsAppMessage";

    /// <summary>The namespace of the attributes the analyzers read.</summary>
    public const string SchemaAttributes = "global::MessageGen.Schema";
}
