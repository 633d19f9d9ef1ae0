using System.Text.Json.Serialization;

namespace MessageGen.Benchmarks;

// A template send as plain classes for System.Text.Json source generation, the baseline of TemplateWriteBenchmarks.

public sealed class StjTemplateMessage : StjEnvelope
{
    public StjTemplate Template { get; set; } = new();
}

public sealed class StjTemplate
{
    public string Name { get; set; } = string.Empty;

    public StjLanguage Language { get; set; } = new();

    public List<StjTemplateComponent> Components { get; set; } = [];
}

public sealed class StjLanguage
{
    public string Code { get; set; } = string.Empty;
}

public sealed class StjTemplateComponent
{
    public string Type { get; set; } = string.Empty;

    public string? SubType { get; set; }

    public string? Index { get; set; }

    public List<StjTemplateParameter> Parameters { get; set; } = [];
}

public sealed class StjTemplateParameter
{
    public string Type { get; set; } = string.Empty;

    public string? ParameterName { get; set; }

    public string? Text { get; set; }

    public StjMediaLink? Video { get; set; }
}

public sealed class StjMediaLink
{
    public string? Id { get; set; }

    public string? Link { get; set; }
}

[JsonSerializable(typeof(StjTemplateMessage))]
public sealed partial class StjTemplateContext : JsonSerializerContext;
