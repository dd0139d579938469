using BzPeer.Diagnostics;

namespace BzPeer.Rendering;

/// <summary>Static files from the built-in theme, overridden file by file by the site's own <c>theme/</c>, published under <c>assets/</c>.</summary>
internal static class ThemeAssets
{
    public static string BuiltinDirectory => Path.Combine(AppContext.BaseDirectory, "theme");

    /// <summary>Every asset's path under assets/ with a reader for its bytes (read when rendered, so serve sees edits).</summary>
    public static IReadOnlyList<(string Path, Func<byte[]?> Read)> Collect(string siteDirectory, DiagnosticBag diagnostics)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in new[] { BuiltinDirectory, Path.Combine(siteDirectory, "theme") })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (relative.Split('/').Any(part => part.StartsWith('.') || part == "node_modules"))
                {
                    continue;
                }

                files[relative] = path;
            }
        }

        return files.Select(f => (f.Key, (Func<byte[]?>)(() => Read(f.Key, f.Value, diagnostics)))).ToList();
    }

    private static byte[]? Read(string relative, string path, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceLocation.File("theme/" + relative), $"The theme file cannot be read: {e.Message}");
            return null;
        }
    }
}
