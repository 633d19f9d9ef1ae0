namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/image-message.schema.json: MG0001 when both <c>id</c> and <c>link</c> are set, MG0003 when neither is, MG0002 and MG0004 on the caption,
/// MG0006 on a <c>link</c> that is not an absolute https URI, MG0004 on an empty <c>id</c>, MG0005 on <c>to</c>.
/// </summary>
public class ImageMessageTests() : CaptionedMediaMessageTests("Image", Verify.ImageSchema);
