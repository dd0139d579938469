namespace BzPeer;

/// <summary>Version of the generator, shown by <c>bzpeer --version</c> and in the generator meta tag.</summary>
public static class BuildInfo
{
    public static string Version => typeof(BuildInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
