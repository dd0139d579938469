using System.Runtime.InteropServices;

namespace BzPeer.Content.ReadAhead;

/// <summary>
/// The little of Linux's io_uring that <see cref="ContentReadAhead"/> needs: a ring whose reads are submitted a
/// batch at a time and waited for together. Raw system calls, as .NET has no io_uring API and no library that
/// wraps it is available. Every call reports failure by its return value; nothing here throws for the kernel.
/// </summary>
/// <remarks>
/// Layouts from include/uapi/linux/io_uring.h; the system call numbers are the same on every 64-bit architecture.
/// One thread uses a ring: the submission queue's tail and the completion queue's head are written only by it.
/// </remarks>
internal sealed unsafe partial class IoUring : IDisposable
{
    private const long SetupCall = 425;
    private const long EnterCall = 426;
    private const uint EnterGetEvents = 1;
    private const byte OpRead = 22;
    private const long SubmissionRingOffset = 0;
    private const long CompletionRingOffset = 0x8000000;
    private const long EntriesOffset = 0x10000000;
    private const int ProtReadWrite = 0x1 | 0x2;
    private const int MapSharedPopulate = 0x01 | 0x8000;
    private const int Eintr = 4;

    /// <summary>RWF_NOWAIT: a read fails with EAGAIN rather than wait for the disk.</summary>
    public const uint NoWait = 0x8;

    private readonly int _fd;
    private readonly Mapping _submissionRing, _completionRing, _entries;
    private readonly uint* _submissionTail, _submissionMask, _submissionArray, _completionHead, _completionTail, _completionMask;
    private readonly byte* _submissions, _completions;
    private bool _disposed;

    private IoUring(int fd, in Parameters parameters, Mapping submissionRing, Mapping completionRing, Mapping entries)
    {
        _fd = fd;
        _submissionRing = submissionRing;
        _completionRing = completionRing;
        _entries = entries;
        Capacity = (int)parameters.SqEntries;
        var sq = (byte*)submissionRing.Address;
        _submissionTail = (uint*)(sq + parameters.SqTailOffset);
        _submissionMask = (uint*)(sq + parameters.SqRingMaskOffset);
        _submissionArray = (uint*)(sq + parameters.SqArrayOffset);
        var cq = (byte*)completionRing.Address;
        _completionHead = (uint*)(cq + parameters.CqHeadOffset);
        _completionTail = (uint*)(cq + parameters.CqTailOffset);
        _completionMask = (uint*)(cq + parameters.CqRingMaskOffset);
        _completions = cq + parameters.CqesOffset;
        _submissions = (byte*)entries.Address;
    }

    /// <summary>How many reads one batch may hold.</summary>
    public int Capacity { get; }

    /// <summary>A ring of about <paramref name="entries"/> entries, or null where the kernel refuses one (old, disabled, filtered).</summary>
    public static IoUring? TryCreate(uint entries)
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            return null;
        }

        Parameters parameters = default;
        int fd;
        try
        {
            fd = (int)Syscall(SetupCall, entries, (long)&parameters, 0, 0, 0, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        if (fd < 0)
        {
            return null;
        }

        var submissionRing = Mapping.Map(fd, parameters.SqArrayOffset + parameters.SqEntries * sizeof(uint), SubmissionRingOffset);
        var completionRing = Mapping.Map(fd, parameters.CqesOffset + parameters.CqEntries * CompletionSize, CompletionRingOffset);
        var submissionEntries = Mapping.Map(fd, parameters.SqEntries * SubmissionSize, EntriesOffset);
        if (submissionRing.Address == 0 || completionRing.Address == 0 || submissionEntries.Address == 0)
        {
            submissionRing.Unmap();
            completionRing.Unmap();
            submissionEntries.Unmap();
            Close(fd);
            return null;
        }

        return new IoUring(fd, parameters, submissionRing, completionRing, submissionEntries);
    }

    /// <summary>
    /// Reads up to <paramref name="length"/> bytes from the start of each file in <paramref name="files"/> into
    /// <paramref name="buffer"/>, all submitted in one system call so that the kernel sends the disk one batch,
    /// and waits for all of them. <paramref name="results"/>[i] is file i's byte count or a negated errno.
    /// False when the ring failed (the results are then incomplete).
    /// </summary>
    public bool ReadBatch(ReadOnlySpan<int> files, byte* buffer, uint length, uint flags, Span<int> results)
    {
        if (files.Length > Capacity || results.Length < files.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(files), "A batch may hold at most Capacity reads.");
        }

        var tail = *_submissionTail;
        for (var i = 0; i < files.Length; i++)
        {
            var index = tail & *_submissionMask;
            var entry = _submissions + index * SubmissionSize;
            new Span<byte>(entry, SubmissionSize).Clear();
            entry[0] = OpRead;
            *(int*)(entry + 4) = files[i];                  // fd
            *(ulong*)(entry + 8) = 0;                       // offset in the file
            *(ulong*)(entry + 16) = (ulong)buffer;          // address
            *(uint*)(entry + 24) = length;                  // len
            *(uint*)(entry + 28) = flags;                   // rw_flags
            *(ulong*)(entry + 32) = (ulong)i;               // user_data: the file's place in the batch
            _submissionArray[index] = index;
            tail++;
        }

        // The kernel must see the entries before the tail that publishes them.
        Volatile.Write(ref *_submissionTail, tail);
        var submitted = 0;
        var completed = 0;
        while (completed < files.Length)
        {
            var toSubmit = files.Length - submitted;
            var entered = Syscall(EnterCall, _fd, toSubmit, files.Length - completed, EnterGetEvents, 0, 0);
            if (entered < 0)
            {
                if (Marshal.GetLastPInvokeError() == Eintr)
                {
                    continue;
                }

                return false;
            }

            submitted += (int)entered;
            completed += Reap(results);
        }

        return true;
    }

    private int Reap(Span<int> results)
    {
        var reaped = 0;
        var head = *_completionHead;
        var tail = Volatile.Read(ref *_completionTail);
        for (; head != tail; head++)
        {
            var completion = _completions + (head & *_completionMask) * CompletionSize;
            results[(int)*(ulong*)completion] = *(int*)(completion + 8);
            reaped++;
        }

        Volatile.Write(ref *_completionHead, head);
        return reaped;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _entries.Unmap();
        _completionRing.Unmap();
        _submissionRing.Unmap();
        Close(_fd);
    }

    /// <summary>Opens a file to read without blocking on it (a FIFO answers at once); a negative value when it cannot be opened.</summary>
    public static int OpenToRead(string path) => Open(path, 0x80000 | 0x800, 0); // O_RDONLY | O_CLOEXEC | O_NONBLOCK

    private const int SubmissionSize = 64;
    private const int CompletionSize = 16;

    // struct io_uring_params, 120 bytes: the two queues' sizes (in entries), then io_sqring_offsets and
    // io_cqring_offsets, where every field is a byte offset into that queue's mapping. Named as in the header.
    [StructLayout(LayoutKind.Sequential)]
    private struct Parameters
    {
        public uint SqEntries, CqEntries, Flags, SqThreadCpu, SqThreadIdle, Features, WqFd, Reserved0, Reserved1, Reserved2;
        public uint SqHeadOffset, SqTailOffset, SqRingMaskOffset, SqRingEntriesOffset, SqFlagsOffset, SqDroppedOffset, SqArrayOffset, SqReserved;
        public ulong SqUserAddress;
        public uint CqHeadOffset, CqTailOffset, CqRingMaskOffset, CqRingEntriesOffset, CqOverflowOffset, CqesOffset, CqFlagsOffset, CqReserved;
        public ulong CqUserAddress;
    }

    private readonly record struct Mapping(nint Address, nuint Length)
    {
        public static Mapping Map(int fd, long length, long offset)
        {
            var address = MapMemory(0, (nuint)length, ProtReadWrite, MapSharedPopulate, fd, offset);
            return address == -1 ? default : new Mapping(address, (nuint)length);
        }

        public void Unmap()
        {
            if (Address != 0)
            {
                UnmapMemory(Address, Length);
            }
        }
    }

    // syscall(2) is variadic; on the 64-bit ABIs .NET runs on, six integer arguments are passed as for a fixed signature.
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial nint MapMemory(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int UnmapMemory(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);
}
