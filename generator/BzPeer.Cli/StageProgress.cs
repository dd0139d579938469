namespace BzPeer.Cli;

/// <summary>
/// A one-line "building: render…" status on a terminal, rewritten in place as stages start and cleared at the end.
/// Only for people watching a terminal: off when stderr is redirected (logs, pipes, tests) or CI is set.
/// </summary>
internal sealed class StageProgress : IDisposable
{
    private readonly TextWriter _stderr;
    private int _lastLength;

    private StageProgress(TextWriter stderr) => _stderr = stderr;

    /// <summary>A progress line for <paramref name="stderr"/>, or null when it would only be noise.</summary>
    public static StageProgress? ForTerminal(TextWriter stderr) =>
        Enabled(ReferenceEquals(stderr, Console.Error), Console.IsErrorRedirected, Environment.GetEnvironmentVariable("CI"))
            ? new StageProgress(stderr)
            : null;

    internal static bool Enabled(bool writesToConsole, bool errorRedirected, string? ci) =>
        writesToConsole && !errorRedirected && string.IsNullOrEmpty(ci);

    /// <summary>Forced on, for tests of the line itself.</summary>
    internal static StageProgress To(TextWriter writer) => new(writer);

    public void StageStarted(string stage)
    {
        var line = $"building: {stage}…";
        lock (_stderr)
        {
            // '\r' returns to the line start; padding wipes what a longer previous stage name left behind.
            _stderr.Write("\r" + line.PadRight(_lastLength));
            _stderr.Flush();
            _lastLength = line.Length;
        }
    }

    public void Dispose()
    {
        lock (_stderr)
        {
            if (_lastLength > 0)
            {
                _stderr.Write("\r" + new string(' ', _lastLength) + "\r");
                _stderr.Flush();
                _lastLength = 0;
            }
        }
    }
}
