using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BzPeer.Content;

/// <summary>
/// Builds the <see cref="YamlValue"/> tree of a YAML stream from its parser events, one at a time, and finds what
/// YamlDotNet's representation model would refuse: a duplicate key (the first one the model would meet: a pair is
/// checked when its value is complete, so a duplicate inside a value comes before its own key's) and an event
/// stream that does not nest (the model throws an ArgumentException on it).
/// Keys are compared as the model compares scalars, by text and tag; a collection used as a key is only noted,
/// and its stream left to the model, whose structural comparison of such keys this does not repeat.
/// One builder per thread is reused, so a file costs only the nodes and one exact array per collection.
/// </summary>
internal sealed class YamlTreeBuilder
{
    /// <summary>Up to this many keys a map is searched for a duplicate one by one; past it, through a set.</summary>
    private const int KeysScannedInOrder = 8;

    /// <summary>A huge block's scratch list is not kept alive on the thread after it.</summary>
    private const int LargestKeptCapacity = 4096;

    [ThreadStatic]
    private static YamlTreeBuilder? t_cached;

    /// <summary>The children of every open collection, innermost last; a map's alternate key, value, key...</summary>
    private readonly List<YamlValue> _children = [];

    private Collection[] _open = new Collection[8];
    private int _depth;
    private YamlValue? _documentRoot;

    private YamlTreeBuilder()
    {
    }

    /// <summary>The root node of the first document; null when the stream has no document.</summary>
    public YamlValue? FirstRoot { get; private set; }

    /// <summary>The model's error for the first duplicate key; only meaningful while <see cref="HasCollectionKey"/> is false.</summary>
    public YamlException? Duplicate { get; private set; }

    /// <summary>Where the events stopped nesting, when they did before any duplicate key.</summary>
    public Mark? Malformed { get; private set; }

    /// <summary>A sequence or map was used as a key before anything was refused.</summary>
    public bool HasCollectionKey { get; private set; }

    private bool Refused => Duplicate is not null || Malformed is not null;

    /// <summary>This thread's builder, reset.</summary>
    public static YamlTreeBuilder ForThisThread()
    {
        var builder = t_cached ??= new YamlTreeBuilder();
        builder.Reset();
        return builder;
    }

    public void Add(ParsingEvent parsingEvent)
    {
        if (Refused)
        {
            return;
        }

        switch (parsingEvent)
        {
            case StreamStart or StreamEnd:
                break;
            case DocumentStart when _depth == 0:
                _documentRoot = null;
                break;
            case DocumentEnd when _depth == 0 && _documentRoot is not null:
                FirstRoot ??= _documentRoot;
                break;
            case Scalar scalar:
                Complete(new YamlScalar(scalar.Start, scalar.Value, scalar.Style, scalar.Tag));
                break;
            case MappingStart or SequenceStart:
                Open(parsingEvent is MappingStart, parsingEvent.Start);
                break;
            case SequenceEnd when _depth > 0 && !_open[_depth - 1].IsMap:
                Complete(new YamlList(_open[_depth - 1].Start, CloseChildren()));
                break;
            case MappingEnd when _depth > 0 && _open[_depth - 1].IsMap && (_children.Count - _open[_depth - 1].FirstChild) % 2 == 0:
                Complete(new YamlMap(_open[_depth - 1].Start, ClosePairs()));
                break;
            default:
                // A map left with a key and no value, an end without its start, an alias: nothing the model can load.
                Malformed = parsingEvent.Start;
                break;
        }
    }

    private void Reset()
    {
        _children.Clear();
        if (_children.Capacity > LargestKeptCapacity)
        {
            _children.Capacity = LargestKeptCapacity;
        }

        Array.Clear(_open, 0, _depth);
        _depth = 0;
        _documentRoot = null;
        FirstRoot = null;
        Duplicate = null;
        Malformed = null;
        HasCollectionKey = false;
    }

    private void Open(bool isMap, Mark start)
    {
        if (_depth > 0 && _open[_depth - 1].IsMap && (_children.Count - _open[_depth - 1].FirstChild) % 2 == 0)
        {
            HasCollectionKey = true;
        }

        if (_depth == _open.Length)
        {
            Array.Resize(ref _open, _depth * 2);
        }

        _open[_depth++] = new Collection(isMap, start, _children.Count);
    }

    private void Complete(YamlValue node)
    {
        if (_depth == 0)
        {
            // As the model does for a document with more than one root node (the parser never makes one): the last wins.
            _documentRoot = node;
            return;
        }

        _children.Add(node);
        ref var open = ref _open[_depth - 1];
        var count = _children.Count - open.FirstChild;
        if (open.IsMap && count % 2 == 0 && !HasCollectionKey && _children[^2] is YamlScalar key && IsDuplicate(ref open, key, count / 2 - 1))
        {
            Duplicate = new YamlException(key.Start, key.Start, $"Duplicate key {key.Value}");
        }
    }

    /// <summary>Whether an earlier key of the open map equals <paramref name="key"/>, the map's pair number <paramref name="pair"/>.</summary>
    private bool IsDuplicate(ref Collection open, YamlScalar key, int pair)
    {
        if (pair < KeysScannedInOrder)
        {
            for (var i = open.FirstChild; i < _children.Count - 2; i += 2)
            {
                if (_children[i] is YamlScalar earlier && earlier.Value == key.Value && earlier.Tag.Equals(key.Tag))
                {
                    return true;
                }
            }

            return false;
        }

        if (open.Keys is null)
        {
            // A large map: hashing keeps a hostile block of a million keys linear.
            open.Keys = [];
            for (var i = open.FirstChild; i < _children.Count - 2; i += 2)
            {
                var earlier = (YamlScalar)_children[i];
                open.Keys.Add((earlier.Value, earlier.Tag));
            }
        }

        return !open.Keys.Add((key.Value, key.Tag));
    }

    private YamlValue[] CloseChildren()
    {
        var first = _open[--_depth].FirstChild;
        _open[_depth] = default;
        var items = new YamlValue[_children.Count - first];
        _children.CopyTo(first, items, 0, items.Length);
        _children.RemoveRange(first, items.Length);
        return items;
    }

    private KeyValuePair<YamlValue, YamlValue>[] ClosePairs()
    {
        var first = _open[--_depth].FirstChild;
        _open[_depth] = default;
        var pairs = new KeyValuePair<YamlValue, YamlValue>[(_children.Count - first) / 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new(_children[first + 2 * i], _children[first + 2 * i + 1]);
        }

        _children.RemoveRange(first, pairs.Length * 2);
        return pairs;
    }

    /// <summary>
    /// A collection still open: its kind, start, where its children begin, and for a large map its keys so far
    /// (text and tag: what the model compares scalar keys by).
    /// </summary>
    private struct Collection(bool isMap, Mark start, int firstChild)
    {
        public readonly bool IsMap = isMap;
        public readonly Mark Start = start;
        public readonly int FirstChild = firstChild;
        public HashSet<(string Value, TagName Tag)>? Keys;
    }
}
