using System.CommandLine;
using System.Net;

namespace MessageGen.Cli;

/// <summary>The <c>--port</c> of the commands that serve on 127.0.0.1.</summary>
internal static class PortOption
{
    public static Option<int> Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1 to listen on; 0 picks a free one.",
            HelpName = "N",
            DefaultValueFactory = _ => 0,
        };
        IntOptionRange.Require(port, 0, IPEndPoint.MaxPort, $"--port must be between 0 and {IPEndPoint.MaxPort}.");
        return port;
    }
}
