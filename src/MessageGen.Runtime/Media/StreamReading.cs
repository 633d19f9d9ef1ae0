namespace MessageGen.Media;

/// <summary>Positional reads from a seekable stream, synchronous or asynchronous as the inspection asks.</summary>
internal static class StreamReading
{
    /// <summary>
    /// Fills <paramref name="destination"/> from <paramref name="position"/>; throws <see cref="MalformedMediaException"/>
    /// when the stream is shorter than its length said (a file truncated while being read).
    /// </summary>
    /// <param name="stream">The stream, read from <paramref name="origin"/> + <paramref name="position"/>.</param>
    /// <param name="origin">Where the inspected file starts in the stream.</param>
    /// <param name="position">The offset in the file, which error messages give.</param>
    /// <param name="destination">The bytes to fill.</param>
    /// <param name="useAsync">Whether to read asynchronously.</param>
    /// <param name="cancellationToken">Stops an asynchronous read.</param>
    public static async ValueTask ReadExactlyAtAsync(
        Stream stream, long origin, long position, Memory<byte> destination, bool useAsync, CancellationToken cancellationToken)
    {
        stream.Position = origin + position;
        var read = useAsync
            ? await stream.ReadAtLeastAsync(destination, destination.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)
            : stream.ReadAtLeast(destination.Span, destination.Length, throwOnEndOfStream: false);
        if (read < destination.Length)
        {
            throw new MalformedMediaException(position + read, "the file ends sooner than its length says");
        }
    }

    /// <summary>The result of an inspection run with every read synchronous, which has therefore completed.</summary>
    public static T CompletedSynchronously<T>(ValueTask<T> inspection)
    {
        System.Diagnostics.Debug.Assert(inspection.IsCompleted, "A synchronous inspection completed synchronously.");
        return inspection.GetAwaiter().GetResult();
    }
}
