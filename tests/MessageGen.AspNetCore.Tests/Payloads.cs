using System.Text;

namespace MessageGen.AspNetCore.Tests;

/// <summary>The notifications in tests/fixtures/webhooks, in the API's shapes.</summary>
internal static class Payloads
{
    public static byte[] Get(string name) => File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "webhooks", name + ".json"));

    /// <summary>A notification with one status per (message id, status) pair, in the given order.</summary>
    public static byte[] Statuses(params (string MessageId, string Status)[] statuses)
    {
        var items = string.Join(",", statuses.Select(s => $$"""{"id":"{{s.MessageId}}","status":"{{s.Status}}","timestamp":"1750263774","recipient_id":"4915112345678"}"""));
        return Encoding.UTF8.GetBytes($$$"""{"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001","phone_number_id":"PNID"},"statuses":[{{{items}}}]}}]}]}""");
    }
}
