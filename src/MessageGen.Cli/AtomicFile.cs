using System.Text;

namespace MessageGen.Cli;

/// <summary>Writes a whole file or nothing: a temporary file beside it, then a move over it, so a reader never sees half.</summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(FileInfo file, string text, CancellationToken cancellationToken)
    {
        var directory = file.Directory ?? new DirectoryInfo(Directory.GetCurrentDirectory());
        directory.Create();

        // Beside the target, so that the move stays on one file system and replaces it in one step.
        var temporary = Path.Combine(directory.FullName, $".{file.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, file.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
