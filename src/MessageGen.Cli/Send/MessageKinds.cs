using System.CommandLine;
using System.CommandLine.Parsing;

namespace MessageGen.Cli.Send;

/// <summary>The message types <c>messagegen send</c> sends, and which one a command line asks for.</summary>
internal sealed class MessageKinds
{
    private readonly SendOptions _options;

    public MessageKinds(SendOptions options)
    {
        _options = options;
        All =
        [
            new TextMessageKind(options), new ImageMessageKind(options), new VideoMessageKind(options), new AudioMessageKind(options),
            new DocumentMessageKind(options), new StickerMessageKind(options), new LocationMessageKind(options),
            new ReactionMessageKind(options), new InteractiveMessageKind(options), new ContactsMessageKind(options),
        ];
        Default = Find("video")!;
        NamesText = string.Join(", ", All.Select(kind => kind.Name));
    }

    /// <summary>Every type, in the order help lists them.</summary>
    public IReadOnlyList<MessageKind> All { get; }

    /// <summary>The types' names, for messages: <c>text, image, ...</c>.</summary>
    public string NamesText { get; }

    /// <summary>The type sent when none is named: video, as <c>send</c> always sent.</summary>
    public MessageKind Default { get; }

    public MessageKind? Find(string name) => All.FirstOrDefault(kind => kind.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of the types <paramref name="option"/> applies to.</summary>
    public IEnumerable<string> UsersOf(Option option) => All.Where(kind => kind.Options.Contains(option)).Select(kind => kind.Name);

    /// <summary>
    /// The type the command line names, as the KIND argument or <c>--type</c> (both: they must agree); null when it names
    /// none, or when it names no type or two different ones, which <paramref name="error"/> then says.
    /// </summary>
    public MessageKind? Named(CommandResult command, out string? error)
    {
        var argument = command.GetValue(_options.Kind);
        var option = command.GetValue(_options.Type);
        var fromArgument = argument is null ? null : Find(argument);
        var fromOption = option is null ? null : Find(option);
        error = (argument, fromArgument, option, fromOption) switch
        {
            // An unknown option lands here as the type, since the type argument takes any word.
            ({ }, null, _, _) when argument.StartsWith('-') => $"Unrecognized command or argument '{argument}'.",
            ({ }, null, _, _) => $"Unknown message type '{argument}'; the types are {NamesText}.",
            (_, _, { }, null) => $"Unknown message type --type '{option}'; the types are {NamesText}.",
            ({ }, { }, { }, { }) when fromArgument != fromOption =>
                $"The message type is given twice, as '{fromArgument.Name}' and as --type {fromOption.Name}; give it once.",
            _ => null,
        };
        return error is null ? fromArgument ?? fromOption : null;
    }

    /// <summary>Adds an error to <paramref name="command"/> for each way it does not say how to build one message.</summary>
    public void CheckUsage(CommandResult command)
    {
        var named = Named(command, out var error);
        if (error is not null)
        {
            command.AddError(error);
            return;
        }

        var fromJson = SendOptions.IsGiven(command, _options.Json);
        var kind = named ?? Default;
        var misplaced = false;
        foreach (var option in _options.MessageOptions.Where(option => SendOptions.IsGiven(command, option)))
        {
            if (fromJson)
            {
                command.AddError($"{option.Name} does not apply with --json: the file holds the whole message (only --to replaces its recipient).");
            }
            else if (!kind.Options.Contains(option))
            {
                var hint = named is null ? $"; name the type first, e.g. 'messagegen send {UsersOf(option).First()} ...' (video is the default)" : "";
                command.AddError($"{option.Name} does not apply to {kind.Name} messages (it is for {string.Join(", ", UsersOf(option))}){hint}.");
                misplaced = true;
            }
        }

        if (fromJson)
        {
            return;
        }

        if (!SendOptions.IsGiven(command, _options.To))
        {
            command.AddError("Option '--to' is required (except with --json).");
        }

        // What the type needs is beside the point while options of another type are given.
        foreach (var problem in misplaced ? [] : kind.CheckUsage(command))
        {
            command.AddError(problem);
        }
    }
}
