using System.CommandLine;
using System.CommandLine.Parsing;

namespace MessageGen.Cli.Send;

/// <summary>
/// One message type of <c>messagegen send</c>: its name (the API's <c>type</c>), the options that apply to it, which of
/// them it needs, how it builds the message from them, and how it reads a whole body of its type (<c>--json</c>).
/// </summary>
/// <param name="name">The API's <c>type</c>, e.g. <c>text</c>.</param>
/// <param name="example">A command that sends one, for help.</param>
/// <param name="options">The options that apply to it.</param>
/// <param name="required">Those of <paramref name="options"/> it cannot do without.</param>
internal abstract class MessageKind(string name, string example, IReadOnlyList<Option> options, IReadOnlyList<Option> required)
{
    public string Name => name;

    /// <summary>A whole command, e.g. <c>messagegen send text --to +4915112345678 --body "Hello"</c>.</summary>
    public string Example => example;

    public IReadOnlyList<Option> Options => options;

    /// <summary>The usage problems of a command line that sends this type: options it needs and did not get, and the like.</summary>
    public virtual IEnumerable<string> CheckUsage(CommandResult command) =>
        from option in required
        where !SendOptions.IsGiven(command, option)
        select $"{Article()} {name} message needs {option.Name} {option.HelpName}.";

    /// <summary>Builds the message from the options; it is checked against the schema afterwards, not here.</summary>
    public abstract IWhatsAppMessage Build(CommandResult command, string to);

    /// <summary>Reads and checks a body of this type with the generated <c>FromJson</c>.</summary>
    /// <exception cref="MessageValidationException">The body breaks the schema.</exception>
    /// <exception cref="MalformedJsonException">The body is not JSON text.</exception>
    public abstract IWhatsAppMessage Read(byte[] json);

    private string Article() => name[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "An" : "A";
}
