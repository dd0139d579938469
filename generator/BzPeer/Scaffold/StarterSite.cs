namespace BzPeer.Scaffold;

/// <summary>
/// The files of the starter site written by <c>bzpeer new site</c>: a commented site.yml, one record of each kind,
/// GitHub workflows to publish and to check pull requests, a guide for data contributors and a .gitignore.
/// Kept as text here (not copied from the demo) so the starter stays small and every line is explained.
/// </summary>
internal static class StarterSite
{
    public static IReadOnlyList<(string Path, string Text)> Files { get; } =
    [
        ("site.yml", SiteYml),
        (".gitignore", "# The built site: bzpeer build writes it, GitHub Actions publishes it.\n_site/\n"),
        ("content/researchers/ada-example.yml", RecordTemplates.Researcher("ada-example", "Ada Example",
            summary: "Studies research graphs; replace this record with your own.", affiliation: "example-university", body: "A short biography, in Markdown.")),
        ("content/publications/graphs-of-research-2025.yml", RecordTemplates.Publication("graphs-of-research-2025", "Graphs of Research",
            year: 2025, authors: ["ada-example", "Grace Outside"], topic: "research-graphs", body: "The abstract, in Markdown.")),
        ("content/topics/research-graphs.md", TopicMd),
        ("content/institutions/example-university.md", InstitutionMd),
        (".github/workflows/pages.yml", PagesWorkflow),
        (".github/workflows/check.yml", CheckWorkflow),
        ("CONTRIBUTING.md", Contributing),
    ];

    private const string SiteYml = """
        # site.yml: the settings of this BzPeer site. Every key is optional; unknown keys are
        # errors (put your own data under 'extra:'). Check with: bzpeer check

        # The site's name, shown in the header and the browser tab.
        title: My research group
        # One sentence for search engines and link previews.
        description: Researcher profiles and a research graph, built with BzPeer.
        # The absolute URL the site is served from, ending in '/'. A sub-path works
        # (https://USER.github.io/REPO/). The Pages workflow overrides it with --base-url.
        base_url: https://example.github.io/research/
        # The repository holding this folder: enables "edit / claim this record" links.
        # Delete the line if the site has no public repository.
        repo: https://github.com/example/research
        # The branch those links point at.
        branch: main
        # The language of the pages (the HTML lang attribute).
        language: en
        # Two researchers are "close collaborators" when they share at least this many publications.
        close_collaborator_min_shared: 2

        # The research graph explorer.
        graph:
          # How many hops around a profile its graph slice shows (1-5).
          slice_radius: 2
          # The most nodes in one slice (2-5000); the nearest are kept.
          slice_max_nodes: 150
          # Publications with more authors than this get no co-author edges (avoids hairballs).
          max_authors_for_coauthor_edges: 100

        # The trust score (0-100) shown on profiles: a weighted sum, documented on the site.
        # The values below are the defaults.
        trust:
          weights:
            verification: 10        # per verification level (persistent ids such as ORCID)
            works: 1                 # per publication, up to caps.works
            close_collaborators: 1   # per close collaborator, up to caps.close_collaborators
            followers: 0.2           # per follower, up to caps.followers
            completeness: 20         # for a complete profile (summary, affiliation, links)
          caps:
            works: 25
            close_collaborators: 15
            followers: 50
          # Tier names by minimum score; the first starts at 0, in increasing order.
          tiers:
            - { name: Emerging, min: 0 }
            - { name: Established, min: 35 }
            - { name: Recognised, min: 60 }
            - { name: Trusted, min: 80 }

        # Free-form data for your own templates (templates/ overrides the built-in ones file by file).
        extra: {}

        """;

    private const string TopicMd = """
        ---
        # A topic: publications list its id under 'topics:'.
        name: Research graphs
        ---
        What this topic covers, in Markdown.

        """;

    private const string InstitutionMd = """
        ---
        # An institution: researchers list its id under 'affiliations:'.
        name: Example University
        country: GB
        url: https://www.example.org/
        ---
        A short description, in Markdown.

        """;

    private const string PagesWorkflow = """
        # Builds the site with BzPeer and publishes it to GitHub Pages on every push to main.
        # Enable it once: Settings > Pages > Build and deployment > Source: GitHub Actions.
        name: Publish site

        on:
          push:
            branches: [main]
          workflow_dispatch:

        # Least privilege: the build only reads the repository; only the deploy job may write to Pages.
        permissions:
          contents: read

        # One deployment at a time; a newer push does not cancel one already deploying.
        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: '10.0.x'
              - name: Install BzPeer
                run: dotnet tool install --global BzPeer.Tool
              - id: pages
                uses: actions/configure-pages@v5
              - name: Build
                env:
                  GITHUB_ACTIONS: 'true'
                run: bzpeer build --base-url "${{ steps.pages.outputs.base_url }}/"
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: _site

          deploy:
            needs: build
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """;

    private const string CheckWorkflow = """
        # Checks every pull request: errors and warnings show up as annotations on the changed lines,
        # and a summary of what the pull request changes in the site goes to the job summary.
        name: Check

        # 'pull_request' runs the contributor's changes without access to secrets or write tokens.
        # Never use 'pull_request_target' here: it would run untrusted content with write access.
        on:
          pull_request:

        permissions:
          contents: read

        jobs:
          check:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0   # the full history, so 'bzpeer diff' can compare with the base branch
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: '10.0.x'
              - name: Install BzPeer
                run: dotnet tool install --global BzPeer.Tool
              - name: Check
                env:
                  GITHUB_ACTIONS: 'true'
                run: bzpeer check
              - name: Summarise the changes
                if: always()
                env:
                  BASE_REF: ${{ github.base_ref }}
                run: |
                  # 'bzpeer diff' needs a BzPeer that has it; older versions skip this step quietly.
                  if bzpeer diff --help >/dev/null 2>&1; then
                    {
                      echo '## Changes to the site'
                      echo
                      bzpeer diff --base "origin/$BASE_REF"
                    } >> "$GITHUB_STEP_SUMMARY"
                  fi

        """;

    private const string Contributing = """
        # Contributing records

        This repository is a BzPeer site: every researcher, publication, topic and institution is a small
        text file under `content/`. Changes arrive as pull requests; a check runs on each one, and a
        maintainer reviews it before it is merged and published.

        ## Add yourself

        1. Pick an id: your name in lowercase, words joined by single hyphens (`ada-lovelace`).
        2. Create `content/researchers/ID.yml` — with BzPeer installed, `bzpeer new researcher ID` writes a
           commented file to fill in. Editors with the YAML language server (VS Code's YAML extension)
           read the `# yaml-language-server: $schema=...` line at the top and complete and check the keys.
        3. Fill in at least `name`; add `summary`, `affiliations` (institution ids from
           `content/institutions/`), `orcid` and `links` as you like.

        ## Add a publication

        Run `bzpeer new publication ID` (an id such as `graphs-of-research-2025`), or copy an existing
        file in `content/publications/`. `title` and `year` are required. List `authors` in order: a
        researcher's id links to their profile, a plain name is shown as text. Add `topics` (ids from
        `content/topics/`) and `ids` (`doi`, `arxiv`) when you have them.

        ## Claim a record

        If a profile about you already exists (for example, imported from a bibliography), open a pull
        request that sets `claimed: true` in `content/researchers/ID.yml` (or `.md`) and corrects anything
        you like. Add your ORCID: it lets the reviewer confirm the record is yours. A "claim this record"
        link on each profile opens the file for editing on GitHub.

        ## What reviewers check

        - The `Check` workflow passes: no errors (warnings are shown on the changed lines).
        - A claim comes from the person: the pull request author matches the ORCID, homepage or other links.
        - Facts are public and correct: publications exist (a DOI or arXiv id helps), affiliations are current.
        - Nothing private: contact details only when you want them shown (`open_to_collaborate` and `contact`).
        - One person or one publication per file, with an id that matches the name.

        ## Check locally

        With the .NET 10 SDK:

        ```sh
        dotnet tool install --global BzPeer.Tool
        bzpeer check          # validates site.yml and every record; exit code 0 means all is well
        bzpeer serve          # previews the site at http://127.0.0.1:4000/ with live reload
        ```

        Every problem is reported with its file, line and column and what to do about it.

        """;
}
