using System.Text;
using System.Text.RegularExpressions;
using BzPeer.Import.Bibtex;
using BzPeer.Import.Json;
using BzPeer.Import.Planning;
using BzPeer.Import.Site;

namespace BzPeer.Import;

/// <summary>The arguments of <c>bzpeer import FORMAT FILE [SITE] [--dry-run] [--researcher ID]</c>.</summary>
/// <param name="Format">What the file is.</param>
/// <param name="FilePath">The file to import (absolute, or relative to the current directory).</param>
/// <param name="SiteDirectory">The site folder, holding <c>content/</c>.</param>
/// <param name="DryRun">Print the plan and write nothing.</param>
/// <param name="ResearcherId">The site researcher the file is about, or null.</param>
internal sealed record ImportRequest(ImportFormat Format, string FilePath, string SiteDirectory, bool DryRun = false, string? ResearcherId = null);

/// <summary>How an import went.</summary>
/// <param name="ExitCode">0 ok (warnings allowed), 1 some records had errors (the others were imported), 2 usage error (nothing read or written).</param>
/// <param name="NewFiles">Site-relative paths of the files written (or, in a dry run, that would be written), ordinal order.</param>
/// <param name="Diagnostics">Every problem, sorted by file, line, column (already printed; here for annotations).</param>
internal sealed record ImportResult(int ExitCode, IReadOnlyList<string> NewFiles, int Matched, int Skipped, int Errors, int Warnings,
    IReadOnlyList<ImportDiagnostic> Diagnostics)
{
    public static ImportResult Usage() => new(2, [], 0, 0, 0, 0, []);
}

/// <summary>
/// Runs an import: parse the file → index the site's content → plan (match, choose ids) → write the
/// new files. Existing files are never changed; a file is written only if no file of that name exists.
/// </summary>
internal static partial class ImportRunner
{
    /// <summary>"bibtex", "bib", "csl", "csl-json", "openalex", "orcid" (any case) → the format; null otherwise.</summary>
    public static ImportFormat? ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "bibtex" or "bib" => ImportFormat.Bibtex,
        "csl" or "csl-json" or "csljson" => ImportFormat.Csl,
        "openalex" => ImportFormat.OpenAlex,
        "orcid" => ImportFormat.Orcid,
        _ => null,
    };

    public static ImportResult Run(ImportRequest request, TextWriter output)
    {
        var usage = CheckUsage(request);
        if (usage is not null)
        {
            output.WriteLine($"error: {usage}");
            return ImportResult.Usage();
        }
        var fileName = Path.GetFileName(request.FilePath);
        string text;
        try
        {
            text = File.ReadAllText(request.FilePath, Encoding.UTF8);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"error: cannot read '{request.FilePath}': {error.Message}");
            return ImportResult.Usage();
        }
        var parsed = Parse(request.Format, text, fileName);

        var site = ExistingSiteReader.Read(request.SiteDirectory, out var siteProblems);
        if (request.ResearcherId is not null && parsed.Person is null && site.Researcher(request.ResearcherId) is null)
        {
            output.WriteLine($"error: --researcher {request.ResearcherId}: there is no content/researchers/{request.ResearcherId}.md in the site. " +
                "Create it first (bzpeer new researcher ID), or import the person's ORCID or OpenAlex author record with --researcher.");
            return ImportResult.Usage();
        }

        var plan = ImportPlanner.Plan(parsed, site, request.ResearcherId);
        var written = request.DryRun ? [] : Write(plan, request.SiteDirectory);
        Report(plan, request, written, output);
        if (siteProblems > 0)
        {
            output.WriteLine($"note: the site's existing content has {siteProblems} errors (not caused by this import); run 'bzpeer check' to see them");
        }

        var newFiles = plan.NewFiles.Select(i => i.RelativePath!).Order(StringComparer.Ordinal).ToList();
        return new ImportResult(plan.ErrorCount > 0 ? 1 : 0, newFiles, plan.Count(PlanAction.Matched), plan.Count(PlanAction.Skipped),
            plan.ErrorCount, plan.WarningCount, Sorted(plan.Diagnostics));
    }

    internal static ParsedImport Parse(ImportFormat format, string text, string fileName) => format switch
    {
        ImportFormat.Bibtex => BibtexImporter.Import(text, fileName),
        ImportFormat.Csl => CslImporter.Import(text, fileName),
        ImportFormat.OpenAlex => OpenAlexImporter.Import(text, fileName),
        ImportFormat.Orcid => OrcidImporter.Import(text, fileName),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown import format"),
    };

    private static string? CheckUsage(ImportRequest request)
    {
        if (!File.Exists(request.FilePath))
        {
            return $"the file to import, '{request.FilePath}', does not exist";
        }
        if (!Directory.Exists(request.SiteDirectory))
        {
            return $"the site folder '{request.SiteDirectory}' does not exist";
        }
        if (request.ResearcherId is not null && !IdPattern().IsMatch(request.ResearcherId))
        {
            return $"--researcher '{request.ResearcherId}' is not a researcher id (lowercase a-z, 0-9 and single hyphens, e.g. ada-lovelace)";
        }
        return null;
    }

    /// <summary>Writes each new file with CreateNew, so a file that appeared since planning is still never overwritten.</summary>
    private static List<string> Write(ImportPlan plan, string siteDirectory)
    {
        var written = new List<string>();
        foreach (var item in plan.NewFiles)
        {
            var path = Path.Combine(siteDirectory, item.RelativePath!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(item.Content!);
                stream.Write(bytes);
                written.Add(item.RelativePath!);
            }
            catch (IOException error) when (File.Exists(path))
            {
                plan.Diagnostics.Add(ImportDiagnostic.Error(ImportCodes.FileAppeared, item.RelativePath!, ImportPosition.Unknown,
                    $"the file appeared while importing and was left as it is ({error.Message}); run the import again"));
            }
        }
        return written;
    }

    private static void Report(ImportPlan plan, ImportRequest request, IReadOnlyList<string> written, TextWriter output)
    {
        var verb = request.DryRun ? "Plan (dry run, nothing written)" : "Import";
        output.WriteLine($"{verb}: {request.Format.ToString().ToLowerInvariant()} {Path.GetFileName(request.FilePath)} into {request.SiteDirectory}");
        foreach (var action in new[] { PlanAction.New, PlanAction.Matched, PlanAction.Skipped })
        {
            foreach (var item in plan.Items.Where(i => i.Action == action))
            {
                var what = action == PlanAction.New ? item.RelativePath : item.Id;
                output.WriteLine($"  {action.ToString().ToLowerInvariant(),-8} {item.Kind,-12} {what}  ({item.Label}; {item.Reason})");
            }
        }
        foreach (var diagnostic in Sorted(plan.Diagnostics))
        {
            output.WriteLine($"  {diagnostic}");
        }
        var newCount = plan.Count(PlanAction.New);
        var byKind = plan.NewFiles.GroupBy(i => i.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var kinds = newCount == 0 ? "" : $" ({string.Join(", ", byKind)})";
        output.WriteLine($"{newCount} new{kinds}, {plan.Count(PlanAction.Matched)} matched, " +
            $"{plan.Count(PlanAction.Skipped)} skipped, {plan.ErrorCount} errors, {plan.WarningCount} warnings" +
            (request.DryRun ? "; dry run: nothing written" : $"; {written.Count} files written"));
    }

    private static List<ImportDiagnostic> Sorted(IEnumerable<ImportDiagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal).ToList();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
