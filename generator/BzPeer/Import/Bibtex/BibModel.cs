namespace BzPeer.Import.Bibtex;

/// <summary>One <c>name = value</c> pair; <see cref="Raw"/> is LaTeX with macros expanded and pieces concatenated.</summary>
internal sealed record BibField(string Name, string Raw, ImportPosition Position);

/// <summary>A BibTeX entry as written: type and field names lower-cased, values still LaTeX.</summary>
internal sealed class BibEntry(string type, string key, ImportPosition position)
{
    private readonly Dictionary<string, BibField> _fields = new(StringComparer.OrdinalIgnoreCase);

    public string Type { get; } = type;

    public string Key { get; } = key;

    public ImportPosition Position { get; } = position;

    public IEnumerable<BibField> Fields => _fields.Values;

    /// <summary>Adds a field; false when the entry already has one of that name (the first wins, as in BibTeX).</summary>
    public bool TryAdd(BibField field) => _fields.TryAdd(field.Name, field);

    public string? this[string name] => _fields.TryGetValue(name, out var field) ? field.Raw : null;

    public BibField? Field(string name) => _fields.GetValueOrDefault(name);
}

/// <summary>What the BibTeX reader found: entries in file order, and the problems, each at its line and column.</summary>
internal sealed class BibFile
{
    public List<BibEntry> Entries { get; } = [];

    public List<ImportDiagnostic> Diagnostics { get; } = [];

    /// <summary>@string, @preamble and @comment blocks, which hold no publication.</summary>
    public int NonEntryBlocks { get; set; }
}
