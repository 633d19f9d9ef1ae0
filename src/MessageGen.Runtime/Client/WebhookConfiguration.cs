namespace MessageGen;

/// <summary>Where the API delivers this number's webhooks, and the headers it sends with each delivery.</summary>
/// <param name="Url">The webhook URL; null when none is configured.</param>
/// <param name="Headers">The headers sent with every delivery (such as a shared secret); empty when the API does not return them.</param>
public sealed record WebhookConfiguration(Uri? Url, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Names the URL and the header names only: header values are usually secrets.</summary>
    public override string ToString() => $"{nameof(WebhookConfiguration)} {{ Url = {Url}, Headers = [{string.Join(", ", Headers.Keys)}] }}";
}
