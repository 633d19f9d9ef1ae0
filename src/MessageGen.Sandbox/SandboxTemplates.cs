using System.Text.Json;

namespace MessageGen.Sandbox;

/// <summary>
/// The templates the sandbox knows, read once at start from <see cref="SandboxOptions.TemplatesFile"/> (none without one):
/// served by <c>GET /v1/configs/templates</c> and the reference a <c>type: template</c> send is checked against.
/// </summary>
internal sealed class SandboxTemplates
{
    private SandboxTemplates(IReadOnlyList<SandboxTemplate> all, bool checksSends)
    {
        All = all;
        ChecksSends = checksSends;
    }

    /// <summary>No file: nothing to serve, and nothing to judge a template send by, so its structure is all that is checked.</summary>
    public static SandboxTemplates None { get; } = new([], checksSends: false);

    /// <summary>Whether a template send must match one of <see cref="All"/>: true once a file was given, even an empty one.</summary>
    public bool ChecksSends { get; }

    /// <summary>Every template of the file, approved or not, in the file's order.</summary>
    public IReadOnlyList<SandboxTemplate> All { get; }

    /// <summary>Reads a file in the shape of the API's answer (<c>{"waba_templates":[...]}</c>, as <c>messagegen templates pull</c> saves it).</summary>
    /// <exception cref="SandboxTemplatesFileException">The file cannot be read, is not JSON, or a template lacks what the sandbox needs.</exception>
    public static SandboxTemplates Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SandboxTemplatesFileException(path, $"it cannot be read: {e.Message}", e);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("waba_templates", out var templates)
                || templates.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("$: the file must be a JSON object with a \"waba_templates\" array, as GET /v1/configs/templates answers.");
            }

            var read = new List<SandboxTemplate>();
            foreach (var template in templates.EnumerateArray())
            {
                read.Add(SandboxTemplate.Read(template, $"$.waba_templates[{read.Count}]"));
            }

            return new SandboxTemplates(read, checksSends: true);
        }
        catch (JsonException e)
        {
            throw new SandboxTemplatesFileException(path, $"it is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new SandboxTemplatesFileException(path, e.Message, e);
        }
    }

    /// <summary>The approved template of that name in that language; null when there is none (the API answers 132001).</summary>
    public SandboxTemplate? FindApproved(string name, string language) =>
        All.FirstOrDefault(template => template.IsApproved && template.Name == name && template.Language == language);
}
