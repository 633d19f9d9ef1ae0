using System.Globalization;

namespace MessageGen.Media;

/// <summary>File sizes and limits in problem messages.</summary>
internal static class SizeText
{
    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;

    /// <summary>
    /// "1,234 bytes"; for a pipe or device read only up to <paramref name="limit"/>, "more than N bytes" and why no
    /// more is known.
    /// </summary>
    public static string Of(long size, StreamExtent extent, long limit) => extent == StreamExtent.PipePrefix && size > limit
        ? string.Create(CultureInfo.InvariantCulture, $"more than {limit:N0} bytes (a pipe or device, read no further than that)")
        : string.Create(CultureInfo.InvariantCulture, $"{size:N0} bytes");

    /// <summary>A limit as WhatsApp states it, with the exact bytes: "5 MiB (5,242,880 bytes)".</summary>
    public static string Limit(long limit) => limit % MiB == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{limit / MiB} MiB ({limit:N0} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{limit / KiB} KiB ({limit:N0} bytes)");
}
