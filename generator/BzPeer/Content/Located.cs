using BzPeer.Diagnostics;

namespace BzPeer.Content;

/// <summary>A value read from a source file together with where it was written, for later diagnostics.</summary>
public readonly record struct Located<T>(T Value, SourceLocation At);
