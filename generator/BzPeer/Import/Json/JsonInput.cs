using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BzPeer.Import.Json;

/// <summary>Parsing JSON import files and reading loosely typed values from them.</summary>
internal static class JsonInput
{
    /// <summary>Parses <paramref name="text"/>; a syntax error becomes a diagnostic at its 1-based line and column.</summary>
    public static JsonDocument? Parse(string text, string file, List<ImportDiagnostic> diagnostics)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException error)
        {
            var at = new ImportPosition((int)(error.LineNumber ?? -1) + 1, (int)(error.BytePositionInLine ?? -1) + 1);
            var message = error.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.JsonSyntax, file, at, $"the file is not valid JSON: {message}"));
            return null;
        }
    }

    /// <summary>The line and column where each element of the top-level array starts, for diagnostics about one item.</summary>
    public static IReadOnlyList<ImportPosition> TopLevelArrayItemPositions(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var offsets = new List<long>();
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject)
                {
                    offsets.Add(reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException)
        {
            // the syntax error is reported by Parse; positions up to it are still useful
        }
        return offsets.Select(o => PositionOf(bytes, (int)o)).ToList();
    }

    private static ImportPosition PositionOf(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new ImportPosition(line, Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1);
    }

    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Path(this JsonElement element, params string[] names)
    {
        JsonElement? current = element;
        foreach (var name in names)
        {
            current = current?.Get(name);
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>A string, a number as text, or the first string of an array (Crossref writes titles as arrays); blank → null.</summary>
    public static string? Text(this JsonElement? element)
    {
        if (element is not { } e)
        {
            return null;
        }
        var text = e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.Array => e.EnumerateArray().Select(x => ((JsonElement?)x).Text()).FirstOrDefault(x => x is not null),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static string? Text(this JsonElement element, params string[] path) => element.Path(path).Text();

    /// <summary>An integer written as a number or as a string of digits ("2017").</summary>
    public static int? Int(this JsonElement? element)
    {
        var text = element.Text();
        return text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public static IEnumerable<JsonElement> Items(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static IEnumerable<JsonElement> Items(this JsonElement element) => ((JsonElement?)element).Items();

    /// <summary>yyyy-MM-dd when all three parts make a real date.</summary>
    public static string? FullDate(int? year, int? month, int? day)
    {
        if (year is not { } y || month is not { } m || day is not { } d || y < 1 || y > 9999 || m is < 1 or > 12)
        {
            return null;
        }
        return d >= 1 && d <= DateTime.DaysInMonth(y, m) ? $"{y:D4}-{m:D2}-{d:D2}" : null;
    }
}
