namespace BzPeer.Output;

/// <summary>One file of the built site: its path relative to the output root ('/' separated) and its bytes.</summary>
public sealed record OutputFile(string Path, ReadOnlyMemory<byte> Content)
{
    public OutputFile(string path, FileBytes bytes)
        : this(path, bytes.Memory) => Bytes = bytes;

    /// <summary>The bytes with their pool ownership (<see cref="FileBytes.Release"/> once written).</summary>
    internal FileBytes Bytes { get; }
}
