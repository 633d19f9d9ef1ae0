using MessageGen.Media;

namespace MessageGen.Sandbox;

/// <summary>
/// Whether the file an accepted message sends meets the rules of its kind, judged by <see cref="MediaFileInspector"/>: an
/// upload found by its id, or the file behind a link on a loopback address (fetched with a bounded size and time, no
/// redirects). Unknown ids, other links and links that cannot be fetched are taken as playable: the sandbox reaches
/// nothing off this machine.
/// </summary>
internal sealed class SandboxMediaCheck(SandboxMediaStore uploads, HttpClient http, long maxFileBytes)
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>What makes the file unplayable, in the inspector's words; null when it plays or cannot be judged.</summary>
    public async Task<string?> FindProblemAsync(SandboxMediaReference media, CancellationToken cancellationToken)
    {
        var file = media.Id is { } id
            ? uploads.Find(id)?.Bytes
            : await FetchLoopbackAsync(media.Link, Math.Min(maxFileBytes, SizeLimit(media.Kind)), cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return null;
        }

        using var stream = new MemoryStream(file, writable: false);
        var report = await MediaFileInspector.InspectAsync(stream, media.Kind, cancellationToken).ConfigureAwait(false);
        return report.IsCompatible ? null : string.Join(" ", report.Problems.Select(problem => problem.Message));
    }

    /// <summary>The largest file of a kind WhatsApp takes (an animated sticker's, the larger of a sticker's two).</summary>
    private static long SizeLimit(MediaKind kind) => kind switch
    {
        MediaKind.Image => MediaFileInspector.MaxImageSize,
        MediaKind.Audio => MediaFileInspector.MaxAudioSize,
        MediaKind.Document => MediaFileInspector.MaxDocumentSize,
        MediaKind.Sticker => MediaFileInspector.MaxAnimatedStickerSize,
        _ => VideoFileInspector.MaxCompatibleFileSize,
    };

    /// <summary>The file behind a loopback link, cut one byte past <paramref name="limit"/> (enough to judge it too large); null when it cannot be fetched.</summary>
    private async Task<byte[]?> FetchLoopbackAsync(string? link, long limit, CancellationToken cancellationToken)
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
                while (file.Length <= limit && (read = await body.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
                {
                    file.Write(buffer, 0, (int)Math.Min(read, limit + 1 - file.Length));
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
