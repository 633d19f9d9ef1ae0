namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>Request bodies of every message type, as raw JSON: what any client (not only this library) may send.</summary>
internal static class SandboxMessageBodies
{
    public const string To = "+4915112345678";

    /// <summary>A message of <paramref name="type"/> whose <c>type</c> member holds <paramref name="content"/>.</summary>
    public static string Message(string type, string content, string to = To) =>
        $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to}}}","type":"{{{type}}}","{{{type}}}":{{{content}}}}""";

    /// <summary>An interactive list message with the given sections.</summary>
    public static string List(string sections) => Message(
        "interactive",
        $$$"""{"type":"list","header":{"type":"text","text":"Menu"},"body":{"text":"Pick a slot"},"footer":{"text":"Open 9-17"},"action":{"button":"Slots","sections":{{{sections}}}}}""");

    /// <summary>A list section titled <paramref name="title"/> (none when null) with <paramref name="rows"/> rows.</summary>
    public static string Section(string? title, int rows, string idPrefix = "row")
    {
        var rowsJson = string.Join(",", Enumerable.Range(1, rows).Select(i => $$$"""{"id":"{{{idPrefix}}}-{{{i}}}","title":"Slot {{{i}}}","description":"Morning"}"""));
        return title is null ? $$$"""{"rows":[{{{rowsJson}}}]}""" : $$$"""{"title":"{{{title}}}","rows":[{{{rowsJson}}}]}""";
    }

    /// <summary>An interactive reply-button message with <paramref name="buttons"/> buttons and the given header (none when null).</summary>
    public static string Buttons(int buttons, string? header = """{"type":"text","text":"Your order"}""", string title = "Yes")
    {
        var buttonsJson = string.Join(",", Enumerable.Range(1, buttons).Select(i => $$$"""{"type":"reply","reply":{"id":"b{{{i}}}","title":"{{{title}}}"}}"""));
        var headerJson = header is null ? "" : "\"header\":" + header + ",";
        return Message("interactive", $$$"""{"type":"button",{{{headerJson}}}"body":{"text":"Confirm the order?"},"footer":{"text":"Shop"},"action":{"buttons":[{{{buttonsJson}}}]}}""");
    }
}
