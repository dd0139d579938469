namespace BzPeer.Import.Planning;

/// <summary>What happens to one record of the imported file.</summary>
internal enum PlanAction
{
    /// <summary>A new content file will be written.</summary>
    New,

    /// <summary>The site already has it; its file is left exactly as it is.</summary>
    Matched,

    /// <summary>The imported file lists it twice; the second one is not imported.</summary>
    Skipped,
}

/// <summary>One line of the plan. <see cref="Kind"/> is researcher, publication, topic or institution.</summary>
/// <param name="Content">The file's text, for <see cref="PlanAction.New"/> only.</param>
internal sealed record PlanItem(PlanAction Action, string Kind, string Id, string Label, string Reason, string? RelativePath = null, string? Content = null);

/// <summary>The import's plan: every record with what will happen to it, and every problem found.</summary>
internal sealed class ImportPlan
{
    public List<PlanItem> Items { get; } = [];

    public List<ImportDiagnostic> Diagnostics { get; } = [];

    public IEnumerable<PlanItem> NewFiles => Items.Where(i => i.Action == PlanAction.New);

    public int Count(PlanAction action) => Items.Count(i => i.Action == action);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
