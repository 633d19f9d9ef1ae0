using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Model;

/// <summary>A place in a schema file, kept as plain values so models stay cacheable; turned into a <see cref="Location"/> only when reported.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo From(string filePath, SourceText text, TextSpan span)
        => new(filePath, span, text.Lines.GetLinePositionSpan(span));
}
