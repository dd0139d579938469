namespace BzPeer.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
