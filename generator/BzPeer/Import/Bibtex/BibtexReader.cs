using System.Text;

namespace BzPeer.Import.Bibtex;

/// <summary>
/// Reads BibTeX syntax into <see cref="BibEntry"/> records: @string macros and '#' concatenation,
/// the predefined month macros, braced and quoted values with nested braces, @comment and @preamble,
/// '%' comments between fields and entries. A syntax error is reported at its line and column and
/// reading resumes at the next line that starts with '@', so one broken entry costs only itself.
/// </summary>
internal sealed class BibtexReader
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly string _text;
    private readonly string _file;
    private readonly LineMap _lines;
    private readonly BibFile _result = new();
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ImportPosition> _keys = new(StringComparer.OrdinalIgnoreCase);
    private int _pos;
    private char _close;

    private BibtexReader(string text, string file)
    {
        _text = text;
        _file = file;
        _lines = new LineMap(text);
        foreach (var name in MonthNames)
        {
            _macros[name[..3].ToLowerInvariant()] = name;
        }
    }

    public static BibFile Read(string text, string file)
    {
        var reader = new BibtexReader(text, file);
        reader.ReadAll();
        return reader._result;
    }

    private void ReadAll()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '@')
            {
                var start = _pos;
                try
                {
                    ReadBlock();
                }
                catch (BibSyntaxError error)
                {
                    _result.Diagnostics.Add(ImportDiagnostic.Error(ImportCodes.BibSyntax, _file, _lines.At(error.Offset), error.Message));
                    _pos = Math.Max(_pos, start + 1);
                    SkipToNextEntryLine();
                }
            }
            else if (c == '%')
            {
                SkipLine();
            }
            else
            {
                // Text between entries is a comment in BibTeX (al-folio even puts YAML front matter there).
                _pos++;
            }
        }
    }

    private void ReadBlock()
    {
        var start = _pos;
        _pos++; // '@'
        SkipSpace();
        var type = ReadIdentifier().ToLowerInvariant();
        if (type.Length == 0)
        {
            return; // an '@' in prose between entries, e.g. an e-mail address
        }
        SkipSpace();
        if (_pos >= _text.Length || (_text[_pos] != '{' && _text[_pos] != '('))
        {
            if (type == "comment" || !AtLineStart(start))
            {
                // "@comment text" or an '@' inside prose between entries (someone@example.org): not an entry.
                SkipLine();
                return;
            }
            throw new BibSyntaxError(_pos, $"expected '{{' after '@{type}'");
        }
        var open = _text[_pos];
        _close = open == '{' ? '}' : ')';
        switch (type)
        {
            case "comment":
                ReadBalanced(_pos, open, _close);
                _result.NonEntryBlocks++;
                return;
            case "preamble":
                _pos++;
                SkipSpaceAndComments();
                ReadValue();
                ExpectClose(start, "@preamble");
                _result.NonEntryBlocks++;
                return;
            case "string":
                _pos++;
                ReadStringDefinition(start);
                _result.NonEntryBlocks++;
                return;
            default:
                _pos++;
                ReadEntry(type, start);
                return;
        }
    }

    private void ReadStringDefinition(int start)
    {
        SkipSpaceAndComments();
        var nameAt = _pos;
        var name = ReadIdentifier();
        if (name.Length == 0)
        {
            throw new BibSyntaxError(nameAt, "expected a macro name after '@string{'");
        }
        SkipSpaceAndComments();
        Expect('=', $"expected '=' after the macro name '{name}'");
        SkipSpaceAndComments();
        _macros[name] = ReadValue();
        SkipSpaceAndComments();
        if (_pos < _text.Length && _text[_pos] == ',')
        {
            _pos++;
            SkipSpaceAndComments();
        }
        ExpectClose(start, "@string");
    }

    private void ReadEntry(string type, int start)
    {
        SkipSpaceAndComments();
        var keyAt = _pos;
        var keyBuilder = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != ',' && _text[_pos] != _close && !char.IsWhiteSpace(_text[_pos]))
        {
            if (_text[_pos] == '=' || _text[_pos] == '{' || _text[_pos] == '"')
            {
                throw new BibSyntaxError(keyAt, $"the @{type} entry has no citation key; write '@{type}{{key,' before its fields");
            }
            keyBuilder.Append(_text[_pos++]);
        }
        var key = keyBuilder.ToString();
        if (key.Length == 0)
        {
            throw new BibSyntaxError(keyAt, $"the @{type} entry has no citation key; write '@{type}{{key,' before its fields");
        }
        var entry = new BibEntry(type, key, _lines.At(start));
        SkipSpaceAndComments();
        if (_pos < _text.Length && _text[_pos] == '=')
        {
            throw new BibSyntaxError(keyAt, $"the @{type} entry has no citation key; write '@{type}{{key,' before its fields");
        }
        if (_pos < _text.Length && _text[_pos] == ',')
        {
            _pos++;
        }
        else if (_pos >= _text.Length || _text[_pos] != _close)
        {
            throw new BibSyntaxError(_pos, $"expected ',' after the citation key '{key}'");
        }
        while (true)
        {
            SkipSpaceAndComments();
            if (_pos >= _text.Length)
            {
                throw new BibSyntaxError(start, $"entry '{key}' is not closed: a '{_close}' is missing before the end of the file");
            }
            if (_text[_pos] == _close)
            {
                _pos++;
                break;
            }
            var nameAt = _pos;
            var name = ReadIdentifier();
            if (name.Length == 0)
            {
                throw new BibSyntaxError(nameAt, $"expected a field name in entry '{key}' but found '{Describe(_pos)}'");
            }
            SkipSpaceAndComments();
            Expect('=', $"expected '=' after the field name '{name}' in entry '{key}'");
            SkipSpaceAndComments();
            var value = ReadValue();
            var added = entry.TryAdd(new BibField(name.ToLowerInvariant(), value, _lines.At(nameAt)));
            if (!added)
            {
                _result.Diagnostics.Add(ImportDiagnostic.Warning(ImportCodes.BibDuplicateField, _file, _lines.At(nameAt),
                    $"entry '{key}' has a second '{name}' field; the first one is used"));
            }
            SkipSpaceAndComments();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                continue;
            }
            if (_pos < _text.Length && _text[_pos] == _close)
            {
                _pos++;
                break;
            }
            throw new BibSyntaxError(_pos,
                $"expected ',' or '{_close}' after the value of field '{name}' in entry '{key}' but found '{Describe(_pos)}'; is a comma missing?");
        }
        if (_keys.TryGetValue(key, out var first))
        {
            _result.Diagnostics.Add(ImportDiagnostic.Error(ImportCodes.DuplicateKey, _file, entry.Position,
                $"citation key '{key}' is already used at line {first.Line}; this entry was not imported (rename one of the keys)"));
            return;
        }
        _keys[key] = entry.Position;
        _result.Entries.Add(entry);
    }

    /// <summary>A value: pieces ({…}, "…", number, macro) joined by '#'.</summary>
    private string ReadValue()
    {
        var sb = new StringBuilder();
        while (true)
        {
            SkipSpaceAndComments();
            if (_pos >= _text.Length)
            {
                throw new BibSyntaxError(_pos, "expected a value before the end of the file");
            }
            var c = _text[_pos];
            if (c == '{')
            {
                var (contentStart, contentEnd) = ReadBalanced(_pos, '{', '}');
                sb.Append(_text, contentStart, contentEnd - contentStart);
            }
            else if (c == '"')
            {
                sb.Append(ReadQuoted());
            }
            else if (char.IsAsciiDigit(c))
            {
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    sb.Append(_text[_pos++]);
                }
            }
            else
            {
                var nameAt = _pos;
                var name = ReadIdentifier();
                if (name.Length == 0)
                {
                    throw new BibSyntaxError(_pos, $"expected a value ('{{…}}', '\"…\"', a number or a @string name) but found '{Describe(_pos)}'");
                }
                if (_macros.TryGetValue(name, out var expansion))
                {
                    sb.Append(expansion);
                }
                else
                {
                    _result.Diagnostics.Add(ImportDiagnostic.Warning(ImportCodes.BibUndefinedMacro, _file, _lines.At(nameAt),
                        $"'{name}' is not a @string macro defined above its use; it was read as empty (put the value in braces if it is text)"));
                }
            }
            SkipSpaceAndComments();
            if (_pos < _text.Length && _text[_pos] == '#')
            {
                _pos++;
                continue;
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// Reads from the opening delimiter at <paramref name="openAt"/> to its match; returns the content span.
    /// A line starting with '@type{' inside the value means a brace was never closed: reported at the opening brace,
    /// so the entries after it are still read.
    /// </summary>
    private (int Start, int End) ReadBalanced(int openAt, char open, char close)
    {
        var depth = 0;
        var i = openAt;
        for (; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\\' && i + 1 < _text.Length && (_text[i + 1] == '{' || _text[i + 1] == '}'))
            {
                i++;
                continue;
            }
            if (c == open)
            {
                depth++;
            }
            else if (c == close)
            {
                depth--;
                if (depth == 0)
                {
                    _pos = i + 1;
                    return (openAt + 1, i);
                }
            }
            else if (c == '\n' && LineStartsEntry(i + 1))
            {
                break;
            }
        }
        throw new BibSyntaxError(openAt, $"this '{open}' is never closed; add the missing '{close}'");
    }

    private string ReadQuoted()
    {
        var openAt = _pos;
        var depth = 0;
        for (var i = _pos + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\\' && i + 1 < _text.Length)
            {
                i++;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (c == '"' && depth == 0)
            {
                _pos = i + 1;
                return _text[(openAt + 1)..i];
            }
            else if (c == '\n' && LineStartsEntry(i + 1))
            {
                break;
            }
        }
        throw new BibSyntaxError(openAt, "this '\"' is never closed; add the missing '\"'");
    }

    private bool AtLineStart(int offset)
    {
        for (var i = offset - 1; i >= 0 && _text[i] != '\n'; i--)
        {
            if (_text[i] != ' ' && _text[i] != '\t')
            {
                return false;
            }
        }
        return true;
    }

    private bool LineStartsEntry(int lineStart)
    {
        var i = lineStart;
        while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t'))
        {
            i++;
        }
        if (i >= _text.Length || _text[i] != '@')
        {
            return false;
        }
        i++;
        var nameStart = i;
        while (i < _text.Length && char.IsAsciiLetter(_text[i]))
        {
            i++;
        }
        while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t'))
        {
            i++;
        }
        return i > nameStart && i < _text.Length && (_text[i] == '{' || _text[i] == '(');
    }

    private void ExpectClose(int start, string what)
    {
        SkipSpaceAndComments();
        if (_pos >= _text.Length || _text[_pos] != _close)
        {
            throw new BibSyntaxError(_pos >= _text.Length ? start : _pos, $"expected '{_close}' to close {what}");
        }
        _pos++;
    }

    private void Expect(char c, string message)
    {
        if (_pos >= _text.Length || _text[_pos] != c)
        {
            throw new BibSyntaxError(_pos, message + $" but found '{Describe(_pos)}'");
        }
        _pos++;
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && IsIdentifierChar(_text[_pos]))
        {
            _pos++;
        }
        return _text[start.._pos];
    }

    private static bool IsIdentifierChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('"' or '#' or '%' or '\'' or '(' or ')' or ',' or '=' or '{' or '}' or '@');

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private void SkipSpaceAndComments()
    {
        while (_pos < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
            else if (_text[_pos] == '%')
            {
                SkipLine();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipLine()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            _pos++;
        }
    }

    private void SkipToNextEntryLine()
    {
        while (_pos < _text.Length)
        {
            var newline = _text.IndexOf('\n', _pos);
            if (newline < 0)
            {
                _pos = _text.Length;
                return;
            }
            _pos = newline + 1;
            var i = _pos;
            while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t'))
            {
                i++;
            }
            if (i < _text.Length && _text[i] == '@')
            {
                _pos = i;
                return;
            }
        }
    }

    private string Describe(int at)
    {
        if (at >= _text.Length)
        {
            return "end of file";
        }
        var end = at;
        while (end < _text.Length && end - at < 12 && !char.IsWhiteSpace(_text[end]))
        {
            end++;
        }
        return end == at ? _text[at] switch { '\n' or '\r' => "end of line", _ => "space" } : _text[at..end];
    }

    private sealed class BibSyntaxError(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
