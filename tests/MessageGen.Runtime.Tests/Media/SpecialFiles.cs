using System.Diagnostics;
using System.IO.Pipes;

namespace MessageGen.Runtime.Tests.Media;

/// <summary>
/// A temporary directory for real special files: FIFOs made with <c>mkfifo</c> and symbolic links. Disposing it
/// releases any reader still blocked opening one of its FIFOs (code under test that hangs), then deletes it.
/// </summary>
internal sealed class SpecialFileDirectory : IDisposable
{
    private readonly List<string> _fifos = [];

    public string Path { get; } = Directory.CreateTempSubdirectory("messagegen-inspect-").FullName;

    public string MakeFifo(string name = "clip.mp4")
    {
        var path = System.IO.Path.Combine(Path, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        _fifos.Add(path);
        return path;
    }

    public string MakeSymbolicLink(string name, string target)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>
    /// Opens a FIFO as a writer that sends nothing until told. Read-write, which Linux opens at once, where a
    /// write-only open would wait for a reader.
    /// </summary>
    public static FileStream OpenAsWriter(string fifo) => new(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);

    public void Dispose()
    {
        foreach (var fifo in _fifos)
        {
            // A reader blocked in open(), waiting for a writer, is released when one arrives.
            using (OpenAsWriter(fifo))
            {
            }
        }

        Directory.Delete(Path, recursive: true);
    }
}

/// <summary>
/// A real <c>cat</c> process writing a file into a pipe, which the test reads through <c>/dev/fd/N</c>: what a shell
/// hands over for <c>&lt;(cat FILE)</c>.
/// </summary>
internal sealed class CatProcess : IDisposable
{
    private readonly Process _cat;

    public CatProcess(string file)
    {
        _cat = Process.Start(new ProcessStartInfo("cat", [file]) { RedirectStandardOutput = true })!;
        var readEnd = ((PipeStream)_cat.StandardOutput.BaseStream).SafePipeHandle;
        PipePath = $"/dev/fd/{readEnd.DangerousGetHandle()}";
    }

    /// <summary>The read end of the pipe, as a path.</summary>
    public string PipePath { get; }

    public void Dispose()
    {
        // cat still writing (the inspector stopped reading at its limit) waits for a reader that never comes.
        if (!_cat.HasExited)
        {
            _cat.Kill();
        }

        _cat.WaitForExit();
        _cat.Dispose();
    }
}

/// <summary>A fact that needs FIFOs, <c>/dev</c> and <c>/dev/fd</c>: skipped on Windows.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs FIFOs, /dev and /dev/fd.";
        }
    }
}

/// <summary>A theory that needs FIFOs, <c>/dev</c> and <c>/dev/fd</c>: skipped on Windows.</summary>
internal sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs FIFOs, /dev and /dev/fd.";
        }
    }
}
