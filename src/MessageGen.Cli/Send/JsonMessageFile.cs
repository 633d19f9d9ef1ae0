using System.Text.Encodings.Web;
using System.Text.Json;
using MessageGen.Serialization;

namespace MessageGen.Cli.Send;

/// <summary>
/// <c>send --json FILE</c>: a whole message body of any type, read from a file or standard input (<c>-</c>). Its
/// <c>"type"</c> member picks the generated type whose <c>FromJson</c> reads and checks it; <c>--to</c>, when given,
/// replaces (or adds) its top-level <c>"to"</c> first, so that one file can go to many recipients.
/// </summary>
internal static class JsonMessageFile
{
    /// <summary>The most read: far more than any message body (a text is at most 4096 characters).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Reads the message; on any problem, prints it and returns null (a usage error: nothing was sent).</summary>
    /// <param name="console">Where standard input and errors are.</param>
    /// <param name="kinds">The types there are.</param>
    /// <param name="path">The file, or <c>-</c> for standard input.</param>
    /// <param name="named">The type the command line named, which the file must have; null when it named none.</param>
    /// <param name="to">The recipient that replaces the file's; null to keep it.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<IWhatsAppMessage?> ReadAsync(
        CliConsole console, MessageKinds kinds, string path, MessageKind? named, string? to, CancellationToken cancellationToken)
    {
        var source = path == "-" ? "standard input" : $"'{path}'";
        string? problem;
        IWhatsAppMessage? message = null;
        try
        {
            var json = await ReadBoundedAsync(console, path, cancellationToken).ConfigureAwait(false);
            problem = json switch
            {
                null => $"{source} holds more than {MaxBytes / 1024 / 1024} MiB; a message body is far smaller.",
                [] => $"{source} is empty: it holds no message body.",
                _ => Read(json, source, kinds, named, to, out message),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"Cannot read {source}: {e.Message}";
        }

        if (problem is not null)
        {
            await console.Error.WriteLineAsync(problem).ConfigureAwait(false);
        }

        return message;
    }

    /// <summary>Reads the body as the type it names; returns what is wrong, or null when <paramref name="message"/> is set. Campaigns call it once per row.</summary>
    public static string? Read(byte[] json, string source, MessageKinds kinds, MessageKind? named, string? to, out IWhatsAppMessage? message)
    {
        message = null;
        Body body;
        try
        {
            body = Body.Scan(json);
        }
        catch (JsonException e)
        {
            var at = JsonInput.Malformed(source, e, json);
            var reason = e.Message.Split(" LineNumber:", 2)[0];
            return $"Malformed JSON in {source} at line {at.LineNumber}, byte {at.BytePosition}: {reason}";
        }

        var kind = body.Type is null ? null : kinds.Find(body.Type);
        var problem = (body.IsObject, body.Type, kind) switch
        {
            (false, _, _) => $"{source} must hold one JSON object: a message body whose \"type\" is one of {kinds.NamesText}.",
            (_, null, _) => $"{source} has no \"type\" member (a string) to say which message it holds: one of {kinds.NamesText}.",
            (_, _, null) => $"{source} holds a message of type '{body.Type}', which send does not know; the types are {kinds.NamesText}.",
            _ when named is not null && named != kind => $"The message type given is {named.Name}, but {source} holds a {kind.Name} message.",
            _ => null,
        };
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            message = kind!.Read(to is null ? json : body.WithRecipient(to));
            return null;
        }
        catch (Exception e) when (e is MessageValidationException or MalformedJsonException)
        {
            return e.Message;
        }
    }

    /// <summary>The whole input, or null when it holds more than <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(CliConsole console, string path, CancellationToken cancellationToken)
    {
        var fromStandardInput = path == "-";
        var input = fromStandardInput
            ? console.OpenStandardInput?.Invoke() ?? Stream.Null
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        try
        {
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            while (length < buffer.Length && await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false) is > 0 and var read)
            {
                length += read;
            }

            return length > MaxBytes ? null : buffer[..length];
        }
        finally
        {
            // Standard input stays open: it is the process's, not this command's.
            if (!fromStandardInput)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>What the body's top level holds: whether it is an object, its <c>"type"</c>, and where its <c>"to"</c> values are.</summary>
    private sealed class Body
    {
        private static readonly JsonSerializerOptions s_relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly byte[] _json;
        private readonly List<Range> _recipients = [];
        private int _objectStart;
        private bool _hasMembers;

        private Body(byte[] json) => _json = json;

        public bool IsObject { get; private set; }

        public string? Type { get; private set; }

        /// <summary>Reads the whole input, so that malformed JSON anywhere in it is found here, with its position.</summary>
        /// <exception cref="JsonException">The input is not well-formed JSON (or not Unicode text where a name or the type is).</exception>
        public static Body Scan(byte[] json)
        {
            var body = new Body(json);
            var reader = new Utf8JsonReader(json, JsonInput.ReaderOptions);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                body.IsObject = true;
                body._objectStart = (int)reader.TokenStartIndex;
                while (JsonInput.NextMember(ref reader))
                {
                    body._hasMembers = true;
                    var name = JsonInput.ReadName(ref reader);
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    if (name == "type" && reader.TokenType == JsonTokenType.String)
                    {
                        // A string that is not Unicode text is malformed JSON, reported with its position.
                        body.Type ??= JsonInput.ReadString(ref reader, "$", "type", new ValidationErrors());
                    }

                    reader.Skip();
                    if (name == "to")
                    {
                        body._recipients.Add(start..(int)reader.BytesConsumed);
                    }
                }
            }

            // The rest, to its end: anything after the body is malformed too.
            while (reader.Read())
            {
            }

            return body;
        }

        /// <summary>The body with each top-level <c>"to"</c> value replaced by <paramref name="to"/>, or one added first when it has none.</summary>
        public byte[] WithRecipient(string to)
        {
            var value = JsonSerializer.SerializeToUtf8Bytes(to, s_relaxed);
            using var output = new MemoryStream(_json.Length + value.Length + 8);
            if (_recipients.Count == 0)
            {
                var afterBrace = _objectStart + 1;
                output.Write(_json.AsSpan(0, afterBrace));
                output.Write("\"to\":"u8);
                output.Write(value);
                output.Write(_hasMembers ? ","u8 : ""u8);
                output.Write(_json.AsSpan(afterBrace));
                return output.ToArray();
            }

            var copied = 0;
            foreach (var range in _recipients)
            {
                var (start, length) = range.GetOffsetAndLength(_json.Length);
                output.Write(_json.AsSpan(copied, start - copied));
                output.Write(value);
                copied = start + length;
            }

            output.Write(_json.AsSpan(copied));
            return output.ToArray();
        }
    }
}
