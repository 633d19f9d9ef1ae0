using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using MessageGen.Diagnostics;
using MessageGen.Json;
using MessageGen.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Generator;

/// <summary>
/// Reads a templates file (the answer of <c>GET /v1/configs/templates</c>) into a <see cref="TemplateFileSpec"/> of its
/// approved template names. A template that cannot be sent as the file describes it gets a diagnostic and no spec; the
/// others are unaffected. Members the parser does not use (<c>example</c>, <c>id</c>, ...) are ignored.
/// </summary>
internal sealed class TemplateParser
{
    private readonly string _path;
    private readonly string _fileName;
    private readonly SourceText _text;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private TemplateParser(string path, SourceText text)
    {
        _path = path;
        _fileName = Path.GetFileName(path);
        _text = text;
    }

    public static TemplateParseResult Parse(SchemaFile file, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(file.Path);
        if (file.Text is null)
        {
            return new TemplateParseResult(
                new TemplateFileSpec(file.Path, options.Namespace, options.IsPublic, EquatableArray<TemplateSpec>.Empty),
                new[] { DiagnosticInfo.Create(TemplateDiagnostics.Malformed, null, fileName, "the file cannot be read") }.ToEquatableArray(),
                EquatableArray<TemplateNameLocation>.Empty);
        }

        var parser = new TemplateParser(file.Path, SourceText.From(file.Text));
        var (templates, locations) = parser.ParseFile(file.Text, cancellationToken);
        return new TemplateParseResult(
            new TemplateFileSpec(file.Path, options.Namespace, options.IsPublic, templates.ToEquatableArray()),
            parser._diagnostics.ToEquatableArray(),
            locations.ToEquatableArray());
    }

    private (List<TemplateSpec> Templates, List<TemplateNameLocation> Locations) ParseFile(string text, CancellationToken cancellationToken)
    {
        var templates = new List<TemplateSpec>();
        var locations = new List<TemplateNameLocation>();
        var root = JsonParser.TryParse(text, out var syntaxError);
        if (root is null)
        {
            Malformed(new TextSpan(syntaxError!.Position, 0), "not valid JSON: " + syntaxError.Message);
            return (templates, locations);
        }

        if (root is not JsonObject rootObject || rootObject.Get("waba_templates") is not JsonArray entries)
        {
            Malformed(
                root is JsonObject found && found.Find("waba_templates") is { } member ? member.Value.Span : new TextSpan(root.Span.Start, 0),
                "expected an object with a 'waba_templates' array (the answer of GET /v1/configs/templates)");
            return (templates, locations);
        }

        // Every approved language of a name, in file order; the name's spec is made from them all.
        var approved = new Dictionary<string, List<(TemplateEntry Entry, JsonObject Node)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in entries.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadEntry(item) is not var (name, language, node) || !IsApproved(node))
            {
                continue;
            }

            if (ParseEntry(name, language, node) is not { } entry)
            {
                continue;
            }

            if (!approved.TryGetValue(name, out var languages))
            {
                approved[name] = languages = new();
                order.Add(name);
            }

            if (languages.Any(l => l.Entry.Language == language))
            {
                Malformed(node.Get("language")!.Span, $"template '{name}' is approved in '{language}' twice; the first one is used");
                continue;
            }

            languages.Add((entry, node));
        }

        foreach (var name in order)
        {
            var languages = approved[name];
            var nameSpan = languages[0].Node.Get("name")!.Span;
            var typeName = TypeName(name);
            if (typeName is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(TemplateDiagnostics.InvalidName, Locate(nameSpan), name, ToPascalCase(name) + "Template"));
                continue;
            }

            templates.Add(CreateSpec(name, typeName, languages.Select(l => l.Entry).ToList()));
            locations.Add(new TemplateNameLocation(name, Locate(nameSpan)));
        }

        return (templates, locations);
    }

    /// <summary>The name and language of an entry, or null (reported) when the entry lacks them.</summary>
    private (string Name, string Language, JsonObject Node)? ReadEntry(JsonNode item)
    {
        if (item is not JsonObject node)
        {
            Malformed(item.Span, $"each item of 'waba_templates' must be an object, not {item.KindName}");
            return null;
        }

        if (node.Get("name") is not JsonString { Value.Length: > 0 } name)
        {
            Malformed(node.Find("name")?.Value.Span ?? new TextSpan(node.Span.Start, 1), "a template has no 'name' string");
            return null;
        }

        if (node.Get("language") is not JsonString { Value.Length: > 0 } language)
        {
            Malformed(node.Find("language")?.Value.Span ?? name.Span, $"template '{name.Value}' has no 'language' string");
            return null;
        }

        // The name is written into the generated code as UTF-8, which a lone surrogate has none of.
        var nameIsText = UnicodeText.FirstLoneSurrogate(name.Value) < 0;
        if (!nameIsText || UnicodeText.FirstLoneSurrogate(language.Value) >= 0)
        {
            Malformed(nameIsText ? language.Span : name.Span, "a template's name or language holds a lone surrogate, which is no Unicode text");
            return null;
        }

        return (name.Value, language.Value, node);
    }

    private static bool IsApproved(JsonObject node)
        => node.Get("status") is JsonString status && string.Equals(status.Value, "approved", StringComparison.OrdinalIgnoreCase);

    /// <summary>What one approved language takes, or null (reported) when its components cannot be sent as described.</summary>
    private TemplateEntry? ParseEntry(string name, string language, JsonObject node)
    {
        if (node.Get("components") is not JsonArray components)
        {
            Malformed(node.Find("components")?.Value.Span ?? node.Get("name")!.Span, $"template '{name}' ({language}) has no 'components' array");
            return null;
        }

        var isNamed = node.Get("parameter_format") is JsonString format && string.Equals(format.Value, "NAMED", StringComparison.OrdinalIgnoreCase);
        var header = TemplateHeaderKind.None;
        string? headerName = null;
        List<string>? body = null;
        var buttons = new List<int>();
        foreach (var item in components.Items)
        {
            if (item is not JsonObject component || component.Get("type") is not JsonString type)
            {
                Malformed(item.Span, $"each component of template '{name}' ({language}) must be an object with a 'type' string");
                return null;
            }

            switch (type.Value.ToUpperInvariant())
            {
                case "HEADER":
                    if (!ReadHeader(name, language, component, isNamed, out header, out headerName))
                    {
                        return null;
                    }

                    break;
                case "BODY":
                    if (component.Get("text") is not JsonString text)
                    {
                        Malformed(component.Span, $"the BODY of template '{name}' ({language}) has no 'text' string");
                        return null;
                    }

                    body = Parameters(name, language, text, isNamed);
                    if (body is null)
                    {
                        return null;
                    }

                    break;
                case "BUTTONS":
                    if (!ReadButtons(name, language, component, buttons))
                    {
                        return null;
                    }

                    break;
            }
        }

        if (body is { Count: > 0 } && isNamed && body.Select(ParameterName).Distinct(StringComparer.Ordinal).Count() != body.Count)
        {
            Invalid(node.Get("name")!.Span, name, language, "two body parameters make the same C# parameter name: " + string.Join(", ", body));
            return null;
        }

        return new TemplateEntry(language, header, headerName, isNamed, body ?? new List<string>(), buttons);
    }

    private bool ReadHeader(string name, string language, JsonObject component, bool isNamed, out TemplateHeaderKind kind, out string? parameterName)
    {
        kind = TemplateHeaderKind.None;
        parameterName = null;
        var format = component.Get("format") as JsonString;
        switch (format?.Value.ToUpperInvariant())
        {
            case "TEXT":
                if (component.Get("text") is not JsonString text)
                {
                    Malformed(component.Span, $"the TEXT HEADER of template '{name}' ({language}) has no 'text' string");
                    return false;
                }

                var parameters = Parameters(name, language, text, isNamed);
                if (parameters is null)
                {
                    return false;
                }

                if (parameters.Count > 1)
                {
                    Invalid(text.Span, name, language, "a TEXT header takes at most one parameter");
                    return false;
                }

                if (parameters.Count == 1)
                {
                    kind = TemplateHeaderKind.Text;
                    parameterName = isNamed ? parameters[0] : null;
                }

                return true;
            case "IMAGE":
                kind = TemplateHeaderKind.Image;
                return true;
            case "VIDEO":
                kind = TemplateHeaderKind.Video;
                return true;
            case "DOCUMENT":
                kind = TemplateHeaderKind.Document;
                return true;
            case "LOCATION":
                kind = TemplateHeaderKind.Location;
                return true;
            default:
                Malformed(
                    format?.Span ?? component.Span,
                    $"the HEADER of template '{name}' ({language}) needs a 'format' of TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION");
                return false;
        }
    }

    private bool ReadButtons(string name, string language, JsonObject component, List<int> dynamic)
    {
        if (component.Get("buttons") is not JsonArray buttons)
        {
            Malformed(component.Span, $"the BUTTONS of template '{name}' ({language}) have no 'buttons' array");
            return false;
        }

        for (var i = 0; i < buttons.Items.Count; i++)
        {
            if (buttons.Items[i] is not JsonObject button || button.Get("type") is not JsonString type)
            {
                Malformed(buttons.Items[i].Span, $"each button of template '{name}' ({language}) must be an object with a 'type' string");
                return false;
            }

            if (!string.Equals(type.Value, "URL", StringComparison.OrdinalIgnoreCase) || button.Get("url") is not JsonString url || !url.Value.Contains("{{"))
            {
                continue;
            }

            // WhatsApp allows one parameter, at the end of the URL: the suffix sent with the message.
            if (!url.Value.EndsWith("{{1}}", StringComparison.Ordinal) || url.Value.IndexOf("{{", StringComparison.Ordinal) != url.Value.Length - 5)
            {
                Invalid(url.Span, name, language, $"the URL of button {i} may only end in {{{{1}}}}");
                return false;
            }

            dynamic.Add(i);
        }

        return true;
    }

    /// <summary>
    /// The parameters of a text, in order: names when the template is named, "1".."n" when positional. Null (reported)
    /// when positional numbers leave a gap or the text mixes both kinds. <c>{{...}}</c> that is neither a number nor a
    /// name is text, as WhatsApp sends it.
    /// </summary>
    private List<string>? Parameters(string name, string language, JsonString text, bool isNamed)
    {
        var numbers = new SortedSet<int>();
        var names = new List<string>();
        for (var start = text.Value.IndexOf("{{", StringComparison.Ordinal); start >= 0; start = text.Value.IndexOf("{{", start + 2, StringComparison.Ordinal))
        {
            var end = text.Value.IndexOf("}}", start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var content = text.Value.Substring(start + 2, end - start - 2);
            if (content.Length is > 0 and <= 3 && content.All(c => c is >= '0' and <= '9'))
            {
                numbers.Add(int.Parse(content, CultureInfo.InvariantCulture));
            }
            else if (IsParameterName(content))
            {
                if (!names.Contains(content))
                {
                    names.Add(content);
                }
            }
        }

        if (numbers.Count > 0 && names.Count > 0)
        {
            Invalid(text.Span, name, language, "it mixes positional and named parameters");
            return null;
        }

        if (isNamed)
        {
            if (numbers.Count > 0)
            {
                Invalid(text.Span, name, language, "its parameter_format is NAMED, but it has the positional parameter {{" + numbers.Min + "}}");
                return null;
            }

            return names;
        }

        if (names.Count > 0)
        {
            Invalid(text.Span, name, language, $"it has the named parameter {{{{{names[0]}}}}}, but its parameter_format is not NAMED");
            return null;
        }

        var missing = Enumerable.Range(1, numbers.Count == 0 ? 0 : numbers.Max).FirstOrDefault(n => !numbers.Contains(n));
        if (missing != 0)
        {
            Invalid(text.Span, name, language, $"its parameters {string.Join(", ", numbers.Select(n => "{{" + n + "}}"))} skip {{{{{missing}}}}}");
            return null;
        }

        return numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    private static bool IsParameterName(string content)
        => content.Length > 0 && (char.IsLetter(content[0]) || content[0] == '_') && content.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static TemplateSpec CreateSpec(string name, string typeName, List<TemplateEntry> entries)
    {
        var bodies = new List<TemplateBodySpec>();
        var languages = new List<TemplateLanguageSpec>();
        foreach (var entry in entries.OrderBy(e => e.Language, StringComparer.Ordinal))
        {
            var body = -1;
            if (entry.Body.Count > 0)
            {
                var names = entry.Body.ToEquatableArray();
                body = bodies.FindIndex(b => b.IsNamed == entry.IsNamed && b.Names.Equals(names));
                if (body < 0)
                {
                    // C# overloads cannot differ by parameter names only: a second shape of one arity gets its own name.
                    var method = bodies.Any(b => b.Count == names.Count) ? "WithBodyFor" + ToPascalCase(entry.Language) : "WithBody";
                    var parameters = entry.IsNamed
                        ? names.Select(ParameterName)
                        : names.Select(n => "p" + n);
                    bodies.Add(new TemplateBodySpec(method, entry.IsNamed, names, parameters.ToEquatableArray()));
                    body = bodies.Count - 1;
                }
            }

            languages.Add(new TemplateLanguageSpec(entry.Language, entry.Header, entry.HeaderParameterName, body, entry.DynamicButtons.ToEquatableArray()));
        }

        return new TemplateSpec(
            name,
            typeName,
            languages.ToEquatableArray(),
            bodies.ToEquatableArray(),
            languages.SelectMany(l => l.DynamicButtons).Distinct().OrderBy(i => i).ToEquatableArray());
    }

    /// <summary><c>order_shipped</c> → <c>OrderShippedTemplate</c>; null when that is no C# identifier.</summary>
    private static string? TypeName(string name)
    {
        var pascal = ToPascalCase(name);
        return pascal.Length > 0 && !char.IsDigit(pascal[0]) && SyntaxFacts.IsValidIdentifier(pascal + "Template") ? pascal + "Template" : null;
    }

    /// <summary>Like <see cref="Naming.ToPascalCase"/>, but without its '_' before a leading digit: such a name is reported instead.</summary>
    private static string ToPascalCase(string name)
    {
        var pascal = Naming.ToPascalCase(name);
        return pascal.StartsWith("_", StringComparison.Ordinal) ? pascal.Substring(1) : pascal;
    }

    private static string ParameterName(string name) => Naming.ToParameterName(Naming.ToPascalCase(name));

    private void Malformed(TextSpan span, string problem) => _diagnostics.Add(DiagnosticInfo.Create(TemplateDiagnostics.Malformed, Locate(span), _fileName, problem));

    private void Invalid(TextSpan span, string name, string language, string problem)
        => _diagnostics.Add(DiagnosticInfo.Create(TemplateDiagnostics.InvalidParameters, Locate(span), name, language, problem));

    private LocationInfo Locate(TextSpan span) => LocationInfo.From(_path, _text, span);

    /// <summary>What one approved language of a template takes, before the languages of a name are combined.</summary>
    private sealed record TemplateEntry(string Language, TemplateHeaderKind Header, string? HeaderParameterName, bool IsNamed, List<string> Body, List<int> DynamicButtons);
}
