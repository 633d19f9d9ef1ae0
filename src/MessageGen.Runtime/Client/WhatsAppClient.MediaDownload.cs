using System.Security.Cryptography;
using System.Text.Json;
using MessageGen.Internal;

namespace MessageGen;

public sealed partial class WhatsAppClient
{
    /// <summary>The most a download may hold when the API gives no <c>file_size</c>: the largest document WhatsApp sends.</summary>
    public const long MaxMediaDownloadBytes = 100L * 1024 * 1024;

    private const string MediaInfoOperation = "GET /{media-id}";
    private const string MediaDownloadOperation = "GET media download";

    /// <summary>
    /// Downloads received media into <paramref name="path"/>: asks the API for it (<c>GET /{media-id}</c>), downloads it from
    /// the API's host with the key, at most its <c>file_size</c>, and checks its SHA-256 against the API's. The file appears
    /// only when every check passed; nothing is left behind otherwise.
    /// </summary>
    /// <exception cref="WhatsAppApiException">The API answered with an error; a 4xx of the download is not retried.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="InvalidDataException">The download is larger than the API said, or its SHA-256 differs.</exception>
    public async Task<MediaDownload> DownloadMediaAsync(string mediaId, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var partial = full + ".part-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            MediaDownload download;
            var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                download = await DownloadMediaAsync(mediaId, file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, full, overwrite: true);
            return download;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Downloads received media into <paramref name="destination"/> (as <see cref="DownloadMediaAsync(string, string, CancellationToken)"/>,
    /// but the stream keeps what was written when a check fails afterwards: discard it then).
    /// </summary>
    /// <exception cref="WhatsAppApiException">The API answered with an error; a 4xx of the download is not retried.</exception>
    /// <exception cref="WhatsAppTransportException">No answer from the API.</exception>
    /// <exception cref="InvalidDataException">The download is larger than the API said, or its SHA-256 differs.</exception>
    public async Task<MediaDownload> DownloadMediaAsync(string mediaId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaId);
        ArgumentNullException.ThrowIfNull(destination);
        var info = await GetMediaInfoAsync(mediaId, cancellationToken).ConfigureAwait(false);

        // The API's URL points at a CDN that wants the key on the API's own host: same path and query, the API's host.
        var source = new UriBuilder(BaseAddress) { Path = info.Url.AbsolutePath, Query = info.Url.Query.TrimStart('?') }.Uri;
        var limit = info.FileSize ?? MaxMediaDownloadBytes;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await TryDownloadAsync(source, destination, limit, attempt, cancellationToken).ConfigureAwait(false);
            if (outcome.Sha256 is { } sha256)
            {
                return info.Check(outcome.Length, sha256);
            }

            await Task.Delay(outcome.RetryAfter, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<MediaInfo> GetMediaInfoAsync(string mediaId, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(BaseAddress, Uri.EscapeDataString(mediaId));
        var (answer, attempts) = await ExecuteAsync(MediaInfoOperation, HttpMethod.Get, endpoint, content: null, contentCanBeResent: true, cancellationToken).ConfigureAwait(false);
        using (answer)
        {
            return MediaInfo.Read(mediaId, answer.WrittenMemory) ?? throw _diagnostics.UnreadableSuccess(MediaInfoOperation, "{\"url\":\"...\"}", attempts);
        }
    }

    /// <summary>
    /// One download attempt, through the steps of the request pipeline (see <see cref="ExecuteAsync"/>) with the download's
    /// retry rules: the bytes' length and hash, or how long to wait before the next (only when nothing was written).
    /// </summary>
    private async Task<DownloadOutcome> TryDownloadAsync(Uri source, Stream destination, long limit, int attempt, CancellationToken cancellationToken)
    {
        var mayRetry = RetryDecider.MayRetry(_settings.Retry, attempt, contentCanBeResent: true);
        using var request = ApiRequestFactory.Create(HttpMethod.Get, source, content: null, _apiKey);
        using var timeout = TimeoutScope.Start(_settings.Timeout, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await AttemptTransport.SendAsync(_httpClient, request, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (AttemptTransport.IsTransportFailure(e, cancellationToken))
        {
            var failure = AttemptTransport.Classify(e);
            return RetryDecider.AfterTransportFailure(_settings.Retry, RetryRules.MediaDownload, failure, attempt, mayRetry) is { } wait
                ? DownloadOutcome.Retry(wait)
                : throw _diagnostics.TransportFailure(MediaDownloadOperation, source, failure, attempt, e);
        }

        using (response)
        {
            if (AttemptTransport.AnsweredElsewhere(response, source) is { } answeredBy)
            {
                throw _diagnostics.RedirectFollowed(MediaDownloadOperation, source, answeredBy, attempt);
            }

            if (!response.IsSuccessStatusCode)
            {
                var (body, _) = await ResponseBodyReader.ReadAsync(response, timeout.Token, cancellationToken).ConfigureAwait(false);
                WhatsAppApiException error;
                using (body)
                {
                    // The download's Retry-After is not read: its rules wait the backoff.
                    error = ApiErrorClassifier.Classify(response.StatusCode, headers: null, body is null ? default : body.WrittenSpan, _timeProvider.GetUtcNow(), attempt, _apiKey);
                }

                return RetryDecider.AfterError(_settings.Retry, RetryRules.MediaDownload, error, attempt, mayRetry) is { } retryWait
                    ? DownloadOutcome.Retry(retryWait)
                    : throw error;
            }

            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await CopyAtMostAsync(stream, destination, limit, timeout.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes, hashing them on the way.</summary>
    private static async Task<DownloadOutcome> CopyAtMostAsync(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw new InvalidDataException($"The media download is larger than the {limit} bytes the API announced; it was stopped.");
                }

                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return new DownloadOutcome(default, total, hash.GetHashAndReset());
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private readonly record struct DownloadOutcome(TimeSpan RetryAfter, long Length, byte[]? Sha256)
    {
        public static DownloadOutcome Retry(TimeSpan wait) => new(wait, 0, null);
    }

    /// <summary>The API's answer to <c>GET /{media-id}</c>.</summary>
    private sealed record MediaInfo(string MediaId, Uri Url, string? MimeType, string? Sha256, long? FileSize)
    {
        public static MediaInfo? Read(string mediaId, ReadOnlyMemory<byte> json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                return root.ValueKind == JsonValueKind.Object
                    && Text(root, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    ? new MediaInfo(mediaId, uri, Text(root, "mime_type"), Text(root, "sha256"), ReadFileSize(root))
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The download, when its length and SHA-256 are what the API said (its hash in hex or base64).</summary>
        public MediaDownload Check(long length, byte[] sha256)
        {
            var hex = Convert.ToHexString(sha256).ToLowerInvariant();
            if (FileSize is { } size && size != length)
            {
                throw new InvalidDataException($"The media download of {MediaId} has {length} bytes; the API announced {size}.");
            }

            if (Sha256 is { } expected && !string.Equals(expected, hex, StringComparison.OrdinalIgnoreCase) && expected != Convert.ToBase64String(sha256))
            {
                throw new InvalidDataException($"The media download of {MediaId} has the SHA-256 {hex}; the API announced {expected}. It is damaged or not the media asked for.");
            }

            return new MediaDownload(MediaId, MimeType, length, hex);
        }

        private static string? Text(JsonElement root, string name)
            => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static long? ReadFileSize(JsonElement root)
            => root.TryGetProperty("file_size", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var size) && size >= 0 ? size : null;
    }
}
