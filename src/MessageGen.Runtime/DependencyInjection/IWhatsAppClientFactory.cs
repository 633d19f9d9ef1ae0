namespace MessageGen;

/// <summary>Creates the named <see cref="WhatsAppClient"/>s registered with <c>services.AddWhatsAppClient(name, ...)</c>.</summary>
public interface IWhatsAppClientFactory
{
    /// <summary>Creates the client registered as <paramref name="name"/>; cheap, since connections are pooled by <c>IHttpClientFactory</c>.</summary>
    WhatsAppClient CreateClient(string name);
}
