using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MessageGen.Media;

/// <summary>
/// Opens a path for reading without ever waiting, with errors that name the path. <c>open()</c> on a FIFO waits for
/// a writer, possibly forever and beyond the reach of a cancellation token, so on Linux and macOS the path is opened
/// with <c>O_NONBLOCK</c>, which returns at once; it changes nothing for regular files and devices.
/// </summary>
internal static class FileOpener
{
    private const int BufferSize = 4096;

    // open(2) flags (O_RDONLY is 0) and errno values; the errno values are the same on Linux and macOS.
    private const int LinuxNonBlock = 0x800;
    private const int LinuxCloseOnExec = 0x80000;
    private const int AppleNonBlock = 0x4;
    private const int AppleCloseOnExec = 0x1000000;
    private const int ErrorNotPermitted = 1;
    private const int ErrorNoEntry = 2;
    private const int ErrorInterrupted = 4;
    private const int ErrorAccessDenied = 13;
    private const int ErrorNotADirectory = 20;

    /// <summary>Flags for a read-only open that does not wait; <see langword="null"/> where they are not known (Windows has no FIFOs).</summary>
    private static readonly int? s_nonBlockingReadFlags =
        OperatingSystem.IsLinux() ? LinuxNonBlock | LinuxCloseOnExec
        : OperatingSystem.IsMacOS() ? AppleNonBlock | AppleCloseOnExec
        : null;

    /// <summary>Opens <paramref name="path"/> for reading; returns at once, whatever the path names.</summary>
    /// <exception cref="FileNotFoundException">Nothing is there, or a symbolic link whose target is missing.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a directory.</exception>
    /// <exception cref="IOException">Another reason the file cannot be opened.</exception>
    public static FileStream OpenForReading(string path, bool useAsync)
    {
        if (Directory.Exists(path))
        {
            throw new UnauthorizedAccessException($"'{path}' is a directory, not a file.");
        }

        if (s_nonBlockingReadFlags is not { } flags)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw NotFound(path);
            }
        }

        int descriptor;
        do
        {
            descriptor = Open(path, flags);
        }
        while (descriptor == -1 && Marshal.GetLastPInvokeError() == ErrorInterrupted);

        if (descriptor == -1)
        {
            throw OpenFailure(path, Marshal.GetLastPInvokeError());
        }

        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, BufferSize);
    }

    private static Exception OpenFailure(string path, int error) => error switch
    {
        ErrorNoEntry or ErrorNotADirectory => NotFound(path),
        ErrorAccessDenied or ErrorNotPermitted => new UnauthorizedAccessException($"Access to '{path}' is denied."),
        _ => new IOException($"Cannot open '{path}': {Marshal.GetPInvokeErrorMessage(error)}."),
    };

    /// <summary>A missing file, or a symbolic link to one (which <see cref="File.Exists"/> reports as present).</summary>
    private static FileNotFoundException NotFound(string path)
    {
        var entry = new FileInfo(path);
        return entry.LinkTarget is not null && entry.ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? new($"'{path}' is a broken symbolic link: its target '{target.FullName}' does not exist.", path)
            : new($"'{path}' does not exist.", path);
    }

    [SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments",
        Justification = "Marshalled as UTF-8, as POSIX paths are; the rule knows only ANSI and UTF-16.")]
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
