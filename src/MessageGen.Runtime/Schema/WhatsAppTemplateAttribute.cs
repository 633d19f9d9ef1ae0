namespace MessageGen.Schema;

/// <summary>
/// Marks a type generated from a WhatsApp message template (a <c>*templates.json</c> file): the template's model or its
/// builder, with the languages it is approved in. On a builder method, the languages that take the part the method
/// sets, when not all of them do. Analyzers use it to word their checks for templates and to check constant languages.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class WhatsAppTemplateAttribute : Attribute
{
    /// <summary>Creates the attribute for the template <paramref name="name"/>, approved in <paramref name="approvedLanguages"/>.</summary>
    public WhatsAppTemplateAttribute(string name, params string[] approvedLanguages)
    {
        Name = name;
        ApprovedLanguages = approvedLanguages;
    }

    /// <summary>The template's name in WhatsApp, e.g. <c>order_shipped</c>.</summary>
    public string Name { get; }

    /// <summary>The language codes the template is approved in (on a method: that take its part), e.g. <c>en_US</c>.</summary>
    public string[] ApprovedLanguages { get; }
}
