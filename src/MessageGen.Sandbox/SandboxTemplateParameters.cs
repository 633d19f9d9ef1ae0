using MessageGen.Sandbox.Schema.Templates;

namespace MessageGen.Sandbox;

/// <summary>What the checks read of a parameter, whatever its kind.</summary>
internal static class SandboxTemplateParameters
{
    /// <summary>The <c>parameter_name</c> of a text, currency or date_time parameter; null for other kinds or when none is given.</summary>
    public static string? NameOf(TemplateParameter parameter) => parameter switch
    {
        TextParameter text => text.ParameterName,
        CurrencyParameter currency => currency.ParameterName,
        DateTimeParameter dateTime => dateTime.ParameterName,
        _ => null,
    };

    /// <summary>The text a parameter puts in the message: a text parameter's; empty for other kinds.</summary>
    public static string TextOf(TemplateParameter parameter) => parameter is TextParameter text ? text.Text : "";
}
