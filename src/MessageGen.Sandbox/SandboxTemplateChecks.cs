using System.Globalization;
using MessageGen.Sandbox.Schema.Templates;
using static MessageGen.Sandbox.SandboxTemplateParameters;

namespace MessageGen.Sandbox;

/// <summary>
/// Whether a template send, whose structure its schema has checked already, matches an approved template of the sandbox's
/// file, as the API judges it: 132001 no such template in that language, 132000 a wrong number of parameters, 132012 a
/// parameter of the wrong kind, 132005 text too long once filled in.
/// </summary>
internal static class SandboxTemplateChecks
{
    /// <summary>The longest body text once its variables are filled in.</summary>
    public const int MaxBodyLength = 1024;

    /// <summary>The longest header text once its variable is filled in.</summary>
    public const int MaxHeaderLength = 60;

    /// <summary>Null when the send matches; otherwise the API's code and what is wrong.</summary>
    public static SandboxTemplateProblem? Check(SandboxTemplates templates, TemplateContent sent)
    {
        var language = sent.Language.Code;
        if (templates.FindApproved(sent.Name, language) is not { } template)
        {
            return new(WhatsAppErrorCodes.TemplateNotFound, $"template name ({SandboxAnswers.Shown(sent.Name)}) does not exist in {SandboxAnswers.Shown(language)}");
        }

        var components = sent.Components ?? [];
        return CheckHeader(template, components.Where(c => c.Type == "header").SelectMany(Parameters).ToList())
            ?? CheckBody(template, components.Where(c => c.Type == "body").SelectMany(Parameters).ToList())
            ?? CheckButtons(template, components.Where(c => c.Type == "button").ToList());
    }

    private static SandboxTemplateProblem? CheckHeader(SandboxTemplate template, List<TemplateParameter> sent)
    {
        var expected = template.Header?.ParameterCount ?? 0;
        if (expected == 0 && sent.Count > 0)
        {
            return FormatMismatch($"header: the template's header takes no parameter ({template.Header?.Format ?? "it has no header"}), received {sent[0].Type}");
        }

        if (sent.Count != expected)
        {
            return CountMismatch("header", sent.Count, expected);
        }

        if (template.Header is not { } header || expected == 0)
        {
            return null;
        }

        var parameter = sent[0];
        if (parameter.Type != header.ParameterType)
        {
            return FormatMismatch($"header: Format mismatch, expected {header.Format}, received {parameter.Type.ToUpperInvariant()}");
        }

        return header.Format == "TEXT"
            ? CheckNames("header", template, [parameter], header.TextParameters) ?? CheckLength("header", template, header.Text!, sent, MaxHeaderLength)
            : null;
    }

    private static SandboxTemplateProblem? CheckBody(SandboxTemplate template, List<TemplateParameter> sent)
    {
        if (sent.Count != template.BodyParameters.Count)
        {
            return CountMismatch("body", sent.Count, template.BodyParameters.Count);
        }

        if (sent.FirstOrDefault(p => p.Type is not ("text" or "currency" or "date_time")) is { } wrong)
        {
            return FormatMismatch($"body: a body parameter is text, currency or date_time, received {wrong.Type}");
        }

        return CheckNames("body", template, sent, template.BodyParameters)
            ?? (template.BodyText is { } text ? CheckLength("body", template, text, sent, MaxBodyLength) : null);
    }

    private static SandboxTemplateProblem? CheckButtons(SandboxTemplate template, List<TemplateComponent> sent)
    {
        foreach (var component in sent)
        {
            // The schema holds an index to one or two digits; the API needs one on every button component.
            var index = component.Index is { } given ? int.Parse(given, NumberStyles.None, CultureInfo.InvariantCulture) : -1;
            if (index < 0 || index >= template.Buttons.Count)
            {
                return FormatMismatch($"button: the template has no button at index {SandboxAnswers.Shown(component.Index ?? "(none)")}; it has {template.Buttons.Count}");
            }

            var button = template.Buttons[index];
            var subType = component.SubType?.ToUpperInvariant();
            if (subType != button.Type)
            {
                return FormatMismatch($"button {index}: the template's button is {button.Type}, received sub_type {SandboxAnswers.Shown(component.SubType ?? "(none)")}");
            }

            var parameters = component.Parameters ?? [];
            if (button.Type == "URL")
            {
                var expected = button.DynamicUrl ? 1 : 0;
                if (parameters.Count != expected)
                {
                    return CountMismatch($"button {index}", parameters.Count, expected);
                }

                if (parameters.FirstOrDefault(p => p.Type != "text") is { } wrong)
                {
                    return FormatMismatch($"button {index}: a URL button's parameter is text, received {wrong.Type}");
                }
            }
        }

        // A URL that ends in a variable cannot be sent without its value.
        for (var index = 0; index < template.Buttons.Count; index++)
        {
            var wanted = index.ToString(CultureInfo.InvariantCulture);
            if (template.Buttons[index].DynamicUrl && !sent.Any(c => c.Index is { } i && int.Parse(i, NumberStyles.None, CultureInfo.InvariantCulture) == index))
            {
                return CountMismatch($"button {wanted}", 0, 1);
            }
        }

        return null;
    }

    /// <summary>Positional parameters carry no name; named ones carry each of the template's names once.</summary>
    private static SandboxTemplateProblem? CheckNames(string part, SandboxTemplate template, IReadOnlyList<TemplateParameter> sent, IReadOnlyList<string> variables)
    {
        if (!template.NamedParameters)
        {
            return sent.FirstOrDefault(p => NameOf(p) is not null) is { } named
                ? FormatMismatch($"{part}: parameter_name '{SandboxAnswers.Shown(NameOf(named)!)}' given, but the template's parameters are positional")
                : null;
        }

        foreach (var parameter in sent)
        {
            if (NameOf(parameter) is not { } name)
            {
                return FormatMismatch($"{part}: the template's parameters are named; each needs a parameter_name (one of {string.Join(", ", variables)})");
            }

            if (!variables.Contains(name))
            {
                return FormatMismatch($"{part}: the template has no parameter named '{SandboxAnswers.Shown(name)}'; it has {string.Join(", ", variables)}");
            }
        }

        var missing = variables.FirstOrDefault(variable => !sent.Any(p => NameOf(p) == variable));
        return missing is null ? null : new(WhatsAppErrorCodes.TemplateParameterCountMismatch, $"{part}: parameter '{missing}' is missing (a name was given twice)");
    }

    /// <summary>The text with its variables filled in, against the part's limit.</summary>
    private static SandboxTemplateProblem? CheckLength(string part, SandboxTemplate template, string text, List<TemplateParameter> sent, int limit)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sent.Count; i++)
        {
            values[NameOf(sent[i]) ?? (template.NamedParameters ? "" : (i + 1).ToString(CultureInfo.InvariantCulture))] = TextOf(sent[i]);
        }

        var length = text.Length;
        foreach (System.Text.RegularExpressions.Match match in SandboxTemplate.Placeholder().Matches(text))
        {
            length += (values.TryGetValue(match.Groups[1].Value, out var value) ? value.Length : 0) - match.Length;
        }

        return length > limit
            ? new(WhatsAppErrorCodes.TemplateTextTooLong, $"{part}: the text is {length.ToString(CultureInfo.InvariantCulture)} characters once filled in; the limit is {limit.ToString(CultureInfo.InvariantCulture)}")
            : null;
    }

    private static IEnumerable<TemplateParameter> Parameters(TemplateComponent component) => component.Parameters ?? [];

    private static SandboxTemplateProblem CountMismatch(string part, int received, int expected) => new(
        WhatsAppErrorCodes.TemplateParameterCountMismatch,
        string.Create(CultureInfo.InvariantCulture, $"{part}: number of localizable_params ({received}) does not match the expected number of params ({expected})"));

    private static SandboxTemplateProblem FormatMismatch(string details) => new(WhatsAppErrorCodes.TemplateParameterFormatMismatch, details);
}

/// <summary>Why a template send does not match its template: the API's code and the <c>error_data.details</c>.</summary>
internal sealed record SandboxTemplateProblem(int Code, string Details);
