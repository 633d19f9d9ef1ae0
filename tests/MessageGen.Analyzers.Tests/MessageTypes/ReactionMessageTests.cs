namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/reaction-message.schema.json: MG0003 without message_id or emoji, MG0004 on an empty message_id; an empty
/// emoji is valid (it removes the reaction), a null one is missing.
/// </summary>
public class ReactionMessageTests
{
    // ---- flagged ----

    [Fact]
    public Task EmojiOrMessageIdMissing() => Verify.AnalyzerAsync(
        Verify.Code("""
            ReactionContent A() => ReactionContent.Builder().WithMessageId("wamid.HBgL").{|#0:Build()|};
            ReactionMessage B() => ReactionMessage.Builder()
                .WithTo("+4915112345678")
                .WithReaction(r => {|#1:r.WithEmoji("👍")|})
                .Build();
            ReactionContent C() => ReactionContent.Builder().WithMessageId("wamid.HBgL").WithEmoji(null).{|#2:Build()|};
            ReactionMessage D() => ReactionMessage.Builder().WithReaction(r => r.WithMessageId("wamid.HBgL").WithEmoji("")).{|#3:Build()|};
        """),
        Verify.ReactionSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("ReactionContent", "'emoji', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("ReactionContent", "'message_id', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("ReactionContent", "'emoji', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(3).WithArguments("ReactionMessage", "'to', which the schema requires"));

    [Fact]
    public Task EmptyMessageIdAndBadTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            ReactionMessage A() => ReactionMessage.Builder()
                .{|#0:WithTo("00491511234567890")|}
                .WithReaction(r => r.{|#1:WithMessageId("")|}.WithEmoji("👍"))
                .Build();
            ReactionContent B() => new ReactionContent { {|#2:MessageId = string.Empty|}, Emoji = "👍" };
        """),
        Verify.ReactionSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "00491511234567890", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0004").WithLocation(1).WithArguments("message_id", 0, "at least 1"),
        Verify.Diagnostic("MG0004").WithLocation(2).WithArguments("message_id", 0, "at least 1"));

    // ---- not flagged ----

    [Fact]
    public Task EmptyEmojiRemovesTheReaction_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string NoEmoji = "";
            ReactionMessage A() => ReactionMessage.Builder()
                .WithTo("+4915112345678")
                .WithReaction(r => r.WithMessageId("wamid.HBgL").WithEmoji(""))
                .Build();
            ReactionContent B() => new ReactionContent { MessageId = "wamid.HBgL", Emoji = "" };
            ReactionContent C() => ReactionContent.Builder().WithMessageId("wamid.HBgL").WithEmoji(string.Empty).Build();
            ReactionContent D() => new ReactionContent { MessageId = "wamid.HBgL", Emoji = NoEmoji };
            ReactionContent E() => ReactionContent.Builder().WithEmoji($"{NoEmoji}").WithMessageId("wamid.HBgL").Build();
        """),
        Verify.ReactionSchema);

    [Fact]
    public Task EmojiSequencesAndRuntimeValues_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            ReactionContent A() => ReactionContent.Builder().WithMessageId("wamid.HBgL").WithEmoji("👩‍👩‍👧‍👦").Build();
            ReactionContent B(string messageId, string? emoji) => ReactionContent.Builder().WithMessageId(messageId).WithEmoji(emoji).Build();
            ReactionContent C(string messageId, string emoji) => new ReactionContent { MessageId = messageId, Emoji = emoji };
            ReactionMessage D(string to, ReactionContent reaction) => ReactionMessage.Builder().WithTo(to).WithReaction(reaction).Build();
        """),
        Verify.ReactionSchema);
}
