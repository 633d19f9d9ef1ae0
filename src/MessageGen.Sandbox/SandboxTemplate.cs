using System.Text.Json;
using System.Text.RegularExpressions;

namespace MessageGen.Sandbox;

/// <summary>
/// One template of the templates file, as much as the sandbox needs to judge a send: which parameters its header, body and
/// buttons take. <see cref="Json"/> is the template as the file has it, served back by <c>GET /v1/configs/templates</c>.
/// </summary>
internal sealed partial record SandboxTemplate(
    string Name,
    string Language,
    string Status,
    bool NamedParameters,
    SandboxTemplateHeader? Header,
    string? BodyText,
    IReadOnlyList<string> BodyParameters,
    IReadOnlyList<SandboxTemplateButton> Buttons,
    JsonElement Json)
{
    public bool IsApproved => Status.Equals("approved", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads one entry of <c>waba_templates</c>; throws <see cref="FormatException"/> saying what is wrong, at which path.</summary>
    public static SandboxTemplate Read(JsonElement json, string path)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path}: a template must be a JSON object.");
        }

        var name = RequiredString(json, "name", path);
        var language = RequiredString(json, "language", path);
        var status = RequiredString(json, "status", path);
        var named = json.TryGetProperty("parameter_format", out var format) && format.ValueKind == JsonValueKind.String
            && format.GetString()!.Equals("NAMED", StringComparison.OrdinalIgnoreCase);
        if (!json.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{path}: \"components\" must be an array.");
        }

        SandboxTemplateHeader? header = null;
        string? bodyText = null;
        IReadOnlyList<string> bodyParameters = [];
        IReadOnlyList<SandboxTemplateButton> buttons = [];
        var index = 0;
        foreach (var component in components.EnumerateArray())
        {
            var componentPath = $"{path}.components[{index++}]";
            if (component.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{componentPath}: a component must be a JSON object.");
            }

            switch (RequiredString(component, "type", componentPath).ToUpperInvariant())
            {
                case "HEADER":
                    header = SandboxTemplateHeader.Read(component, componentPath);
                    break;
                case "BODY":
                    bodyText = RequiredString(component, "text", componentPath);
                    bodyParameters = Placeholders(bodyText, named, componentPath);
                    break;
                case "BUTTONS":
                    buttons = SandboxTemplateButton.ReadAll(component, componentPath);
                    break;
            }
        }

        return new SandboxTemplate(name, language, status, named, header, bodyText, bodyParameters, buttons, json.Clone());
    }

    /// <summary>The distinct variables of a text in order of first use: <c>1, 2</c>, or names such as <c>first_name</c>.</summary>
    public static IReadOnlyList<string> Placeholders(string text, bool named, string path)
    {
        var found = new List<string>();
        foreach (Match match in Placeholder().Matches(text))
        {
            var variable = match.Groups[1].Value;
            if (!named && !variable.All(char.IsAsciiDigit))
            {
                throw new FormatException($"{path}: '{{{{{variable}}}}}' is a named variable, but the template's parameter_format is not NAMED.");
            }

            if (!found.Contains(variable))
            {
                found.Add(variable);
            }
        }

        return found;
    }

    /// <summary>A required string member; throws saying which when it is missing or not a non-empty string.</summary>
    public static string RequiredString(JsonElement json, string member, string path) =>
        json.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{path}: \"{member}\" must be a non-empty string.");

    /// <summary>A variable: <c>{{1}}</c> or <c>{{first_name}}</c>.</summary>
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex Placeholder();
}

/// <summary>A template's header: its <c>format</c> (TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION) and, for TEXT, its variables.</summary>
internal sealed record SandboxTemplateHeader(string Format, string? Text, IReadOnlyList<string> TextParameters)
{
    public static readonly string[] Formats = ["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"];

    /// <summary>How many parameters a send gives the header: one for a media or location header, one per variable of a text one.</summary>
    public int ParameterCount => Format == "TEXT" ? TextParameters.Count : 1;

    /// <summary>The parameter <c>type</c> a send gives it: <c>text</c>, <c>image</c>, <c>video</c>, <c>document</c> or <c>location</c>.</summary>
    public string ParameterType => Format.ToLowerInvariant();

    public static SandboxTemplateHeader Read(JsonElement component, string path)
    {
        var format = SandboxTemplate.RequiredString(component, "format", path).ToUpperInvariant();
        if (!Formats.Contains(format))
        {
            throw new FormatException($"{path}: a HEADER's \"format\" must be one of {string.Join(", ", Formats)}, not '{format}'.");
        }

        if (format != "TEXT")
        {
            return new SandboxTemplateHeader(format, null, []);
        }

        var text = SandboxTemplate.RequiredString(component, "text", path);

        // A header's variable is always {{1}} or one name: the API allows one at most.
        var parameters = SandboxTemplate.Placeholders(text, named: true, path);
        return parameters.Count > 1
            ? throw new FormatException($"{path}: a TEXT header has at most one variable; this one has {parameters.Count}.")
            : new SandboxTemplateHeader(format, text, parameters);
    }
}

/// <summary>A template's button: its <c>type</c> (QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, ...) and whether its URL ends in a variable.</summary>
internal sealed record SandboxTemplateButton(string Type, bool DynamicUrl)
{
    public static IReadOnlyList<SandboxTemplateButton> ReadAll(JsonElement component, string path)
    {
        if (!component.TryGetProperty("buttons", out var buttons) || buttons.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{path}: a BUTTONS component needs a \"buttons\" array.");
        }

        var read = new List<SandboxTemplateButton>();
        foreach (var button in buttons.EnumerateArray())
        {
            var buttonPath = $"{path}.buttons[{read.Count}]";
            if (button.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{buttonPath}: a button must be a JSON object.");
            }

            var type = SandboxTemplate.RequiredString(button, "type", buttonPath).ToUpperInvariant();
            var dynamicUrl = type == "URL" && SandboxTemplate.Placeholders(SandboxTemplate.RequiredString(button, "url", buttonPath), named: true, buttonPath).Count > 0;
            read.Add(new SandboxTemplateButton(type, dynamicUrl));
        }

        return read;
    }
}
