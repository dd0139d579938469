using System.Text.RegularExpressions;
using BzPeer.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Content;

/// <summary>
/// Parses a YAML block into a map, turning every YamlDotNet failure into a located diagnostic.
/// Content is untrusted: aliases are refused (no alias bombs) and nesting is bounded while the parser's events
/// are read, before anything recursive sees them. The text is parsed once, its events built straight into a tree.
/// </summary>
internal static partial class YamlParser
{
    internal const int MaxDepth = 32;

    /// <summary>The block's map (empty for an empty or null document); null after reporting when it cannot be read.</summary>
    public static YamlMap? Parse(ReadOnlyMemory<char> yaml, string path, int lineOffset, DiagnosticBag diagnostics) =>
        Parse(yaml, path, lineOffset, diagnostics, events: null, simple: true);

    /// <summary><see cref="Parse(ReadOnlyMemory{char}, string, int, DiagnosticBag)"/> through YamlDotNet always: the reference <see cref="SimpleYaml"/> is tested against.</summary>
    internal static YamlMap? ParseInFull(ReadOnlyMemory<char> yaml, string path, int lineOffset, DiagnosticBag diagnostics) =>
        Parse(yaml, path, lineOffset, diagnostics, events: null, simple: false);

    /// <summary>
    /// The block as YamlDotNet's representation model, for the schema checks, after the same checks as
    /// <see cref="Parse(ReadOnlyMemory{char}, string, int, DiagnosticBag)"/>: its events are replayed into the model.
    /// </summary>
    public static YamlMappingNode? ParseMapping(ReadOnlyMemory<char> yaml, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var events = new List<ParsingEvent>();
        if (Parse(yaml, path, lineOffset, diagnostics, events, simple: false) is null)
        {
            return null;
        }

        var stream = new YamlStream();
        stream.Load(new ReplayParser(events));
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping ? mapping : new YamlMappingNode();
    }

    private static YamlMap? Parse(ReadOnlyMemory<char> yaml, string path, int lineOffset, DiagnosticBag diagnostics, List<ParsingEvent>? events, bool simple)
    {
        if (!CheckIndentation(yaml.Span, path, lineOffset, diagnostics))
        {
            return null;
        }

        // The common simple shape is read directly; anything else, errors included, is YamlDotNet's.
        if (simple && SimpleYaml.TryRead(yaml.Span) is { } map)
        {
            return map;
        }

        var parser = new Parser(new MemoryTextReader(yaml));
        var tree = YamlTreeBuilder.ForThisThread();
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                events?.Add(current);
                switch (current)
                {
                    case AnchorAlias alias:
                        diagnostics.Error(DiagnosticCodes.UnsupportedYaml, SourceLocation.FromYamlMark(path, alias.Start, lineOffset),
                            $"YAML aliases (*{alias.Value}) are not supported in content files.", "Write the value out in full.");
                        return null;
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            diagnostics.Error(DiagnosticCodes.UnsupportedYaml, SourceLocation.FromYamlMark(path, current.Start, lineOffset),
                                $"The YAML is nested more than {MaxDepth} levels deep.", "Flatten the structure.");
                            return null;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }

                tree.Add(current);
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
            ReportUnparsable(at, diagnostics);
            return null;
        }

        if (!Loads(tree, yaml, path, lineOffset, diagnostics))
        {
            return null;
        }

        var root = tree.FirstRoot;
        if (root is null or YamlScalar { Value: "" or "~" or "null" })
        {
            return YamlMap.Empty;
        }

        if (root is not YamlMap rootMap)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, SourceLocation.FromYamlMark(path, root.Start, lineOffset),
                "The YAML must be a map of 'key: value' lines.", "Write each field as 'key: value' at the start of a line.");
            return null;
        }

        return rootMap;
    }

    /// <summary>
    /// False, after reporting, when YamlDotNet's representation model would refuse the events: a duplicate key, or
    /// a stream that does not nest (the parser makes one from some malformed keys, and the model then throws an
    /// ArgumentException; reported as unparsable). With a collection as a key, the model itself is asked.
    /// </summary>
    private static bool Loads(YamlTreeBuilder tree, ReadOnlyMemory<char> yaml, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        if (tree.HasCollectionKey)
        {
            try
            {
                // The text passed every check above, so the model may parse it itself.
                new YamlStream().Load(new Parser(new MemoryTextReader(yaml)));
            }
            catch (YamlException e)
            {
                ReportSyntax(e, path, lineOffset, diagnostics);
                return false;
            }
            catch (ArgumentException) when (tree.Malformed is not null)
            {
            }
        }
        else if (tree.Duplicate is { } duplicate)
        {
            ReportSyntax(duplicate, path, lineOffset, diagnostics);
            return false;
        }

        if (tree.Malformed is { } at)
        {
            ReportUnparsable(SourceLocation.FromYamlMark(path, at, lineOffset), diagnostics);
            return false;
        }

        return true;
    }

    /// <summary>YAML forbids tabs for indentation; YamlDotNet's message for it is cryptic, so say it plainly.</summary>
    private static bool CheckIndentation(ReadOnlySpan<char> yaml, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var ok = true;
        var line = 1;
        var start = 0;
        while (start <= yaml.Length)
        {
            var end = yaml[start..].IndexOf('\n');
            end = end < 0 ? yaml.Length : start + end;
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

    private static void ReportUnparsable(SourceLocation at, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.YamlSyntax, at, "The YAML cannot be parsed near here.", "Check the brackets and indentation around this line.");

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
