using System.Collections.Concurrent;
using BzPeer.Diagnostics;
using BzPeer.Output;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BzPeer.Rendering;

/// <summary>
/// Scriban, configured in one place. Templates are looked up in the site's <c>templates/</c> first, then in
/// the built-in ones (file by file; <c>builtin:NAME</c> always reaches the built-in copy so an override can
/// wrap it). Safe defaults: every printed value is HTML-escaped (<see cref="HtmlTemplateContext"/>),
/// StrictVariables is on so a typo fails the build, member access is not relaxed, and loops are bounded.
/// </summary>
internal sealed class TemplateEngine
{
    private const string BuiltinPrefix = "builtin:";
    // A page buffer starts this size, which most pages fit; it grows as needed (an index of 50,000 works: 33 MB).
    private const int OutputBufferBytes = 32 * 1024;
    private const int LayoutAllowanceBytes = 16 * 1024;
    private readonly ThreadLocal<HtmlTemplateContext?> _contexts = new();
    private readonly ThreadLocal<PageBuffer?> _bodies = new();
    private readonly ThreadLocal<PageBuffer?> _pageBuffers = new();
    private readonly ConcurrentDictionary<string, Template?> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);
    private readonly IncludeCache _includes = new();
    private readonly DiagnosticBag _diagnostics;
    private readonly TemplateLoader _loader;

    public TemplateEngine(string siteDirectory, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _loader = new TemplateLoader(Path.Combine(siteDirectory, "templates"), BuiltinTemplatesDirectory);
    }

    /// <summary>The built-in templates, shipped next to the assembly (and inside the dotnet tool).</summary>
    public static string BuiltinTemplatesDirectory => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>
    /// Drops every <c>include_cached</c> result: serve calls this when it swaps an edited record in, since a cached
    /// partial may show it. A build makes a new engine, so it starts empty.
    /// </summary>
    public void ForgetCachedIncludes() => _includes.Clear();

    /// <summary>An engine with every template parsed (<see cref="Validate"/>); null after reporting when one does not parse.</summary>
    public static TemplateEngine? Validated(string siteDirectory, DiagnosticBag diagnostics)
    {
        var engine = new TemplateEngine(siteDirectory, diagnostics);
        return engine.Validate() ? engine : null;
    }

    /// <summary>Parses every template once, up front, so syntax errors are reported once with their position.</summary>
    public bool Validate()
    {
        var ok = true;
        foreach (var (name, path, display) in _loader.AllTemplates())
        {
            var template = Parse(path, display);
            ok &= template is not null;
            _pages.TryAdd(name, template);
        }

        return ok;
    }

    /// <summary>
    /// Renders a page template, then its layout around it, to UTF-8 in a pooled array; null after reporting an
    /// error. The body is handed to the layout as <see cref="RawHtml"/> over the body's buffer, not as a string
    /// (<see cref="PageBuffer"/>).
    /// </summary>
    /// <param name="expectedBodyBytes">About how large the body will be (0: unknown); see <see cref="PlannedPage.ExpectedBytes"/>.</param>
    public FileBytes? RenderPage(string template, object model, string layout, Func<RawHtml, object> layoutModel, int expectedBodyBytes = 0)
    {
        // Two buffers per thread, emptied before each render so a failed one leaves nothing. The body buffer is
        // reused; the page buffer's array leaves with the page and the buffer rents another for the next one.
        var body = _bodies.Value ??= new PageBuffer(OutputBufferBytes);
        var page = _pageBuffers.Value ??= new PageBuffer(OutputBufferBytes);
        body.Clear();
        page.Clear();
        body.Reserve(expectedBodyBytes);
        if (!RenderInto(template, model, body))
        {
            return null;
        }

        // The layout adds a few KB around the body: size its buffer once rather than growing it through the body.
        page.Reserve(body.Utf8.Length + LayoutAllowanceBytes);
        return RenderInto(layout, layoutModel(new RawHtml(body)), page) ? page.Detach() : (FileBytes?)null;
    }

    /// <summary>
    /// Renders template <paramref name="name"/> with <paramref name="model"/>'s members as globals into
    /// <paramref name="output"/>; false after reporting an error.
    /// </summary>
    private bool RenderInto(string name, object model, IScriptOutput output)
    {
        var template = Find(name);
        if (template is null)
        {
            Report(DiagnosticCodes.TemplateNotFound, SourceLocation.File($"templates/{name}"), $"The template '{name}' does not exist.",
                "Add it to the site's templates/ folder or fix the name.");
            return false;
        }

        var context = _contexts.Value ??= NewContext();
        var globals = ModelGlobals.Of(model, context.MemberRenamer);
        context.PushGlobal(globals);
        context.PushOutput(output);
        try
        {
            // Scriban returns the output's text; a PageBuffer's is empty, its text stays in the buffer.
            template.Render(context);
            return true;
        }
        catch (ScriptRuntimeException e)
        {
            var span = e.Span;
            Report(DiagnosticCodes.TemplateRuntime, SourceLocation.FromZeroBased(_loader.Display(span.FileName), span.Start.Line, span.Start.Column),
                e.OriginalMessage, "Check the variable and member names against docs/templates.md.");
            _contexts.Value = null;
            return false;
        }
        finally
        {
            if (_contexts.Value == context)
            {
                context.PopOutput();
                context.PopGlobal();
            }
        }
    }

    /// <summary>A template by name, parsed once per engine; null when it does not exist or does not parse.</summary>
    private Template? Find(string name) =>
        _pages.GetOrAdd(name, n => _loader.Resolve(n) is { } found ? Parse(found.Path, found.Display) : null);

    private HtmlTemplateContext NewContext()
    {
        var context = new HtmlTemplateContext
        {
            TemplateLoader = _loader,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            LoopLimit = 1_000_000,
            RecursiveLimit = 64,
            NewLine = "\n",
            // Scriban caps a render's total output at 1 Mi characters by default and stops writing past it; index
            // pages of large sites are bigger than that. Output is bounded by the content, so no cap here.
            OutputLimit = 0,
        };

        // include is overridden so that what it renders (already escaped) is not escaped a second time, and is
        // written in place rather than captured into a string first.
        var include = new InPlaceIncludeFunction(this);
        var functions = new ScriptObject
        {
            { "include", include },
            { "include_cached", new CachedIncludeFunction(include, _includes) },
        };
        context.PushGlobal(functions);
        return context;
    }

    private Template? Parse(string path, string display)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(DiagnosticCodes.TemplateNotFound, SourceLocation.File(display), $"The template cannot be read: {e.Message}");
            return null;
        }

        var template = Template.Parse(text, path);
        if (!template.HasErrors)
        {
            return template;
        }

        foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
        {
            Report(DiagnosticCodes.TemplateSyntax, SourceLocation.FromZeroBased(display, message.Span.Start.Line, message.Span.Start.Column),
                message.Message, "Fix the template syntax (see https://github.com/scriban/scriban/blob/master/doc/language.md).");
        }

        return null;
    }

    /// <summary>A broken template fails on every page; say so once.</summary>
    private void Report(string code, SourceLocation at, string message, string? hint = null)
    {
        if (_reported.TryAdd($"{code}|{at}|{message}", true))
        {
            _diagnostics.Error(code, at, message, hint);
        }
    }

    /// <summary>Layered lookup: the site's templates/ over the built-in ones; names never leave their root.</summary>
    private sealed class TemplateLoader(string siteRoot, string builtinRoot) : ITemplateLoader
    {
        public (string Path, string Display)? Resolve(string name)
        {
            var builtinOnly = name.StartsWith(BuiltinPrefix, StringComparison.Ordinal);
            var relative = builtinOnly ? name[BuiltinPrefix.Length..] : name;
            if (!IsSafeName(relative))
            {
                return null;
            }

            if (!builtinOnly)
            {
                var site = Path.Combine(siteRoot, relative);
                if (File.Exists(site))
                {
                    return (site, $"templates/{relative}");
                }
            }

            var builtin = Path.Combine(builtinRoot, relative);
            return File.Exists(builtin) ? (builtin, $"(built-in) templates/{relative}") : null;
        }

        public IEnumerable<(string Name, string Path, string Display)> AllTemplates()
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var root in new[] { siteRoot, builtinRoot })
            {
                if (Directory.Exists(root))
                {
                    foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories))
                    {
                        names.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
                    }
                }
            }

            foreach (var name in names)
            {
                if (Resolve(name) is { } found)
                {
                    yield return (name, found.Path, found.Display);
                }
            }
        }

        public string Display(string? fullPath)
        {
            if (fullPath is null)
            {
                return "templates";
            }

            foreach (var (root, prefix) in new[] { (siteRoot, "templates/"), (builtinRoot, "(built-in) templates/") })
            {
                if (fullPath.StartsWith(root, StringComparison.Ordinal))
                {
                    return prefix + Path.GetRelativePath(root, fullPath).Replace('\\', '/');
                }
            }

            return fullPath;
        }

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            Resolve(templateName)?.Path ?? throw new ScriptRuntimeException(callerSpan, $"The template '{templateName}' does not exist (templates may not leave the templates folder).");

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            File.ReadAllText(templatePath).Replace("\r\n", "\n", StringComparison.Ordinal);

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

        private static bool IsSafeName(string name) =>
            name.Length > 0 && !Path.IsPathRooted(name) && !name.Contains('\\') && !name.Split('/').Any(part => part is ".." or "." or "");
    }

    /// <summary>
    /// Scriban's include, evaluated straight into the current output: Scriban's own renders the partial into a
    /// fresh buffer and returns a string that would then be escaped and copied again. List pages include a partial
    /// per item, so this is most of a page's work. Like Scriban's, it opens a local scope, sets the positional
    /// arguments (<c>$1</c>…) and counts toward the recursion limit; it returns nothing, so <c>x = include …</c>
    /// is not supported (use <c>capture</c>).
    /// </summary>
    internal sealed class InPlaceIncludeFunction(TemplateEngine engine) : IncludeFunctionBase("args")
    {
        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            var name = arguments.Count > 0 ? context.ObjectToString(arguments[0]) : null;
            if (string.IsNullOrEmpty(name))
            {
                throw new ScriptRuntimeException(span, "include needs the name of a template.");
            }

            var template = engine.Find(name)
                ?? throw new ScriptRuntimeException(span, $"The template '{name}' does not exist or does not parse (templates may not leave the templates folder).");
            if (template.Page is not { } page)
            {
                return null; // an empty file
            }

            context.EnterRecursive(callerContext);
            context.PushLocal();
            context.PushSourceFile(template.SourceFilePath ?? name);
            try
            {
                context.SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
                if (context.Evaluate(page) is { } result)
                {
                    context.Write(page.Span, result);
                }
            }
            finally
            {
                context.PopSourceFile();
                context.PopLocal();
                context.ExitRecursive(callerContext);
            }

            return null;
        }
    }
}
