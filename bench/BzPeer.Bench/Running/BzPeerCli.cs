namespace BzPeer.Bench.Running;

/// <summary>
/// How to start a BzPeer CLI: a framework-dependent <c>BzPeer.Cli.dll</c> runs under <c>dotnet</c>; the
/// ahead-of-time executable <c>scripts/publish-cli.sh</c> writes runs on its own.
/// </summary>
internal static class BzPeerCli
{
    public static (string FileName, string[] Arguments) Command(string cli, params string[] arguments) =>
        cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", [cli, .. arguments]) : (cli, arguments);
}
