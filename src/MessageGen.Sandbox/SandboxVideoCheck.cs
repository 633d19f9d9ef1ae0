using MessageGen.Media;
using MessageGen.Sandbox.Schema;

namespace MessageGen.Sandbox;

/// <summary>
/// Whether the video of an accepted message can play, judged by <see cref="VideoFileInspector"/>: an upload found by its
/// id, or the file behind a link on a loopback address (fetched with a bounded size and time, no redirects). Unknown
/// ids, other links and links that cannot be fetched are taken as playable: the sandbox reaches nothing off this machine.
/// </summary>
internal sealed class SandboxVideoCheck(SandboxMediaStore uploads, HttpClient http, long maxFileBytes)
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>What makes the video unplayable, in the inspector's words; null when it plays or cannot be judged.</summary>
    public async Task<string?> FindProblemAsync(VideoMedia video, CancellationToken cancellationToken)
    {
        var file = video.Id is { } id ? uploads.Find(id)?.Bytes : await FetchLoopbackAsync(video.Link, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return null;
        }

        using var stream = new MemoryStream(file, writable: false);
        var report = await VideoFileInspector.InspectAsync(stream, cancellationToken).ConfigureAwait(false);
        return report.IsCompatible ? null : string.Join(" ", report.Problems.Select(problem => problem.Message));
    }

    /// <summary>The file behind a loopback link, cut one byte past the size limit (enough to judge it too large); null when it cannot be fetched.</summary>
    private async Task<byte[]?> FetchLoopbackAsync(string? link, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !SandboxWebhook.IsLoopback(uri))
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while (file.Length <= maxFileBytes && (read = await body.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
                {
                    file.Write(buffer, 0, (int)Math.Min(read, maxFileBytes + 1 - file.Length));
                }

                return file.ToArray();
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
