using YamlDotNet.Core;

namespace BzPeer.Content;

/// <summary>
/// Reads the plain shape nearly every front-matter block has, straight into a <see cref="YamlMap"/>, or declines
/// (returns null) the moment the text steps outside it; <see cref="YamlParser"/> then parses it with YamlDotNet,
/// which stays the reference for everything, errors included. What it reads, one entry per line at column 1:
/// <list type="bullet">
/// <item><c>key: value</c>: a plain value on one line (no <c>#</c>, no <c>": "</c>, nothing that starts another
/// construct), or one in double quotes (no escapes) or single quotes (no doubled quote);</item>
/// <item><c>key: [a, "b"]</c> and <c>key: { k: "v" }</c>: one line, scalars only;</item>
/// <item><c>key:</c> followed by <c>- item</c> lines, all at one indentation, each item a value as above.</item>
/// </list>
/// Comments, tabs, carriage returns, blank lines inside a list, nested block maps, block scalars, anchors, tags,
/// escapes, surrogates and control characters, duplicate keys, empty values and maps of more than
/// <see cref="MaxKeys"/> keys all decline. The tree it returns is
/// the one YamlDotNet's events build — the same values, styles and start marks (index, line, column); the
/// differential tests in <c>SimpleYamlTests</c> hold it to that on generated and real content.
/// </summary>
/// <remarks>
/// Why it exists: YamlDotNet's scanner, parser and events cost 23 µs and 18 KB per file of the bench corpus
/// (<c>BzPeer.Bench.Layout site-load</c>), about a quarter of a large build's load.
/// </remarks>
internal static class SimpleYaml
{
    /// <summary>A block's map, or null when it is not entirely in the simple shape (the caller parses it in full).</summary>
    public static YamlMap? TryRead(ReadOnlySpan<char> text)
    {
        var reader = new Reader(text);
        return reader.ReadDocument();
    }

    private ref struct Reader(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        private readonly char At(int i) => i < _text.Length ? _text[i] : '\0';

        private readonly Mark MarkAt(int i) => new(i, _line, i - _lineStart + 1);

        /// <summary>An untagged plain scalar (a key or a value) of the text from <paramref name="start"/> to <paramref name="end"/>.</summary>
        private readonly YamlScalar Plain(int start, int end) => new(MarkAt(start), new string(_text[start..end]), ScalarStyle.Plain, TagName.Empty);

        private readonly bool AtLineEnd(int i) => i >= _text.Length || _text[i] == '\n';

        private void NextLine(int newline)
        {
            // newline is at a '\n' or at the end.
            _pos = newline + 1;
            _line++;
            _lineStart = _pos;
        }

        public YamlMap? ReadDocument()
        {
            var entries = new List<KeyValuePair<YamlValue, YamlValue>>(12);
            Mark? start = null;
            while (_pos < _text.Length)
            {
                if (_text[_pos] == '\n')
                {
                    NextLine(_pos);
                    continue;
                }

                if (!IsKeyStart(_text[_pos]))
                {
                    return null;
                }

                var keyStart = _pos;
                var keyEnd = KeyEnd(keyStart);
                if (At(keyEnd) != ':')
                {
                    return null;
                }

                var key = Plain(keyStart, keyEnd);
                start ??= key.Start;
                YamlValue? value;
                var afterColon = keyEnd + 1;
                if (AtLineEnd(afterColon))
                {
                    NextLine(afterColon);
                    value = ReadBlockSequence();
                }
                else if (_text[afterColon] == ' ')
                {
                    var valueStart = SkipSpaces(afterColon);
                    if (AtLineEnd(valueStart))
                    {
                        return null;
                    }

                    var valueEnd = -1;
                    value = ReadInlineValue(valueStart, ref valueEnd);
                    if (value is null || !AtLineEnd(valueEnd))
                    {
                        return null;
                    }

                    NextLine(valueEnd);
                }
                else
                {
                    return null;
                }

                if (value is null || entries.Count == MaxKeys || HasKey(entries, key.Value))
                {
                    return null;
                }

                entries.Add(new(key, value));
            }

            // An empty block is left to the full parser (it is rare, and its root is a null scalar there).
            return start is { } mark ? new YamlMap(mark, [.. entries]) : null;
        }

        /// <summary>The <c>- item</c> lines that follow a <c>key:</c> line, at one indentation (0 allowed).</summary>
        private YamlList? ReadBlockSequence()
        {
            var indent = 0;
            while (At(_pos + indent) == ' ')
            {
                indent++;
            }

            var items = new List<YamlValue>(8);
            Mark? start = null;
            while (_pos < _text.Length)
            {
                var dash = _pos + indent;
                for (var i = _pos; i < dash; i++)
                {
                    if (At(i) != ' ')
                    {
                        return start is null ? null : End(items, start.Value, i);
                    }
                }

                if (At(dash) != '-' || At(dash + 1) != ' ')
                {
                    return start is null ? null : End(items, start.Value, dash);
                }

                start ??= MarkAt(dash);
                var itemStart = SkipSpaces(dash + 1);
                if (AtLineEnd(itemStart))
                {
                    return null;
                }

                var itemEnd = -1;
                var item = ReadInlineValue(itemStart, ref itemEnd);
                if (item is null || !AtLineEnd(itemEnd))
                {
                    return null;
                }

                items.Add(item);
                NextLine(itemEnd);
            }

            return start is null ? null : new YamlList(start.Value, [.. items]);
        }

        /// <summary>The list ends where a line stops being one of its items: only a new key at column 1 may follow.</summary>
        private readonly YamlList? End(List<YamlValue> items, Mark start, int stoppedAt) =>
            stoppedAt == _lineStart && (IsKeyStart(At(stoppedAt)) || At(stoppedAt) == '\n') ? new YamlList(start, [.. items]) : null;

        /// <summary>A scalar, flow list or flow map starting at <paramref name="start"/>; <paramref name="end"/> is just past it.</summary>
        private readonly YamlValue? ReadInlineValue(int start, ref int end) => At(start) switch
        {
            '"' or '\'' => ReadQuoted(start, ref end),
            '[' => ReadFlowSequence(start, ref end),
            '{' => ReadFlowMap(start, ref end),
            _ => ReadBlockPlain(start, ref end),
        };

        private readonly YamlScalar? ReadQuoted(int start, ref int end)
        {
            var quote = _text[start];
            var i = start + 1;
            while (i < _text.Length && _text[i] != quote)
            {
                if ((_text[i] != ' ' && !IsSafeText(_text[i])) || _text[i] == '\\')
                {
                    return null;
                }

                i++;
            }

            if (i >= _text.Length || At(i + 1) == quote)
            {
                return null;
            }

            end = i + 1;
            return new YamlScalar(MarkAt(start), new string(_text[(start + 1)..i]), quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, TagName.Empty);
        }

        /// <summary>
        /// A plain value to the end of its line. Declines a '#' anywhere (a comment, or not: the full parser decides),
        /// a ':' before a space or the end (a key), and a trailing space.
        /// </summary>
        private readonly YamlScalar? ReadBlockPlain(int start, ref int end)
        {
            if (!IsPlainStart(_text[start]))
            {
                return null;
            }

            var i = start;
            while (!AtLineEnd(i))
            {
                var c = _text[i];
                if (c == '#' || (c == ':' && (AtLineEnd(i + 1) || _text[i + 1] == ' ')) || (c != ' ' && !IsSafeText(c)))
                {
                    return null;
                }

                i++;
            }

            if (_text[i - 1] == ' ')
            {
                return null;
            }

            end = i;
            return Plain(start, i);
        }

        /// <summary><c>[a, "b", 'c']</c> on one line.</summary>
        private readonly YamlList? ReadFlowSequence(int start, ref int end)
        {
            var items = new List<YamlValue>(4);
            var i = SkipSpaces(start + 1);
            if (At(i) == ']')
            {
                end = i + 1;
                return new YamlList(MarkAt(start), []);
            }

            while (true)
            {
                var itemEnd = -1;
                var item = ReadFlowScalar(i, ref itemEnd);
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
                switch (AfterFlowItem(ref i, itemEnd, ']'))
                {
                    case FlowNext.Closed:
                        end = i;
                        return new YamlList(MarkAt(start), [.. items]);
                    case FlowNext.Broken:
                        return null;
                }
            }
        }

        /// <summary><c>{ key: "value", other: value }</c> on one line.</summary>
        private readonly YamlMap? ReadFlowMap(int start, ref int end)
        {
            var entries = new List<KeyValuePair<YamlValue, YamlValue>>(4);
            var i = SkipSpaces(start + 1);
            if (At(i) == '}')
            {
                end = i + 1;
                return new YamlMap(MarkAt(start), []);
            }

            while (true)
            {
                if (!IsKeyStart(At(i)))
                {
                    return null;
                }

                var keyEnd = KeyEnd(i);
                if (At(keyEnd) != ':' || At(keyEnd + 1) != ' ')
                {
                    return null;
                }

                var key = Plain(i, keyEnd);
                var valueEnd = -1;
                var value = ReadFlowScalar(SkipSpaces(keyEnd + 1), ref valueEnd);
                if (value is null || entries.Count == MaxKeys || HasKey(entries, key.Value))
                {
                    return null;
                }

                entries.Add(new(key, value));
                switch (AfterFlowItem(ref i, valueEnd, '}'))
                {
                    case FlowNext.Closed:
                        end = i;
                        return new YamlMap(MarkAt(start), [.. entries]);
                    case FlowNext.Broken:
                        return null;
                }
            }
        }

        /// <summary>
        /// What follows a flow collection's item that ends at <paramref name="itemEnd"/>: another item after a comma
        /// (<paramref name="i"/> at it), or <paramref name="close"/> (<paramref name="i"/> just past it), or anything else.
        /// </summary>
        private readonly FlowNext AfterFlowItem(ref int i, int itemEnd, char close)
        {
            i = SkipSpaces(itemEnd);
            if (At(i) == close)
            {
                i++;
                return FlowNext.Closed;
            }

            if (At(i) != ',')
            {
                return FlowNext.Broken;
            }

            i = SkipSpaces(i + 1);
            return FlowNext.Item;
        }

        /// <summary>A quoted scalar, or a plain one of letters, digits, spaces and <c>. _ - / +</c> inside a flow collection.</summary>
        private readonly YamlScalar? ReadFlowScalar(int start, ref int end)
        {
            var c = At(start);
            if (c is '"' or '\'')
            {
                return ReadQuoted(start, ref end);
            }

            if (!IsPlainStart(c))
            {
                return null;
            }

            var i = start;
            while (i < _text.Length && (IsFlowPlain(_text[i]) || _text[i] == ' '))
            {
                i++;
            }

            var last = i;
            while (_text[last - 1] == ' ')
            {
                last--;
            }

            end = last;
            return Plain(start, last);
        }

        private readonly int KeyEnd(int start)
        {
            var i = start;
            while (i < _text.Length && IsKeyPart(_text[i]))
            {
                i++;
            }

            return i;
        }

        private readonly int SkipSpaces(int i)
        {
            while (At(i) == ' ')
            {
                i++;
            }

            return i;
        }
    }

    private enum FlowNext
    {
        Item,
        Closed,
        Broken,
    }

    /// <summary>
    /// Keys per map: front matter has a dozen or two. A hostile block of 50,000 keys goes to the full parser, whose
    /// duplicate check hashes; the linear one here would be quadratic.
    /// </summary>
    internal const int MaxKeys = 64;

    private static bool HasKey(List<KeyValuePair<YamlValue, YamlValue>> entries, string key)
    {
        foreach (var entry in entries)
        {
            if (((YamlScalar)entry.Key).Value == key)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsKeyPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static bool IsPlainStart(char c) => char.IsAsciiLetterOrDigit(c) || (c >= '\u00A0' && IsSafeText(c));

    private static bool IsFlowPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+' || (c >= '\u00A0' && IsSafeText(c));

    /// <summary>
    /// Printable text with no second meaning anywhere in YAML: no control characters, no line or paragraph separators,
    /// no byte-order mark, no surrogates (a lone one is an error the full parser reports), and no space (callers
    /// allow it where it is plain).
    /// </summary>
    private static bool IsSafeText(char c) =>
        c is > ' ' and < '\u007F' || (c >= '\u00A0' && c is not ('\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF') && !char.IsSurrogate(c));
}
