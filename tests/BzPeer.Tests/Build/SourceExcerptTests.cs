using BzPeer.Diagnostics;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Build;

/// <summary>A build lets go of the source text it no longer needs, but keeps the lines its warnings point at.</summary>
public sealed class SourceExcerptTests
{
    [Fact]
    public void A_warning_keeps_its_excerpt_and_the_other_files_text_is_released()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada Lovelace
            ---
            -- content/publications/twice.md --
            ---
            title: Twice
            year: 2020
            authors:
              - ada
              - ada
            ---
            -- content/publications/once.md --
            ---
            title: Once
            year: 2021
            authors: [ada]
            ---
            """);

        var result = site.Build();

        Assert.True(result.Written);
        var warning = TestSite.Single(result, DiagnosticCodes.DuplicateAuthor);
        Assert.Equal("content/publications/twice.md", warning.Location.Path);
        Assert.Equal("  - ada", result.SourceLine(warning.Location.Path, warning.Location.Line));
        Assert.Contains("ada", DiagnosticFormatter.ForConsole(warning, result.SourceLine).Split('\n')[1]);
        Assert.Equal(["content/publications/twice.md"], result.Content!.Documents.Keys);
    }
}
