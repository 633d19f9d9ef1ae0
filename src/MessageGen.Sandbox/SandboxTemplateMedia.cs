using MessageGen.Media;
using MessageGen.Sandbox.Schema.Templates;

namespace MessageGen.Sandbox;

/// <summary>The file a template send's header carries, so that an unplayable one fails after "accepted" as other media does.</summary>
internal static class SandboxTemplateMedia
{
    public static SandboxMediaReference? Header(TemplateContent template)
    {
        var components = template.Components ?? [];
        for (var c = 0; c < components.Count; c++)
        {
            if (components[c] is not { Type: "header", Parameters: { } parameters })
            {
                continue;
            }

            for (var p = 0; p < parameters.Count; p++)
            {
                var path = $"$.template.components[{c}].parameters[{p}]";
                switch (parameters[p])
                {
                    case VideoParameter { Video: var video }:
                        return new SandboxMediaReference(MediaKind.Video, path + ".video", video.Id, video.Link);
                    case ImageParameter { Image: var image }:
                        return new SandboxMediaReference(MediaKind.Image, path + ".image", image.Id, image.Link);
                    case DocumentParameter { Document: var document }:
                        return new SandboxMediaReference(MediaKind.Document, path + ".document", document.Id, document.Link);
                }
            }
        }

        return null;
    }
}
