namespace MessageGen.Diagnostics;

internal static class HelpLinks
{
    /// <summary>Where each rule's page lives: docs/rules/MGxxxx.md in the repository.</summary>
    public const string RulesBase = "https://github.com/messagegen/messagegen/blob/main/docs/rules/";

    public static string For(string id) => RulesBase + id + ".md";
}
