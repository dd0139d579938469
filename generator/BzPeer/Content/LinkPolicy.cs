namespace BzPeer.Content;

/// <summary>
/// Which URLs content may link to: http, https, mailto and site-relative paths. Everything else
/// (javascript:, data:, vbscript:, file:, …) is refused at load time and dropped at render time.
/// </summary>
public static class LinkPolicy
{
    public static bool IsSafe(string url)
    {
        var text = url.Trim();
        if (text.Length == 0 || HasControlCharacter(text))
        {
            return false;
        }

        var colon = text.IndexOf(':');
        var firstDelimiter = text.AsSpan().IndexOfAny('/', '?', '#');
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon))
        {
            // No scheme: relative. "//host" is protocol-relative and leaves the site's control, so refuse it.
            return !text.StartsWith("//", StringComparison.Ordinal) && !text.StartsWith("\\", StringComparison.Ordinal);
        }

        var scheme = text[..colon].ToLowerInvariant();
        return scheme switch
        {
            "http" or "https" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "mailto" => true,
            _ => false,
        };
    }

    private static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
