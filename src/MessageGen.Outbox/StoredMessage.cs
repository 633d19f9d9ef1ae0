using System.Buffers;

namespace MessageGen.Outbox;

/// <summary>A message body as the outbox stored it, validated when it was enqueued; sent byte for byte.</summary>
internal sealed class StoredMessage(byte[] body) : IWhatsAppMessage
{
    public IReadOnlyList<ValidationError> Validate() => [];

    public void WriteTo(IBufferWriter<byte> writer) => writer.Write(body);

    public string ToJson() => System.Text.Encoding.UTF8.GetString(body);
}
