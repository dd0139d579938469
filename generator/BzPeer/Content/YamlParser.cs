using System.Text.RegularExpressions;
using BzPeer.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Content;

/// <summary>
/// Parses a YAML block into a mapping node, turning every YamlDotNet failure into a located diagnostic.
/// Content is untrusted: aliases are refused (no alias bombs) and nesting is bounded before the
/// recursive representation model ever sees the text.
/// </summary>
internal static partial class YamlParser
{
    internal const int MaxDepth = 32;

    public static YamlMappingNode? ParseMapping(string yaml, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        if (!CheckIndentation(yaml, path, lineOffset, diagnostics) || PreScan(yaml, path, lineOffset, diagnostics) is not { } events)
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            // The events the pre-scan already parsed, replayed: the text is parsed once.
            stream.Load(new ReplayParser(events));
        }
        catch (YamlException e)
        {
            ReportSyntax(e, path, lineOffset, diagnostics);
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return new YamlMappingNode();
        }

        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, SourceLocation.FromYamlMark(path, root.Start, lineOffset),
                "The YAML must be a map of 'key: value' lines.", "Write each field as 'key: value' at the start of a line.");
            return null;
        }

        return mapping;
    }

    /// <summary>YAML forbids tabs for indentation; YamlDotNet's message for it is cryptic, so say it plainly.</summary>
    private static bool CheckIndentation(string yaml, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var ok = true;
        var line = 1;
        var start = 0;
        while (start <= yaml.Length)
        {
            var end = yaml.IndexOf('\n', start);
            if (end < 0)
            {
                end = yaml.Length;
            }

            for (var i = start; i < end && (yaml[i] == ' ' || yaml[i] == '\t'); i++)
            {
                if (yaml[i] == '\t')
                {
                    diagnostics.Error(DiagnosticCodes.TabIndentation, new SourceLocation(path, line + lineOffset, i - start + 1),
                        "A tab is used for indentation; YAML allows only spaces.", "Replace the tab with spaces.");
                    ok = false;
                    break;
                }
            }

            start = end + 1;
            line++;
        }

        return ok;
    }

    /// <summary>Parses the text to events, refusing aliases and deep nesting; null (reported) when it must not be loaded.</summary>
    private static List<ParsingEvent>? PreScan(string yaml, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(yaml));
        var events = new List<ParsingEvent>();
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        diagnostics.Error(DiagnosticCodes.UnsupportedYaml, SourceLocation.FromYamlMark(path, alias.Start, lineOffset),
                            $"YAML aliases (*{alias.Value}) are not supported in content files.", "Write the value out in full.");
                        return null;
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            diagnostics.Error(DiagnosticCodes.UnsupportedYaml, SourceLocation.FromYamlMark(path, parser.Current!.Start, lineOffset),
                                $"The YAML is nested more than {MaxDepth} levels deep.", "Flatten the structure.");
                            return null;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            ReportSyntax(e, path, lineOffset, diagnostics);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (with no position) on some malformed flow/block mixes, e.g. a '{'
            // line followed by a block sequence; found by the fuzz suite. The last parsed event is the best place.
            var at = parser.Current is { } current ? SourceLocation.FromYamlMark(path, current.Start, lineOffset) : new SourceLocation(path, lineOffset + 1, 1);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, at, "The YAML cannot be parsed near here.", "Check the brackets and indentation around this line.");
            return null;
        }

        return events;
    }

    private static void ReportSyntax(YamlException e, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var message = LocationPrefix().Replace(e.Message, "").Trim();
        if (message.Length == 0)
        {
            message = "The YAML cannot be parsed.";
        }

        var hint = message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
            ? "Each key may appear once; remove or merge the repeated one."
            : "Check quoting and indentation on this line; values containing ': ' or starting with a special character need quotes.";
        diagnostics.Error(DiagnosticCodes.YamlSyntax, SourceLocation.FromYamlMark(path, e.Start, lineOffset), $"Invalid YAML: {message}", hint);
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):")]
    private static partial Regex LocationPrefix();

    /// <summary>Plays back parsed events to YamlDotNet's representation model.</summary>
    private sealed class ReplayParser(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = _next < events.Count ? events[_next++] : null;
            return Current is not null;
        }
    }
}
