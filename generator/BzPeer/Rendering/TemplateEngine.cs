using System.Collections.Concurrent;
using BzPeer.Diagnostics;
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
    private readonly ThreadLocal<HtmlTemplateContext?> _contexts = new();
    private readonly ConcurrentDictionary<string, Template?> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;
    private readonly TemplateLoader _loader;

    public TemplateEngine(string siteDirectory, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _loader = new TemplateLoader(Path.Combine(siteDirectory, "templates"), BuiltinTemplatesDirectory);
    }

    /// <summary>The built-in templates, shipped next to the assembly (and inside the dotnet tool).</summary>
    public static string BuiltinTemplatesDirectory => Path.Combine(AppContext.BaseDirectory, "templates");

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

    /// <summary>Renders template <paramref name="name"/> with <paramref name="model"/>'s members as globals; null after reporting an error.</summary>
    public string? Render(string name, object model)
    {
        var template = _pages.GetOrAdd(name, n => _loader.Resolve(n) is { } found ? Parse(found.Path, found.Display) : null);
        if (template is null)
        {
            Report(DiagnosticCodes.TemplateNotFound, SourceLocation.File($"templates/{name}"), $"The template '{name}' does not exist.",
                "Add it to the site's templates/ folder or fix the name.");
            return null;
        }

        var context = _contexts.Value ??= NewContext();
        var globals = new ScriptObject();
        globals.Import(model, renamer: context.MemberRenamer);
        var output = new StringBuilderOutput();
        context.PushGlobal(globals);
        context.PushOutput(output);
        try
        {
            // Render writes into the output pushed above and returns (then clears) it.
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            var span = e.Span;
            Report(DiagnosticCodes.TemplateRuntime, SourceLocation.FromZeroBased(_loader.Display(span.FileName), span.Start.Line, span.Start.Column),
                e.OriginalMessage, "Check the variable and member names against docs/templates.md.");
            _contexts.Value = null;
            return null;
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

        // include is overridden so that what it renders (already escaped) is not escaped a second time.
        var functions = new ScriptObject { { "include", new RawIncludeFunction() } };
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

    /// <summary>Scriban's include, returning <see cref="RawHtml"/>: the included template escaped its own values.</summary>
    private sealed class RawIncludeFunction : IScriptCustomFunction
    {
        private readonly IncludeFunction _inner = new();

        public int RequiredParameterCount => ((IScriptCustomFunction)_inner).RequiredParameterCount;

        public int ParameterCount => ((IScriptCustomFunction)_inner).ParameterCount;

        public ScriptVarParamKind VarParamKind => ((IScriptCustomFunction)_inner).VarParamKind;

        public Type ReturnType => typeof(RawHtml);

        public ScriptParameterInfo GetParameterInfo(int index) => ((IScriptCustomFunction)_inner).GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new RawHtml(_inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new RawHtml(await _inner.InvokeAsync(context, callerContext, arguments, blockStatement) as string ?? "");
    }
}
