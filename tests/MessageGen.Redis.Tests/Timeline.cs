using System.Collections.Concurrent;
using System.Diagnostics;

namespace MessageGen.Redis.Tests;

/// <summary>When each acquisition returned, in seconds since the timeline started.</summary>
internal sealed class Timeline
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly ConcurrentBag<double> _times = [];

    public int Count => _times.Count;

    public void Mark() => _times.Add(Stopwatch.GetElapsedTime(_start).TotalSeconds);

    public double[] Sorted()
    {
        var times = _times.ToArray();
        Array.Sort(times);
        return times;
    }

    /// <summary>The most acquisitions seen in any window of <paramref name="seconds"/> seconds.</summary>
    public int MostInAnyWindow(double seconds, double from = 0)
    {
        var times = Sorted().Where(t => t >= from).ToArray();
        var most = 0;
        for (int i = 0, j = 0; i < times.Length; i++)
        {
            while (j < times.Length && times[j] < times[i] + seconds)
            {
                j++;
            }

            most = Math.Max(most, j - i);
        }

        return most;
    }
}
