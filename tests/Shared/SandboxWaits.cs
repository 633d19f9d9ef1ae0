using MessageGen.Sandbox;
using Xunit;

namespace MessageGen.Testing;

/// <summary>Waiting on a sandbox from a test.</summary>
internal static class SandboxWaits
{
    /// <summary>Waits until the sandbox has taken every queued fault, i.e. the requests have arrived; fails the test if it does not.</summary>
    public static async Task WaitUntilFaultsTakenAsync(this SandboxServer sandbox)
    {
        for (var i = 0; i < 1000 && sandbox.Faults.Pending > 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, sandbox.Faults.Pending);
    }
}
