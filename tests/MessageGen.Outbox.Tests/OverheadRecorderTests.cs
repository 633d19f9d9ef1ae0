using System.Diagnostics;

namespace MessageGen.Outbox.Tests;

public sealed class OverheadRecorderTests
{
    [Fact]
    public async Task The_first_second_of_each_stretch_of_sending_is_kept_apart()
    {
        var recorder = new OverheadRecorder();

        // A stretch of a message every 100 ms or so: 50 ms each in its first second, 1 ms after it (none near the edge),
        // until a few are past that second (later on a machine too busy to keep the pace).
        var clock = Stopwatch.StartNew();
        for (var elapsed = clock.Elapsed; recorder.Running.Count < 3 && elapsed < TimeSpan.FromSeconds(10); elapsed = clock.Elapsed)
        {
            if (elapsed < TimeSpan.FromSeconds(0.9) || elapsed > TimeSpan.FromSeconds(1.1))
            {
                recorder.Add(TimeSpan.FromMilliseconds(elapsed < TimeSpan.FromSeconds(1) ? 50 : 1));
            }

            await Task.Delay(100);
        }

        var (starting, running) = (recorder.Starting, recorder.Running);
        Assert.True(starting.Count > 0 && running.Count > 0, $"{starting.Count} starting, {running.Count} running");
        Assert.Equal(TimeSpan.FromMilliseconds(50), starting.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(1), running.Max);

        // A pause of more than a second: sending resumes cold, and is kept apart again.
        await Task.Delay(1200);
        recorder.Add(TimeSpan.FromMilliseconds(30));

        Assert.Equal(running.Count, recorder.Running.Count);
        Assert.Equal(starting.Count + 1, recorder.Starting.Count);
    }
}
