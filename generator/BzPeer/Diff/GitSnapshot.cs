using System.Diagnostics;
using System.Formats.Tar;

namespace BzPeer.Diff;

/// <summary>
/// The site.yml and content/ of a site as they were at a git ref, extracted with <c>git archive</c> into a
/// temporary folder (deleted on dispose). The site may be a sub-folder of the repository.
/// </summary>
public sealed class GitSnapshot : IDisposable
{
    private GitSnapshot(string root, string siteDirectory)
    {
        Root = root;
        SiteDirectory = siteDirectory;
    }

    private string Root { get; }

    /// <summary>The extracted site folder, for <see cref="SiteBuilder.Check"/>.</summary>
    public string SiteDirectory { get; }

    /// <summary>Extracts the site at <paramref name="gitRef"/>; null with <paramref name="error"/> set when git fails.</summary>
    public static GitSnapshot? Create(string siteDirectory, string gitRef, out string? error)
    {
        var site = Path.GetFullPath(siteDirectory);
        if (gitRef.StartsWith('-'))
        {
            error = $"'{gitRef}' is not a git ref.";
            return null;
        }

        var prefix = RunText(site, ["rev-parse", "--show-prefix"], out error);
        if (prefix is null)
        {
            return null;
        }

        prefix = prefix.Trim();
        var root = Path.Combine(Path.GetTempPath(), "bzpeer-diff-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var snapshot = new GitSnapshot(root, Path.Combine(root, prefix));
        // ':(top)' pathspecs are relative to the repository root whatever the current folder.
        var ok = Archive(site, gitRef, [$"{prefix}site.yml", $"{prefix}content"], root, out error)
            || Archive(site, gitRef, [$"{prefix}site.yml"], root, out error);
        if (!ok)
        {
            snapshot.Dispose();
            return null;
        }

        Directory.CreateDirectory(snapshot.SiteDirectory);
        return snapshot;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private static bool Archive(string workingDirectory, string gitRef, string[] paths, string destination, out string? error)
    {
        var start = Start(workingDirectory, ["archive", "--format=tar", gitRef, "--", .. paths.Select(p => $":(top){p}")]);
        using var process = Process.Start(start);
        if (process is null)
        {
            error = "Could not start git.";
            return false;
        }

        var stderr = process.StandardError.ReadToEndAsync();
        using (var buffer = new MemoryStream())
        {
            process.StandardOutput.BaseStream.CopyTo(buffer);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error = $"git archive {gitRef} failed: {stderr.Result.Trim()}";
                return false;
            }

            buffer.Position = 0;
            TarFile.ExtractToDirectory(buffer, destination, overwriteFiles: true);
        }

        error = null;
        return true;
    }

    private static string? RunText(string workingDirectory, string[] args, out string? error)
    {
        using var process = Process.Start(Start(workingDirectory, args));
        if (process is null)
        {
            error = "Could not start git.";
            return null;
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            error = $"git {args[0]} failed: {stderr.Result.Trim()}";
            return null;
        }

        error = null;
        return output;
    }

    private static ProcessStartInfo Start(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
