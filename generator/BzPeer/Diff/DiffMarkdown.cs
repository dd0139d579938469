using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BzPeer.Model;

namespace BzPeer.Diff;

/// <summary>Writes a <see cref="SiteDiffResult"/> as Markdown ready to post as a pull-request comment.</summary>
public static class DiffMarkdown
{
    public const int DefaultListLimit = 10;

    public static string Write(SiteDiffResult diff, int listLimit = DefaultListLimit)
    {
        var md = new StringBuilder();
        md.Append("## BzPeer content diff\n\n");
        if (diff.IsEmpty)
        {
            md.Append("No changes to records, edges or derived figures.\n");
            return md.ToString();
        }

        md.Append("| Records | Added | Removed | Changed |\n|---|---:|---:|---:|\n");
        foreach (var kind in diff.Entities)
        {
            md.Append(Invariant($"| {Title(kind.Kind)} | {kind.Added.Count} | {kind.Removed.Count} | {kind.Changed.Count} |\n"));
        }

        foreach (var kind in diff.Entities.Where(k => !k.IsEmpty))
        {
            md.Append(Invariant($"\n### {Title(kind.Kind)}\n\n"));
            List("Added", kind.Added, e => Entity(e), md, listLimit);
            List("Removed", kind.Removed, e => Entity(e), md, listLimit);
            List("Changed", kind.Changed, c => $"{Entity(c.After)}: {string.Join(", ", c.Fields.Select(f => $"`{f}`"))}", md, listLimit);
        }

        if (diff.Edges.Any(e => !e.IsEmpty))
        {
            md.Append("\n### Edges\n\n| Kind | Added | Removed | Weight changed |\n|---|---:|---:|---:|\n");
            foreach (var kind in diff.Edges)
            {
                md.Append(Invariant($"| {Name(kind.Kind)} | {kind.Added.Count} | {kind.Removed.Count} | {kind.Reweighted} |\n"));
            }

            foreach (var kind in diff.Edges.Where(e => e.Added.Count + e.Removed.Count > 0))
            {
                md.Append(Invariant($"\n#### {Name(kind.Kind)}\n\n"));
                List("Added", kind.Added, Edge, md, listLimit);
                List("Removed", kind.Removed, Edge, md, listLimit);
            }
        }

        if (diff.Figures.Count > 0)
        {
            md.Append("\n### Derived figures\n\n| Researcher | Figure | Before | After |\n|---|---|---:|---:|\n");
            foreach (var change in diff.Figures)
            {
                md.Append($"| {MarkdownText.Escape(change.ResearcherName)} ({MarkdownText.Code(change.ResearcherId)}) | {change.Figure} | {MarkdownText.Escape(change.Before)} | {MarkdownText.Escape(change.After)} |\n");
            }
        }

        // Sections each open with a blank line; collapse the doubled ones where a list already ended with one.
        return Regex.Replace(md.ToString(), "\n{3,}", "\n\n").TrimEnd('\n') + "\n";
    }

    private static void List<T>(string label, IReadOnlyList<T> items, Func<T, string> line, StringBuilder md, int limit)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.Append(Invariant($"**{label}** ({items.Count})\n\n"));
        foreach (var item in items.Take(limit))
        {
            md.Append("- ").Append(line(item)).Append('\n');
        }

        if (items.Count > limit)
        {
            md.Append(Invariant($"- … and {items.Count - limit} more\n"));
        }

        md.Append('\n');
    }

    private static string Entity(Entity entity) => $"{MarkdownText.Escape(entity.Name)} ({MarkdownText.Code(entity.Id)})";

    private static string Edge(EdgeRef edge)
    {
        var weight = edge.Kind == EdgeKind.Coauthor ? Invariant($" (weight {edge.Weight})") : "";
        return $"{MarkdownText.Code(edge.From)} {MarkdownText.Escape(edge.FromName)} → {MarkdownText.Code(edge.To)} {MarkdownText.Escape(edge.ToName)}{weight}";
    }

    private static string Title(NodeKind kind) => kind switch
    {
        NodeKind.Researcher => "Researchers",
        NodeKind.Publication => "Works",
        NodeKind.Topic => "Topics",
        NodeKind.Institution => "Institutions",
        _ => "External authors",
    };

    private static string Name(EdgeKind kind) => kind.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
