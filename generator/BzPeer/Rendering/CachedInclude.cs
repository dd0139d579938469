using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BzPeer.Rendering;

/// <summary>
/// <c>include_cached NAME KEY…</c>: an include rendered once per distinct set of keys and copied in as bytes
/// after that, like Hugo's <c>partialCached</c>. A publication appears on its authors' pages, its topics' and
/// institutions' pages and the index; rendering its list item once instead of everywhere saves a large part of a
/// build's template work. The partial's output must depend on nothing but its keys (docs/templates.md).
/// </summary>
internal sealed class CachedIncludeFunction(TemplateEngine.InPlaceIncludeFunction include, IncludeCache cache) : IncludeFunctionBase("keys")
{
    private const int ScratchBytes = 4 * 1024;

    // One render buffer per thread for misses; a cached include inside a cached include takes a fresh one.
    [ThreadStatic]
    private static PageBuffer? _scratch;

    public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var span = callerContext?.Span ?? context.CurrentSpan;
        var name = arguments.Count > 0 ? context.ObjectToString(arguments[0]) : null;
        if (string.IsNullOrEmpty(name) || arguments.Count < 2)
        {
            throw new ScriptRuntimeException(span, "include_cached needs the name of a template and at least one key: the values its output depends on.");
        }

        var key = new IncludeKey(name, arguments);
        if (!cache.TryGet(key, out var html))
        {
            html = RenderOnce(context, callerContext, arguments, blockStatement);
            cache.Add(key, html);
        }

        RawHtml.WriteUtf8(context, html);
        return null;
    }

    private byte[] RenderOnce(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var buffer = _scratch ?? new PageBuffer(ScratchBytes);
        _scratch = null;
        buffer.Clear();
        // Scriban indents an include's lines to the column of the call; the same bytes serve every call site, so
        // they are rendered unindented.
        var indent = context.CurrentIndent;
        context.CurrentIndent = null;
        context.PushOutput(buffer);
        try
        {
            include.Invoke(context, callerContext, arguments, blockStatement);
        }
        finally
        {
            context.PopOutput();
            context.CurrentIndent = indent;
        }

        var html = buffer.Utf8.ToArray();
        buffer.Clear();
        _scratch = buffer;
        return html;
    }
}

/// <summary>What <c>include_cached</c> rendered, by template name and keys; shared by the render threads.</summary>
internal sealed class IncludeCache
{
    private readonly ConcurrentDictionary<IncludeKey, byte[]> _rendered = new();

    public bool TryGet(IncludeKey key, out byte[] html) => _rendered.TryGetValue(key, out html!);

    // Two threads may render the same item at once; their bytes are the same, so whichever lands first stays.
    public void Add(IncludeKey key, byte[] html) => _rendered.TryAdd(key, html);

    public void Clear() => _rendered.Clear();
}

/// <summary>
/// A template name and its keys. Text and numbers compare by value; anything else (the views templates are
/// given) by identity: views are made once per record, and comparing records member by member cost more than
/// rendering the partial.
/// </summary>
internal sealed class IncludeKey : IEquatable<IncludeKey>
{
    private readonly string _name;
    private readonly object?[] _keys;
    private readonly int _hash;

    public IncludeKey(string name, ScriptArray arguments)
    {
        _name = name;
        _keys = new object?[arguments.Count - 1];
        var hash = new HashCode();
        hash.Add(name, StringComparer.Ordinal);
        for (var i = 0; i < _keys.Length; i++)
        {
            var key = arguments[i + 1];
            _keys[i] = key;
            hash.Add(ByValue(key) ? key!.GetHashCode() : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key));
        }

        _hash = hash.ToHashCode();
    }

    public bool Equals(IncludeKey? other)
    {
        if (other is null || other._hash != _hash || other._keys.Length != _keys.Length
            || !string.Equals(other._name, _name, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            var (a, b) = (_keys[i], other._keys[i]);
            if (!(ReferenceEquals(a, b) || (ByValue(a) && a!.Equals(b))))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as IncludeKey);

    public override int GetHashCode() => _hash;

    private static bool ByValue(object? key) => key is string || key?.GetType().IsValueType == true;
}
