using System.Security.Cryptography;

namespace MessageGen.Sandbox;

/// <summary>An uploaded file, kept for <c>GET /{media-id}</c>, its download and the check of media sent by its id.</summary>
/// <param name="Id">The media id the upload was answered with.</param>
/// <param name="MimeType">The file part's content type.</param>
/// <param name="Bytes">The file.</param>
/// <param name="Sha256">The SHA-256 of the file in lowercase hex, as the API gives it.</param>
internal sealed record StoredMedia(string Id, string MimeType, byte[] Bytes, string Sha256)
{
    public static StoredMedia Of(string id, string mimeType, byte[] bytes) =>
        new(id, mimeType, bytes, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
}

/// <summary>
/// Uploaded files by id, bounded like the record: at most <c>maxFiles</c> files and <c>maxBytes</c> bytes, the oldest
/// forgotten first (an id forgotten is then unknown, as an expired one is on the API). Thread-safe.
/// </summary>
internal sealed class SandboxMediaStore(int maxFiles, long maxBytes)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredMedia> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _oldestFirst = new();
    private long _bytes;

    public void Add(StoredMedia media)
    {
        lock (_gate)
        {
            _byId.Add(media.Id, media);
            _oldestFirst.Enqueue(media.Id);
            _bytes += media.Bytes.Length;
            while (_byId.Count > maxFiles || _bytes > maxBytes)
            {
                var forgotten = _byId[_oldestFirst.Dequeue()];
                _byId.Remove(forgotten.Id);
                _bytes -= forgotten.Bytes.Length;
            }
        }
    }

    public StoredMedia? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }
}
