using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Tests.Values;

public sealed class SetTableTests
{
    private static SetTable Multiples(int step, int n)
    {
        var t = new SetTable();
        for (var i = 0; i < n; i++) t.Add(Int.Of(i * step));
        return t;
    }

    /// <summary>The keys of the same sets built on a thread of its own, which has no spare arrays.</summary>
    private static List<Value> OnAFreshThread(Func<SetTable> build)
    {
        List<Value>? keys = null;
        var thread = new Thread(() => keys = build().Keys().ToList());
        thread.Start();
        thread.Join();
        return keys!;
    }

    [Fact]
    public void A_released_set_is_empty_and_usable_and_its_array_serves_the_next_set_clean()
    {
        var released = Multiples(7, 20);
        released.Release();
        Assert.Equal(0, released.Count);
        Assert.Empty(released.Keys());
        Assert.False(released.Contains(Int.Of(7)));
        released.Add(Int.Of(5));
        Assert.Equal([Int.Of(5)], released.Keys());

        // The next sets of this thread grow into the arrays given back (by the release and by the
        // resizes on the way), and must hold what a fresh table would, in the same order.
        var next = Multiples(3, 20);
        Assert.Equal(OnAFreshThread(() => Multiples(3, 20)), next.Keys().ToList());
        Assert.Equal(20, next.Count);
        Assert.All(Enumerable.Range(0, 20), i => Assert.True(next.Contains(Int.Of(i * 3))));
        Assert.False(next.Contains(Int.Of(7 * 19)));
    }
}
