using System.Globalization;
using MessageGen.Media;
using MessageGen.Sandbox.Schema;

namespace MessageGen.Sandbox;

/// <summary>
/// What the API enforces on interactive messages beyond their schema (JSON Schema cannot count across arrays, nor make a
/// member required by the length of another array), and which file an interactive header sends.
/// </summary>
internal static class SandboxInteractiveRules
{
    /// <summary>The most rows a list may have, across all its sections.</summary>
    public const int MaxRowsInAll = 10;

    private const string SectionsPath = "$.interactive.action.sections";

    /// <summary>
    /// Throws <see cref="MessageValidationException"/>, as a schema violation, when a list has more than
    /// <see cref="MaxRowsInAll"/> rows in all its sections, or several sections of which one has no title.
    /// </summary>
    public static void ThrowIfBroken(Interactive interactive)
    {
        if (interactive is not ListInteractive { Action.Sections: { } sections })
        {
            return;
        }

        var errors = new List<ValidationError>();
        var rows = sections.Sum(section => section.Rows.Count);
        if (rows > MaxRowsInAll)
        {
            errors.Add(new ValidationError(
                SectionsPath,
                string.Create(CultureInfo.InvariantCulture, $"The sections have {rows} rows in all; the maximum is {MaxRowsInAll} rows across all sections.")));
        }

        if (sections.Count > 1)
        {
            for (var i = 0; i < sections.Count; i++)
            {
                if (sections[i].Title is null)
                {
                    errors.Add(new ValidationError(
                        string.Create(CultureInfo.InvariantCulture, $"{SectionsPath}[{i}].title"),
                        string.Create(CultureInfo.InvariantCulture, $"Required member 'title' is missing: a list with several sections ({sections.Count} here) needs a title on each.")));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new MessageValidationException(nameof(InteractiveMessage), errors);
        }
    }

    /// <summary>The image, video or document of a button or URL-button message's header; null for a text header or none.</summary>
    public static SandboxMediaReference? HeaderMedia(Interactive interactive)
    {
        var header = interactive switch
        {
            ButtonInteractive button => button.Header,
            CtaUrlInteractive ctaUrl => ctaUrl.Header,
            _ => null,
        };
        return header switch
        {
            ImageHeader image => new(MediaKind.Image, "$.interactive.header.image", image.Image.Id, image.Image.Link),
            VideoHeader video => new(MediaKind.Video, "$.interactive.header.video", video.Video.Id, video.Video.Link),
            DocumentHeader document => new(MediaKind.Document, "$.interactive.header.document", document.Document.Id, document.Document.Link),
            _ => null,
        };
    }
}
