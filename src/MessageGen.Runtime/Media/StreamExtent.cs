namespace MessageGen.Media;

/// <summary>How much of the file the stream under inspection holds, which decides what its end means.</summary>
internal enum StreamExtent
{
    /// <summary>All of a file (or of a device that ended): a box running past its end means a truncated file.</summary>
    File,

    /// <summary>Everything a pipe or FIFO gave until its writer closed it, read into memory.</summary>
    EntirePipe,

    /// <summary>
    /// The first bytes of a pipe or device that gave more than <see cref="VideoFileInspector.MaxCompatibleFileSize"/>:
    /// the rest was not read, so a box running past the end is where reading stopped, not a sign of damage.
    /// </summary>
    PipePrefix,
}
