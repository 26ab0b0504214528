using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.Builtins;
using static ArcSynth.Dsl.Tests.TestSupport.Make;
using static ArcSynth.Dsl.Tests.TestSupport.PyAssert;

namespace ArcSynth.Dsl.Tests.Primitives;

/// <summary>
/// The object primitives (dsl/ArcSynth.Dsl/Primitives/Objects.cs). objects() and partition() build
/// nested frozensets whose iteration order is CPython's: the reprs below pin it, inner and outer.
/// </summary>
public sealed class ObjectsTests
{
    private const string Small = "1 1 0;0 0 2;3 0 2";

    private static Value Sizes(Value objs) => Tup(Py.Iterate(objs).Select(o => Size(o)));

    [Fact]
    public void Objects_with_each_combination_of_flags()
    {
        var g = G(Small);
        Check("objects(G('1 1 0;0 0 2;3 0 2'), True, False, True)", "frozenset({frozenset({(2, (2, 2)), (2, (1, 2))}), frozenset({(3, (2, 0))}), frozenset({(1, (0, 1)), (1, (0, 0))})})", Objects(g, True, False, True));
        Check("objects(G('1 1 0;0 0 2;3 0 2'), True, False, False)", "frozenset({frozenset({(1, (0, 1)), (1, (0, 0))}), frozenset({(2, (2, 2)), (2, (1, 2))}), frozenset({(0, (1, 1)), (0, (1, 0)), (0, (2, 1))}), frozenset({(3, (2, 0))}), frozenset({(0, (0, 2))})})", Objects(g, True, False, False));
        Check("objects(G('1 1 0;0 0 2;3 0 2'), True, True, True)", "frozenset({frozenset({(2, (2, 2)), (2, (1, 2))}), frozenset({(3, (2, 0))}), frozenset({(1, (0, 1)), (1, (0, 0))})})", Objects(g, True, True, True));
        Check("objects(G('1 1 0;0 0 2;3 0 2'), False, False, True)", "frozenset({frozenset({(2, (2, 2)), (2, (1, 2))}), frozenset({(3, (2, 0))}), frozenset({(1, (0, 1)), (1, (0, 0))})})", Objects(g, False, False, True));
        Check("objects(G('1 1 0;0 0 2;3 0 2'), False, True, True)", "frozenset({frozenset({(1, (0, 0)), (1, (0, 1)), (2, (2, 2)), (2, (1, 2))}), frozenset({(3, (2, 0))})})", Objects(g, False, True, True));
        Check("objects(G('1 1 0;0 0 2;3 0 2'), False, True, False)", "frozenset({frozenset({(2, (2, 2)), (1, (0, 1)), (0, (1, 0)), (2, (1, 2)), (0, (0, 2)), (0, (2, 1)), (1, (0, 0)), (0, (1, 1)), (3, (2, 0))})})", Objects(g, False, True, False));
    }

    [Fact]
    public void Objects_diagonal_flag_joins_corner_neighbours()
    {
        Check("objects(G('1 0;0 1'), True, False, True)", "frozenset({frozenset({(1, (1, 1))}), frozenset({(1, (0, 0))})})", Objects(G("1 0;0 1"), True, False, True));
        Check("objects(G('1 0;0 1'), True, True, True)", "frozenset({frozenset({(1, (1, 1)), (1, (0, 0))})})", Objects(G("1 0;0 1"), True, True, True));
        Check("objects(G('1 0;0 1'), 1, 1, 1)", "frozenset({frozenset({(1, (1, 1)), (1, (0, 0))})})", Objects(G("1 0;0 1"), I(1), I(1), I(1)));
    }

    [Fact]
    public void Objects_of_1x1_and_uniform_grids()
    {
        Check("objects(G('5'), True, False, True)", "frozenset()", Objects(G("5"), True, False, True));
        Check("objects(G('5'), True, False, False)", "frozenset({frozenset({(5, (0, 0))})})", Objects(G("5"), True, False, False));
        Check("objects(canvas(0, P(30, 30)), True, False, True)", "frozenset()", Objects(Canvas(I(0), P(30, 30)), True, False, True));
        Check("size(first(objects(canvas(0, P(30, 30)), True, False, False)))", "900", Size(First(Objects(Canvas(I(0), P(30, 30)), True, False, False))));
    }

    [Fact]
    public void Objects_of_a_30x30_grid()
    {
        var g = G30();
        Check("size(objects(G30(), True, False, False))", "900", Size(Objects(g, True, False, False)));
        Check("first(objects(G30(), True, False, False))", "frozenset({(9, (28, 5))})", First(Objects(g, True, False, False)));
        Check("last(objects(G30(), True, True, True))", "frozenset({(3, (16, 5)), (3, (27, 16)), (3, (11, 0)), (3, (29, 18)), (3, (22, 11)), (3, (23, 12)), (3, (26, 15)), (3, (13, 2)), (3, (20, 9)), (3, (21, 10)), (3, (24, 13)), (3, (25, 14)), (3, (28, 17)), (3, (17, 6)), (3, (14, 3)), (3, (15, 4)), (3, (18, 7)), (3, (19, 8)), (3, (12, 1))})", Last(Objects(g, True, True, True)));
        Check("size(objects(G30(), False, False, True))", "6", Size(Objects(g, False, False, True)));
        Check("tuple(len(o) for o in objects(G30(), True, True, False))[:8]", "(9, 22, 30, 23, 17, 28, 4, 1)", Tup(((TupleValue)Sizes(Objects(g, True, True, False))).Items().Take(8)));
    }

    [Fact]
    public void Objects_of_an_empty_grid_raise()
    {
        Raises("objects(G(''), True, False, False)", "IndexError", () => Objects(G(""), True, False, False));
        Raises("objects(G(''), True, False, True)", "ValueError", () => Objects(G(""), True, False, True));
    }

    [Fact]
    public void Objects_returns_a_fresh_equal_set_on_every_call()
    {
        var g = G(Small);
        var a = Objects(g, True, False, True);
        var b = Objects(g, True, False, True);
        Assert.NotSame(a, b);
        Equal(a, b);
        Assert.Equal(a.ToString(), b.ToString());
    }

    [Fact]
    public void Objects_of_real_ARC_grids()
    {
        Check("tuple(len(o) for o in objects(Arc('05f2a901'), True, False, True))", "(4, 6)", Sizes(Objects(Arc("05f2a901"), True, False, True)));
        Check("objects(Arc('007bbfb7'), True, False, True)", "frozenset({frozenset({(0, (0, 0))}), frozenset({(0, (2, 0))})})", Objects(Arc("007bbfb7"), True, False, True));
        Check("tuple(len(o) for o in objects(Arc('b27ca6d3'), True, False, True))", "(1, 1, 1, 1, 1, 2, 1, 1, 1)", Sizes(Objects(Arc("b27ca6d3"), True, False, True)));
        Check("tuple(len(o) for o in objects(Arc('00d62c1b'), True, False, True))", "(1, 1, 1, 1, 1, 1)", Sizes(Objects(Arc("00d62c1b"), True, False, True)));
        Check("first(first(objects(Arc('a61f2674'), True, False, True)))", "(5, (8, 6))", First(First(Objects(Arc("a61f2674"), True, False, True))));
        Check("tuple(first(o) for o in objects(Arc('1caeab9d'), False, True, True))", "((4, (2, 5)), (1, (1, 7)), (2, (0, 2)))", Tup(Py.Iterate(Objects(Arc("1caeab9d"), False, True, True)).Select(First)));
        Check("tuple(len(o) for o in objects(Arc('00d62c1b', 2), True, True, False))", "(78, 22)", Sizes(Objects(Arc("00d62c1b", 2), True, True, False)));
    }

    [Fact]
    public void Partition_groups_cells_by_colour()
    {
        Check("partition(G('1 2;2 1'))", "frozenset({frozenset({(1, (1, 1)), (1, (0, 0))}), frozenset({(2, (1, 0)), (2, (0, 1))})})", Partition(G("1 2;2 1")));
        Check("partition(G('7'))", "frozenset({frozenset({(7, (0, 0))})})", Partition(G("7")));
        Check("partition(G(''))", "frozenset()", Partition(G("")));
        Check("tuple(len(o) for o in partition(G30()))", "(90, 90, 90, 90, 90, 90, 90, 90, 90, 90)", Sizes(Partition(G30())));
        Check("tuple(color(o) for o in partition(Arc('1caeab9d')))", "(4, 0, 1, 2)", Tup(Py.Iterate(Partition(Arc("1caeab9d"))).Select(Color)));
        Check("tuple(len(o) for o in partition(Arc('1caeab9d')))", "(4, 38, 4, 4)", Sizes(Partition(Arc("1caeab9d"))));
    }

    [Fact]
    public void Fgpartition_leaves_out_the_most_common_colour()
    {
        Check("fgpartition(G('0 1;0 2'))", "frozenset({frozenset({(2, (1, 1))}), frozenset({(1, (0, 1))})})", Fgpartition(G("0 1;0 2")));
        Check("fgpartition(G('5'))", "frozenset()", Fgpartition(G("5")));
        Check("fgpartition(G('8 0;0 8'))", "frozenset({frozenset({(0, (0, 1)), (0, (1, 0))})})", Fgpartition(G("8 0;0 8")));
        Check("fgpartition(G('0 8;8 0'))", "frozenset({frozenset({(8, (1, 0)), (8, (0, 1))})})", Fgpartition(G("0 8;8 0")));
        Check("tuple(color(o) for o in fgpartition(G30()))", "(7, 6, 3, 9, 1, 2, 8, 4, 5)", Tup(Py.Iterate(Fgpartition(G30())).Select(Color)));
        Check("tuple(len(o) for o in fgpartition(Arc('05f2a901')))", "(4, 6)", Sizes(Fgpartition(Arc("05f2a901"))));
        Raises("fgpartition(G(''))", "ValueError", () => Fgpartition(G("")));
    }

    [Fact]
    public void Occurrences_finds_every_placement_of_the_object()
    {
        var g = G("1 2 1 2;2 1 2 1");
        Check("occurrences(G('1 2 1 2;2 1 2 1'), Obj((1, 0, 0), (2, 0, 1)))", "frozenset({(1, 1), (0, 2), (0, 0)})", Occurrences(g, Obj((1, 0, 0), (2, 0, 1))));
        Check("occurrences(G('1 2 1 2;2 1 2 1'), Obj((1, 5, 5), (1, 6, 6)))", "frozenset({(0, 2), (0, 0)})", Occurrences(g, Obj((1, 5, 5), (1, 6, 6))));
        Check("occurrences(G('1 2 1 2;2 1 2 1'), Obj((9, 0, 0)))", "frozenset()", Occurrences(g, Obj((9, 0, 0))));
        Check("occurrences(G('1 2'), Obj((1, 0, 0), (1, 0, 1), (1, 0, 2)))", "frozenset()", Occurrences(G("1 2"), Obj((1, 0, 0), (1, 0, 1), (1, 0, 2))));
        Check("occurrences(G('1 2'), S())", "frozenset({(0, 1), (0, 2), (1, 2), (0, 0), (1, 0), (1, 1)})", Occurrences(G("1 2"), S()));
        Check("occurrences(G30(), Obj((0, 0, 0), (7, 0, 1)))", "frozenset({(22, 2), (7, 17), (20, 20), (3, 13), (19, 9), (4, 24), (2, 2), (8, 18), (11, 11), (17, 27), (15, 5), (0, 20), (16, 16), (25, 25), (23, 3), (29, 19), (18, 28), (12, 12), (6, 26), (14, 24), (8, 8), (24, 4), (9, 19), (1, 11), (16, 6), (10, 20), (26, 16), (20, 0), (15, 25), (22, 12), (7, 27), (5, 5), (17, 7), (23, 23), (0, 0), (25, 5), (13, 3), (19, 19), (2, 12), (8, 28), (6, 6), (21, 1), (15, 15), (16, 26), (14, 4), (23, 13), (27, 7), (12, 22), (28, 18), (10, 0), (5, 25), (24, 14), (7, 7), (1, 21), (13, 23), (20, 10), (26, 26), (3, 3), (21, 21), (4, 14), (28, 8), (22, 22), (11, 1), (5, 15), (17, 17), (27, 27), (0, 10), (25, 15), (13, 13), (29, 9), (2, 22), (18, 18), (12, 2), (6, 16), (21, 11), (4, 4), (14, 14), (9, 9), (3, 23), (1, 1), (27, 17), (10, 10), (28, 28), (26, 6), (11, 21), (18, 8), (24, 24)})", Occurrences(G30(), Obj((0, 0, 0), (7, 0, 1))));
        Raises("occurrences(G(''), Obj((1, 0, 0)))", "IndexError", () => Occurrences(G(""), Obj((1, 0, 0))));
    }

    [Fact]
    public void Occurrences_in_a_real_ARC_grid()
    {
        Check("occurrences(Arc('00d62c1b'), Obj((3, 0, 0), (3, 0, 1)))", "frozenset()", Occurrences(Arc("00d62c1b"), Obj((3, 0, 0), (3, 0, 1))));
        // One-colour rectangles, found by window counts: where the whole window is that colour.
        Check("occurrences(Arc('a64e4611'), asobject(canvas(0, P(3, 3))))", "frozenset({(4, 9), (19, 0), (27, 13), (14, 13), (5, 10), (8, 9), (17, 12), (9, 8), (19, 9), (8, 18), (9, 17), (11, 14), (9, 26), (13, 8), (24, 8), (15, 14), (6, 11), (16, 13), (7, 10), (10, 27), (18, 10), (21, 9), (26, 14), (22, 10), (19, 2), (5, 12), (8, 11), (17, 14), (9, 10), (19, 11), (9, 19), (11, 16), (13, 10), (24, 10), (10, 20), (6, 13), (7, 12), (18, 12), (22, 12), (27, 8), (14, 8), (19, 4), (5, 14), (9, 12), (11, 9), (9, 21), (13, 12), (15, 9), (24, 12), (16, 8), (10, 22), (25, 11), (26, 9), (7, 14), (18, 14), (20, 8), (22, 14), (12, 13), (3, 10), (14, 10), (17, 9), (19, 6), (23, 13), (9, 14), (10, 15), (13, 14), (15, 11), (24, 14), (16, 10), (10, 24), (25, 13), (26, 11), (20, 1), (20, 10), (20, 19), (14, 12), (5, 9), (4, 11), (17, 11), (9, 16), (10, 8), (10, 17), (15, 13), (26, 13), (16, 12), (7, 9), (10, 26), (18, 9), (20, 3), (20, 12), (22, 9), (21, 11), (12, 8), (23, 8), (14, 14), (5, 11), (4, 13), (9, 9), (8, 13), (10, 10), (13, 9), (19, 13), (24, 9), (25, 8), (10, 19), (11, 18), (16, 14), (7, 11), (18, 11), (20, 5), (20, 14), (22, 11), (21, 13), (12, 10), (23, 10), (5, 13), (27, 10), (10, 12), (13, 11), (11, 11), (24, 11), (25, 10), (10, 21), (9, 23), (26, 12), (6, 8), (20, 7), (22, 13), (12, 12), (3, 9), (14, 9), (4, 8), (18, 8), (23, 12), (27, 12), (8, 8), (19, 8), (10, 14), (11, 13), (25, 12), (16, 9), (10, 23), (9, 25), (20, 0), (6, 10), (20, 9), (21, 8), (12, 14), (14, 11), (23, 14), (4, 10), (19, 1), (27, 14), (17, 13), (8, 10), (19, 10), (19, 19), (10, 16), (9, 18), (11, 15), (25, 14), (10, 25), (9, 27), (20, 2), (6, 12), (20, 11), (22, 8), (21, 10), (4, 12), (19, 3), (8, 12), (10, 9), (9, 11), (11, 8), (19, 12), (10, 18), (9, 20), (11, 17), (15, 8), (26, 8), (20, 4), (6, 14), (20, 13), (7, 13), (18, 13), (12, 9), (21, 12), (23, 9), (4, 14), (27, 9), (17, 8), (19, 5), (8, 14), (10, 11), (9, 13), (11, 10), (19, 14), (25, 9), (9, 22), (13, 13), (15, 10), (24, 13), (20, 6), (26, 10), (18, 15), (21, 14), (12, 11), (23, 11), (27, 11), (5, 8), (17, 10), (19, 7), (10, 13), (9, 15), (11, 12), (9, 24), (15, 12), (6, 9), (16, 11), (7, 8)})", Occurrences(Arc("a64e4611"), Asobject(Canvas(I(0), P(3, 3)))));
        Check("occurrences(Arc('a64e4611'), shift(asobject(canvas(0, P(2, 5))), P(4, 7)))", "frozenset({(4, 9), (19, 0), (5, 10), (8, 9), (17, 12), (9, 8), (19, 9), (28, 12), (9, 17), (11, 14), (11, 23), (13, 8), (24, 8), (21, 0), (6, 11), (7, 10), (18, 10), (21, 9), (22, 10), (19, 2), (5, 12), (8, 11), (19, 11), (9, 10), (9, 19), (11, 16), (13, 10), (15, 7), (24, 10), (10, 20), (21, 2), (7, 12), (18, 12), (22, 12), (27, 8), (14, 8), (19, 4), (9, 12), (11, 9), (9, 21), (13, 12), (15, 9), (24, 12), (16, 8), (10, 22), (21, 4), (25, 11), (26, 9), (20, 8), (12, 13), (14, 10), (17, 9), (19, 6), (28, 9), (9, 14), (10, 15), (15, 11), (25, 13), (16, 10), (10, 24), (26, 11), (20, 1), (20, 10), (12, 15), (14, 12), (5, 9), (4, 11), (17, 11), (28, 11), (9, 16), (10, 8), (10, 17), (16, 12), (7, 9), (18, 9), (11, 25), (20, 3), (20, 12), (22, 9), (21, 11), (12, 8), (23, 8), (5, 11), (9, 9), (19, 13), (10, 10), (13, 9), (24, 9), (25, 8), (10, 19), (11, 18), (7, 11), (18, 11), (20, 5), (22, 11), (12, 10), (23, 10), (27, 10), (10, 12), (13, 11), (11, 11), (24, 11), (25, 10), (10, 21), (9, 23), (11, 20), (26, 12), (6, 8), (20, 7), (21, 6), (12, 12), (14, 9), (23, 12), (4, 8), (18, 8), (27, 12), (8, 8), (19, 8), (10, 14), (11, 13), (25, 12), (16, 9), (10, 23), (9, 25), (11, 22), (20, 0), (6, 10), (20, 9), (21, 8), (12, 14), (14, 11), (4, 10), (19, 1), (8, 10), (19, 10), (10, 16), (9, 18), (11, 15), (10, 25), (11, 24), (20, 2), (21, 1), (6, 12), (20, 11), (22, 8), (21, 10), (12, 16), (4, 12), (27, 7), (19, 3), (8, 12), (10, 9), (9, 11), (11, 8), (19, 12), (10, 18), (9, 20), (11, 17), (15, 8), (26, 8), (20, 4), (21, 3), (18, 13), (21, 12), (12, 9), (23, 9), (27, 9), (17, 8), (19, 5), (28, 8), (10, 11), (9, 13), (11, 10), (25, 9), (9, 22), (11, 19), (15, 10), (26, 10), (20, 6), (21, 5), (12, 11), (23, 11), (27, 11), (5, 8), (17, 10), (19, 7), (28, 10), (10, 13), (9, 15), (11, 12), (9, 24), (11, 21), (15, 12), (6, 9), (16, 11), (7, 8), (21, 7)})", Occurrences(Arc("a64e4611"), Shift(Asobject(Canvas(I(0), P(2, 5))), P(4, 7))));
        Check("occurrences(Arc('a64e4611', 1), recolor(1, asindices(canvas(0, P(2, 3)))))", "frozenset({(13, 20), (0, 25), (1, 14), (9, 2)})", Occurrences(Arc("a64e4611", 1), Recolor(I(1), Asindices(Canvas(I(0), P(2, 3))))));
        Check("occurrences(Arc('1caeab9d'), recolor(4, asindices(canvas(0, P(2, 2)))))", "frozenset({(2, 4)})", Occurrences(Arc("1caeab9d"), Recolor(I(4), Asindices(Canvas(I(0), P(2, 2))))));
        Check("occurrences(G30(), asobject(canvas(0, P(2, 2))))", "frozenset()", Occurrences(G30(), Asobject(Canvas(I(0), P(2, 2)))));
    }

    [Fact]
    public void Frontiers_are_uniform_rows_and_columns()
    {
        Check("frontiers(G('1 1 1;2 3 4;5 5 5'))", "frozenset({frozenset({(1, (0, 1)), (1, (0, 0)), (1, (0, 2))}), frozenset({(5, (2, 2)), (5, (2, 1)), (5, (2, 0))})})", Frontiers(G("1 1 1;2 3 4;5 5 5")));
        Check("frontiers(G('1 2;1 3'))", "frozenset({frozenset({(1, (0, 0)), (1, (1, 0))})})", Frontiers(G("1 2;1 3")));
        Check("frontiers(G('3 3;3 3'))", "frozenset({frozenset({(3, (1, 1)), (3, (1, 0))}), frozenset({(3, (0, 0)), (3, (1, 0))}), frozenset({(3, (0, 1)), (3, (0, 0))}), frozenset({(3, (0, 1)), (3, (1, 1))})})", Frontiers(G("3 3;3 3")));
        Check("frontiers(G('7'))", "frozenset({frozenset({(7, (0, 0))})})", Frontiers(G("7")));
        Check("frontiers(G30())", "frozenset()", Frontiers(G30()));
        Check("tuple(len(f) for f in frontiers(canvas(4, P(30, 30))))[:4]", "(30, 30, 30, 30)", Tup(((TupleValue)Sizes(Frontiers(Canvas(I(4), P(30, 30))))).Items().Take(4)));
        Check("size(frontiers(canvas(4, P(30, 30))))", "60", Size(Frontiers(Canvas(I(4), P(30, 30)))));
        Raises("frontiers(G(''))", "IndexError", () => Frontiers(G("")));
    }

    [Fact]
    public void Hperiod_and_vperiod_find_the_smallest_repeat()
    {
        Check("hperiod(asobject(G('1 2 1 2 1')))", "2", Hperiod(Asobject(G("1 2 1 2 1"))));
        Check("hperiod(asobject(G('1 2 3')))", "3", Hperiod(Asobject(G("1 2 3"))));
        Check("hperiod(asobject(G('4 4 4')))", "1", Hperiod(Asobject(G("4 4 4"))));
        Check("hperiod(Obj((1, 3, 5), (1, 3, 7)))", "2", Hperiod(Obj((1, 3, 5), (1, 3, 7))));
        Check("vperiod(asobject(G('1;2;1;2;1')))", "2", Vperiod(Asobject(G("1;2;1;2;1"))));
        Check("vperiod(asobject(G('1 2;1 2;1 2')))", "1", Vperiod(Asobject(G("1 2;1 2;1 2"))));
        Check("vperiod(asobject(G('1 2;2 1;1 2')))", "2", Vperiod(Asobject(G("1 2;2 1;1 2"))));
        Check("hperiod(Obj((5, 9, 9)))", "1", Hperiod(Obj((5, 9, 9))));
        Check("vperiod(S())", "0", Vperiod(S()));
        Check("hperiod(asobject(G30()))", "10", Hperiod(Asobject(G30())));
        Check("vperiod(asobject(G30()))", "10", Vperiod(Asobject(G30())));
        Raises("hperiod(Idx((0, 0), (0, 1)))", "TypeError", () => Hperiod(Idx((0, 0), (0, 1))));
    }

    /// <summary>
    /// arc-dsl's hperiod/vperiod only unpack cells inside the loop over periods 1 .. extent-1, so a
    /// patch one cell wide (or high) returns its extent without reading its cells, and an empty
    /// tuple (which normalize returns as it is) gives 0.
    /// </summary>
    [Fact]
    public void Hperiod_and_vperiod_of_patches_that_need_no_loop()
    {
        All(
            () => Check("hperiod(Idx((0, 0), (3, 0)))", "1", () => Hperiod(Idx((0, 0), (3, 0)))),
            () => Check("vperiod(Idx((0, 0), (0, 3)))", "1", () => Vperiod(Idx((0, 0), (0, 3)))),
            () => Check("hperiod(T())", "0", () => Hperiod(T())),
            () => Check("vperiod(T())", "0", () => Vperiod(T())));
    }

    /// <summary>
    /// arc-dsl's occurrences unpacks the object's cells only inside its loop over placements, so an
    /// object of indices larger than the grid (no placement to try) gives the empty set, and one
    /// that fits raises TypeError.
    /// </summary>
    [Fact]
    public void Occurrences_of_indices_unpacks_them_only_where_they_fit()
    {
        All(
            () => Check("occurrences(G('1 2'), Idx((0, 0), (0, 5)))", "frozenset()", () => Occurrences(G("1 2"), Idx((0, 0), (0, 5)))),
            () => Raises("occurrences(G('1 2'), Idx((0, 0), (0, 1)))", "TypeError", () => Occurrences(G("1 2"), Idx((0, 0), (0, 1)))));
    }

    /// <summary>
    /// The placements go by <c>shape(obj)</c>, which for a tuple of cells is its length by 2 (the
    /// length of its first cell), not the cells' bounding box.
    /// </summary>
    [Fact]
    public void Occurrences_of_a_tuple_of_cells_go_by_its_shape()
    {
        Check("occurrences(G('1 1;1 1'), T(T(1, P(0, 0)),))", "frozenset({(1, 0), (0, 0)})", Occurrences(G("1 1;1 1"), T(T(1, P(0, 0)))));
    }
}
