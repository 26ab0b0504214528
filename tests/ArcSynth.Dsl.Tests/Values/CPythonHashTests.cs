using ArcSynth.Dsl.Primitives;
using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Tests.Support.Build;

namespace ArcSynth.Dsl.Tests.Values;

/// <summary>Hashes and iteration orders pinned to what CPython 3.11 prints for the same expressions.</summary>
public sealed class CPythonHashTests
{
    [Fact]
    public void Hashes_equal_CPythons()
    {
        Assert.Equal(-3550055125485641917, P(1, 2).Hash);                           // hash((1, 2))
        Assert.Equal(7770360621826722652, Cell.Of(3, 4, 5).Hash);                   // hash((3, (4, 5)))
        Assert.Equal(-272375401224217160, Set(Int.Of(1), Int.Of(2), Int.Of(3)).Hash); // hash(frozenset({1, 2, 3}))
        Assert.Equal(133146708735736, FrozenSetValue.Empty.Hash);                  // hash(frozenset())
        Assert.Equal(-1467267874458550984, Grid("1 2;3 4").Hash);                  // hash(((1, 2), (3, 4)))
        Assert.Equal(-2, Int.Of(-1).Hash);                                         // hash(-1)
        Assert.Equal(5740354900026072187, TupleValue.Empty.Hash);                  // hash(())
    }

    [Fact]
    public void Equal_values_in_different_representations_hash_alike()
    {
        var asGeneral = new GeneralTuple([new IntTuple([1, 2]), new IntTuple([3, 4])]);
        Assert.True(Grid("1 2;3 4").Equals(asGeneral));
        Assert.Equal(Grid("1 2;3 4").Hash, asGeneral.Hash);
        Assert.True(Int.Of(1).Equals(Bool.True));
        Assert.Equal(Int.Of(1).Hash, Bool.True.Hash);
        Assert.Equal(new GeneralTuple([Int.Of(3), P(4, 5)]).Hash, Cell.Of(3, 4, 5).Hash);
    }

    [Fact]
    public void Asindices_iterates_in_CPythons_order()
    {
        // list(asindices(((0,0,0),(0,0,0),(0,0,0))))
        var expected = new[] { P(0, 1), P(1, 2), P(2, 1), P(0, 0), P(1, 1), P(2, 0), P(0, 2), P(2, 2), P(1, 0) };
        Assert.Equal<Value>(expected, ((FrozenSetValue)Builtins.Asindices(Grid("0 0 0;0 0 0;0 0 0"))).Items());
    }

    [Fact]
    public void Neighbors_iterate_in_CPythons_order()
    {
        // list(neighbors((5, 5))): the union of two frozen set displays
        var expected = new[] { P(4, 4), P(6, 5), P(5, 4), P(4, 6), P(6, 4), P(4, 5), P(5, 6), P(6, 6) };
        Assert.Equal<Value>(expected, ((FrozenSetValue)Builtins.Neighbors(P(5, 5))).Items());
    }

    [Fact]
    public void Objects_and_first_follow_CPython()
    {
        // list(objects(((1,1,0),(0,2,0),(3,0,3)), T, F, T)) and first(...)
        var objects = (FrozenSetValue)Builtins.Objects(Grid("1 1 0;0 2 0;3 0 3"), Bool.True, Bool.False, Bool.True);
        var expected = new Value[]
        {
            Set(Cell.Of(2, 1, 1)), Set(Cell.Of(3, 2, 2)), Set(Cell.Of(3, 2, 0)), Set(Cell.Of(1, 0, 1), Cell.Of(1, 0, 0)),
        };
        Assert.Equal(expected, objects.Items());
        Assert.Equal(Set(Cell.Of(2, 1, 1)), Builtins.First(objects));
    }

    [Fact]
    public void Ties_break_as_in_CPython()
    {
        var set = (FrozenSetValue)Builtins.Initset(P(0, 8));
        set = (FrozenSetValue)Builtins.Insert(P(0, 0), set);
        set = (FrozenSetValue)Builtins.Insert(P(1, 9), set);
        // totuple(frozenset({(0, 8), (0, 0), (1, 9)}))
        Assert.Equal(new GeneralTuple([P(0, 8), P(1, 9), P(0, 0)]), Builtins.Totuple(set));
        // mostcolor and leastcolor of ((1,1,2),(2,3,3),(0,0,4)): four colours tie at 2 cells
        Assert.Equal(Int.Of(0), Builtins.Mostcolor(Grid("1 1 2;2 3 3;0 0 4")));
        Assert.Equal(Int.Of(4), Builtins.Leastcolor(Grid("1 1 2;2 3 3;0 0 4")));
        // order(asindices(2x3 grid), sum of coordinates): stable over CPython's iteration order
        var sum = Builtins.Fork(PrimitiveFunction("add"), PrimitiveFunction("first"), PrimitiveFunction("last"));
        Assert.Equal(
            new GeneralTuple([P(0, 0), P(0, 1), P(1, 0), P(1, 1), P(0, 2), P(1, 2)]),
            Builtins.Order(Builtins.Asindices(Grid("0 0 0;0 0 0")), sum));
    }

    private static Value PrimitiveFunction(string name) =>
        ArcSynth.Dsl.Registry.PrimitiveRegistry.BuiltIn.TryGet(name, out var p) ? p : throw new ArgumentException(name);
}
