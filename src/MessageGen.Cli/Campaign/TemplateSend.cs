using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using MessageGen.Cli.Schema.Templates;

namespace MessageGen.Cli.Campaign;

/// <summary>
/// A template message for one row of a campaign: <c>--template NAME --language CODE</c>, with the row's cells other than
/// <c>to</c> as the body's parameters in column order (a column headed <c>{{first_name}}</c> is the named parameter
/// <c>first_name</c>). The body is read and checked by the reader generated from the sandbox's template schema, as any
/// message is; whether the account's template takes those parameters is the API's to say (132000, 132001).
/// </summary>
internal static class TemplateSend
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="MessageValidationException">The body breaks the template message schema (a recipient that is not a phone number, say).</exception>
    public static IWhatsAppMessage Create(string to, string name, string language, IReadOnlyList<(string? Name, string Text)> parameters)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("messaging_product"u8, "whatsapp"u8);
            json.WriteString("recipient_type"u8, "individual"u8);
            json.WriteString("to"u8, to);
            json.WriteString("type"u8, "template"u8);
            json.WriteStartObject("template"u8);
            json.WriteString("name"u8, name);
            json.WriteStartObject("language"u8);
            json.WriteString("code"u8, language);
            json.WriteEndObject();
            if (parameters.Count > 0)
            {
                json.WriteStartArray("components"u8);
                json.WriteStartObject();
                json.WriteString("type"u8, "body"u8);
                json.WriteStartArray("parameters"u8);
                foreach (var (parameterName, text) in parameters)
                {
                    json.WriteStartObject();
                    json.WriteString("type"u8, "text"u8);
                    if (parameterName is not null)
                    {
                        json.WriteString("parameter_name"u8, parameterName);
                    }

                    json.WriteString("text"u8, text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return TemplateMessage.FromJson(body.WrittenSpan);
    }
}
