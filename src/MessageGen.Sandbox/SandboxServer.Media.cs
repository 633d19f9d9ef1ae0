using Microsoft.AspNetCore.Http;

namespace MessageGen.Sandbox;

/// <summary>
/// Uploaded media, as the API serves it: <c>GET /{media-id}</c> answers where to download it, and that URL (with the key)
/// answers the bytes. On the API the URL points at a CDN host whose path and query a client keeps on the API's host;
/// the sandbox serves that path and query on its own host.
/// </summary>
public sealed partial class SandboxServer
{
    private const string MediaDownloadPath = "/media-download";

    private async Task GetMediaAsync(HttpContext context, string mediaId)
    {
        var request = await BeginAsync(context, bodyNamesRecipient: false).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (_uploads.Find(mediaId) is not { } media)
        {
            await request.AnswerAsync(404, SandboxAnswers.UnknownMedia(mediaId)).ConfigureAwait(false);
            return;
        }

        var download = new Uri(BaseAddress, $"{MediaDownloadPath.TrimStart('/')}/?mid={media.Id}");
        await request.AnswerAsync(200, SandboxAnswers.MediaInfo(media, download)).ConfigureAwait(false);
    }

    private async Task DownloadMediaAsync(HttpContext context)
    {
        var request = await BeginAsync(context, bodyNamesRecipient: false).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var mediaId = context.Request.Query["mid"].ToString();
        if (_uploads.Find(mediaId) is not { } media)
        {
            await request.AnswerAsync(404, SandboxAnswers.UnknownMedia(mediaId)).ConfigureAwait(false);
            return;
        }

        await request.AnswerAsync(200, media.Bytes, media.MimeType).ConfigureAwait(false);
    }
}
