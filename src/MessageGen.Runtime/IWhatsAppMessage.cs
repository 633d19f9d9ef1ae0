using System.Buffers;

namespace MessageGen;

/// <summary>
/// A message generated from a JSON Schema: it validates itself and writes its API body as compact UTF-8 JSON.
/// Every generated root message type implements it, so the client can send any of them.
/// </summary>
public interface IWhatsAppMessage
{
    /// <summary>Checks every schema constraint and returns the violations (empty when the message is valid).</summary>
    IReadOnlyList<ValidationError> Validate();

    /// <summary>Writes the message as compact UTF-8 JSON, members in schema order.</summary>
    void WriteTo(IBufferWriter<byte> writer);

    /// <summary>Returns the message as compact JSON.</summary>
    string ToJson();
}
