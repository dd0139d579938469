using System.Text;

namespace BzPeer.Content;

/// <summary>
/// A text kept as UTF-8 (half the size of a string for mostly-ASCII content), equal by its bytes. Text decoded from a
/// UTF-8 file, as every record body is, reads back exactly; a lone surrogate, which such text cannot hold, would
/// come back as U+FFFD.
/// </summary>
internal sealed class Utf8Text(string text) : IEquatable<Utf8Text>
{
    private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

    public override string ToString() => _bytes.Length == 0 ? "" : Encoding.UTF8.GetString(_bytes);

    public bool Equals(Utf8Text? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as Utf8Text);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
