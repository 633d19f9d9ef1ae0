using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Analyzers.Benchmarks;

/// <summary>A schema file handed to the generator as an AdditionalFile.</summary>
internal sealed class SchemaText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
