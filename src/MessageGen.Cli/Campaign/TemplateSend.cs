using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MessageGen.Cli.Campaign;

/// <summary>
/// A template message for one row of a campaign: <c>--template NAME --language CODE</c>, with the row's cells other than
/// <c>to</c> as the body's parameters in column order (a column headed <c>{{first_name}}</c> is the named parameter
/// <c>first_name</c>). Whether the template has them is the API's to say (132000, 132001).
/// </summary>
internal sealed partial class TemplateSend(string to, string name, string language, IReadOnlyList<(string? Name, string Text)> parameters) : IWhatsAppMessage
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (!PhoneNumber().IsMatch(to))
        {
            errors.Add(new ValidationError("$.to", $"'{to}' is not a phone number in international format (digits with an optional leading '+', 6 to 15 digits)."));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(parameters[i].Text))
            {
                errors.Add(new ValidationError($"$.template.components[0].parameters[{i}].text", "A body parameter cannot be empty: the API refuses it (132000)."));
            }
        }

        return errors;
    }

    public void WriteTo(IBufferWriter<byte> writer)
    {
        using var json = new Utf8JsonWriter(writer, WriterOptions);
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

    // The messages' schemas' pattern for "to".
    [GeneratedRegex(@"^\+?[0-9]{6,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
