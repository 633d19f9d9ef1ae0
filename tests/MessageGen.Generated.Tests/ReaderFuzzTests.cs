using System.Text;
using MessageGen.WhatsApp;

namespace MessageGen.Generated.Tests;

/// <summary>
/// Seeded random mutations of real bodies, bytes that are not UTF-8 and escapes of lone surrogates among them: a
/// generated reader either returns an object or throws one of its two documented exceptions, never anything else.
/// </summary>
public class ReaderFuzzTests
{
    private const string Video = """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"video","video":{"link":"https://cdn.example.com/clip.mp4","caption":"Grüße 🎬"}}""";
    private const string Response = """{"contacts":[{"input":"+4915112345678","wa_id":"4915112345678"}],"messages":[{"id":"wamid.HBgL","message_status":"accepted"}],"messaging_product":"whatsapp"}""";

    private static readonly byte[][] Insertions =
    [
        [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00],
        "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\ud83c\\ud83c"u8.ToArray(), "\\u0000"u8.ToArray(),
        "\""u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "\\"u8.ToArray(),
        "\"x\":1,"u8.ToArray(), "\n"u8.ToArray(), "1e999"u8.ToArray(),
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 10)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_video_messages_end_in_an_object_or_a_documented_exception(int seed) =>
        Fuzz(Video, seed, bytes => VideoMessage.FromJson(bytes));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_send_responses_end_in_an_object_or_a_documented_exception(int seed) =>
        Fuzz(Response, seed, bytes => SendMessageResponse.FromJson(bytes));

    private static void Fuzz(string original, int seed, Action<byte[]> read)
    {
        var random = new Random(seed);
        var source = Encoding.UTF8.GetBytes(original);
        for (var round = 0; round < 500; round++)
        {
            var mutated = Mutate(source, random);
            try
            {
                read(mutated);
            }
            catch (Exception e) when (e is MessageValidationException or MalformedJsonException)
            {
                // Documented outcomes.
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {seed}-{round} threw {e.GetType().Name}: {e.Message}\n{Convert.ToHexString(mutated)}");
            }
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    bytes.InsertRange(at, Insertions[random.Next(Insertions.Length)]);
                    break;
                case 1 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
