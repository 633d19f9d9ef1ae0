namespace MessageGen.Sandbox;

/// <summary>Settings of a <see cref="SandboxServer"/>.</summary>
public sealed class SandboxOptions
{
    /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) picks a free one, see <see cref="SandboxServer.BaseAddress"/>.</summary>
    public int Port { get; set; }

    /// <summary>The <c>D360-API-KEY</c> the sandbox accepts; null (the default) makes a random one, see <see cref="SandboxServer.ApiKey"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How many requests, messages and media the sandbox keeps on record (each list separately); the oldest are dropped
    /// beyond it, so that a long-running sandbox does not grow without bound. Default 10,000.
    /// </summary>
    public int MaxRecorded { get; set; } = 10_000;

    /// <summary>Called (on the server's thread) with each request once it is answered; <c>messagegen sandbox</c> prints them.</summary>
    public Action<SandboxRequest>? RequestObserved { get; set; }

    /// <summary>The largest media file <c>POST /media</c> takes, as the API does for video. Default 16 MB.</summary>
    public long MaxMediaBytes { get; set; } = MessageGen.Media.VideoFileInspector.MaxCompatibleFileSize;
}
