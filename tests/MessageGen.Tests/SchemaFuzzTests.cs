using System.Text;
using Microsoft.CodeAnalysis;

namespace MessageGen.Tests;

/// <summary>
/// Hundreds of seeded random mutations of the real schema: the generator must never throw (no CS8785), every
/// diagnostic must point inside the file, and whatever it does generate must compile.
/// </summary>
public class SchemaFuzzTests
{
    private const string Alphabet = "{}[]\":,0123456789-+.eE \n\\tfnrulasxy$#/_";

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 20; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_mutations_of_the_video_schema_never_crash_the_generator(int seed) =>
        FuzzGenerator(File.ReadAllText(GeneratorHarness.SchemaPath("video-message.schema.json")), seed);

    /// <summary>A real-world shape: a root $ref, allOf of a base, numbers, arrays of objects, dependentRequired.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_mutations_of_a_schema_with_allOf_refs_and_numbers_never_crash_the_generator(int seed) =>
        FuzzGenerator(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "api-error.schema.json")), seed);

    private static void FuzzGenerator(string original, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var mutated = Mutate(original, random);
            GeneratorHarness.AssertClearDiagnosticsOrCompilingCode($"/fuzz/{seed}-{round}.schema.json", mutated, $"mutation {seed}-{round}");
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, Math.Min(random.Next(1, 20), builder.Length - at));
                    break;
                case 1:
                    builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    builder[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 80), builder.Length - at);
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }
}
