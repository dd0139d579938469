using System.Buffers;
using System.Text;
using BzPeer.Diagnostics;

namespace BzPeer.Content;

/// <summary>Reads files strictly as UTF-8, reporting the position of the first invalid byte.</summary>
internal static class SourceReader
{
    /// <summary>Content files larger than this are refused: no honest record is 8 MiB of YAML.</summary>
    internal const long MaxFileBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceDocument? Read(string fullPath, string relativePath, DiagnosticBag diagnostics)
    {
        if (TryReadOrdinaryFile(fullPath, out var buffer, out var length))
        {
            try
            {
                return Decode(buffer.AsSpan(0, length), fullPath, relativePath, diagnostics);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxFileBytes)
            {
                diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceLocation.File(relativePath),
                    $"The file is {info.Length / (1024 * 1024)} MiB; content files may be at most {MaxFileBytes / (1024 * 1024)} MiB.",
                    "Move large material (data sets, PDFs) elsewhere and link to it.");
                return null;
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceLocation.File(relativePath), $"The file cannot be read: {e.Message}");
            return null;
        }

        return Decode(bytes, fullPath, relativePath, diagnostics);
    }

    /// <summary>
    /// The common case in one open, one fstat and one read into a pooled buffer. False for anything else (an error,
    /// an empty, special or too large file, one that shrinks while read): the way above, stat first then read,
    /// then reports it exactly as it always did.
    /// </summary>
    private static bool TryReadOrdinaryFile(string fullPath, out byte[] buffer, out int length)
    {
        buffer = [];
        length = 0;
        try
        {
            using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            var size = RandomAccess.GetLength(handle);
            if (size is <= 0 or > MaxFileBytes)
            {
                return false;
            }

            buffer = ArrayPool<byte>.Shared.Rent((int)size);
            while (length < size)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(length, (int)size - length), length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length == size)
            {
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return false;
    }

    internal static SourceDocument? Decode(ReadOnlySpan<byte> span, string fullPath, string relativePath, DiagnosticBag diagnostics)
    {
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        string text;
        try
        {
            text = Strict.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = FirstInvalidUtf8(span);
            diagnostics.Error(DiagnosticCodes.InvalidUtf8, new SourceLocation(relativePath, line, column),
                "The file is not valid UTF-8.", "Save the file as UTF-8 (most editors: 'Save with encoding').");
            return null;
        }

        if (text.Contains('\0'))
        {
            diagnostics.Error(DiagnosticCodes.InvalidUtf8, SourceLocation.File(relativePath),
                "The file contains NUL characters: it looks like a binary file.", "Content files must be Markdown or YAML text.");
            return null;
        }

        if (text.Contains('\r'))
        {
            text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        }

        return new SourceDocument(relativePath, fullPath, text);
    }

    /// <summary>1-based line and column (in characters) of the first byte that is not valid UTF-8.</summary>
    private static (int Line, int Column) FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int line = 1, column = 1, i = 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return (line, column);
            }

            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column += rune.Utf16SequenceLength;
            }

            i += consumed;
        }

        return (line, column);
    }
}
