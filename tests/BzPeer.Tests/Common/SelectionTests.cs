using BzPeer.Common;
using FsCheck;
using FsCheck.Fluent;

namespace BzPeer.Tests.Common;

public sealed class SelectionTests
{
    [Fact]
    public void The_front_holds_exactly_the_smallest_keys_whatever_the_input()
    {
        // Small key ranges make many duplicates, the case a partition most easily gets wrong.
        var gen = from length in Gen.Choose(0, 400)
                  from range in Gen.Elements(2, 10, 1000, int.MaxValue)
                  from values in Gen.ArrayOf(Gen.Choose(0, range - 1), length)
                  from count in Gen.Choose(0, length + 1)
                  select (values.Select(v => (ulong)v).ToArray(), count);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (keys, count) = c;
            var expected = keys.Order().ToArray();
            var selected = keys.ToArray();
            Selection.SmallestFirst(selected, count);

            var front = Math.Clamp(count, 0, keys.Length);
            return selected.Order().SequenceEqual(expected)
                && selected[..front].Order().SequenceEqual(expected[..front]);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Sorted_and_reversed_inputs_of_thousands_select_in_place()
    {
        var ascending = Enumerable.Range(0, 5000).Select(i => (ulong)i).ToArray();
        var descending = ascending.Reverse().ToArray();
        Selection.SmallestFirst(ascending, 300);
        Selection.SmallestFirst(descending, 300);

        Assert.Equal(Enumerable.Range(0, 300).Select(i => (ulong)i), ascending[..300].Order());
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (ulong)i), descending[..300].Order());
    }
}
