using System.Text;

namespace BzPeer.Diagnostics;

/// <summary>Prints diagnostics for people (with the offending line and a caret) and for GitHub Actions (annotations).</summary>
public static class DiagnosticFormatter
{
    /// <summary>"path(line,col): error BZP201: message hint", then the source line and a caret under the column.</summary>
    public static string ForConsole(Diagnostic diagnostic, Func<string, int, string?>? lineSource)
    {
        var builder = new StringBuilder();
        builder.Append(diagnostic.ToString());
        if (diagnostic.Location.HasLine && lineSource?.Invoke(diagnostic.Location.Path, diagnostic.Location.Line) is { } line)
        {
            var number = diagnostic.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var shown = line.Replace('\t', ' ');
            if (shown.Length > 160)
            {
                shown = shown[..160] + "…";
            }

            builder.Append('\n').Append(' ', 2).Append(number).Append(" | ").Append(shown);
            var caretColumn = Math.Clamp(diagnostic.Location.Column, 1, shown.Length + 1);
            builder.Append('\n').Append(' ', 2 + number.Length).Append(" | ").Append(' ', caretColumn - 1).Append('^');
        }

        return builder.ToString();
    }

    /// <summary>A workflow command as GitHub documents it: properties and data escaped so no message can inject another command.</summary>
    public static string ForGitHub(Diagnostic diagnostic)
    {
        var command = diagnostic.IsError ? "error" : "warning";
        var properties = new List<string> { $"file={EscapeProperty(diagnostic.Location.Path)}" };
        if (diagnostic.Location.HasLine)
        {
            properties.Add($"line={diagnostic.Location.Line}");
            properties.Add($"col={diagnostic.Location.Column}");
        }

        properties.Add($"title={EscapeProperty(diagnostic.Code)}");
        var message = diagnostic.Hint is null ? diagnostic.Message : $"{diagnostic.Message} {diagnostic.Hint}";
        return $"::{command} {string.Join(',', properties)}::{EscapeData(message)}";
    }

    internal static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    internal static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
