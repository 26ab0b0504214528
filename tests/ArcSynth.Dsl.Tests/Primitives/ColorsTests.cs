using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.Builtins;
using static ArcSynth.Dsl.Tests.TestSupport.Make;
using static ArcSynth.Dsl.Tests.TestSupport.PyAssert;

namespace ArcSynth.Dsl.Tests.Primitives;

/// <summary>The colour primitives (dsl/ArcSynth.Dsl/Primitives/Colors.cs), on grids and objects.</summary>
public sealed class ColorsTests
{
    [Fact]
    public void Mostcolor_counts_cells_of_grids_and_objects()
    {
        Check("mostcolor(G('1 1 2;3 1 2'))", "1", Mostcolor(G("1 1 2;3 1 2")));
        Check("mostcolor(G('7'))", "7", Mostcolor(G("7")));
        Check("mostcolor(Obj((4, 0, 0), (5, 0, 1), (5, 1, 1)))", "5", Mostcolor(Obj((4, 0, 0), (5, 0, 1), (5, 1, 1))));
        Check("mostcolor(G30())", "0", Mostcolor(G30()));
        Check("mostcolor(canvas(3, P(30, 30)))", "3", Mostcolor(Canvas(I(3), P(30, 30))));
    }

    [Fact]
    public void Mostcolor_ties_go_to_the_first_colour_of_the_set()
    {
        Check("mostcolor(G('1 2;2 1'))", "1", Mostcolor(G("1 2;2 1")));
        Check("mostcolor(G('2 1;1 2'))", "1", Mostcolor(G("2 1;1 2")));
        // 8 and 0 share a slot of the 8-slot table: the colour seen first in row-major order wins.
        Check("mostcolor(G('8 0;0 8'))", "8", Mostcolor(G("8 0;0 8")));
        Check("mostcolor(G('0 8;8 0'))", "0", Mostcolor(G("0 8;8 0")));
        Check("mostcolor(Obj((9, 0, 0), (1, 0, 1)))", "1", Mostcolor(Obj((9, 0, 0), (1, 0, 1))));
        Check("mostcolor(Obj((1, 0, 1), (9, 0, 0)))", "1", Mostcolor(Obj((1, 0, 1), (9, 0, 0))));
    }

    [Fact]
    public void Leastcolor_counts_cells_and_breaks_ties_alike()
    {
        Check("leastcolor(G('1 1 2;3 1 2'))", "3", Leastcolor(G("1 1 2;3 1 2")));
        Check("leastcolor(G('8 0;0 8'))", "8", Leastcolor(G("8 0;0 8")));
        Check("leastcolor(G('0 8;8 0'))", "0", Leastcolor(G("0 8;8 0")));
        Check("leastcolor(Obj((4, 0, 0), (5, 0, 1), (5, 1, 1)))", "4", Leastcolor(Obj((4, 0, 0), (5, 0, 1), (5, 1, 1))));
        Check("leastcolor(G30())", "0", Leastcolor(G30()));
    }

    [Fact]
    public void Mostcolor_and_leastcolor_of_nothing_raise_ValueError()
    {
        Raises("mostcolor(G(''))", "ValueError", () => Mostcolor(G("")));
        Raises("mostcolor(S())", "ValueError", () => Mostcolor(S()));
        Raises("leastcolor(T())", "ValueError", () => Leastcolor(T()));
        Raises("leastcolor(S())", "ValueError", () => Leastcolor(S()));
    }

    [Fact]
    public void Colors_of_real_ARC_grids()
    {
        Check("mostcolor(Arc('05f2a901'))", "0", Mostcolor(Arc("05f2a901")));
        Check("leastcolor(Arc('05f2a901'))", "8", Leastcolor(Arc("05f2a901")));
        Check("palette(Arc('05f2a901'))", "frozenset({0, 8, 2})", Palette(Arc("05f2a901")));
        Check("mostcolor(Arc('007bbfb7'))", "7", Mostcolor(Arc("007bbfb7")));
        // Three colours, three cells each: the tie goes to the first colour of the set.
        Check("mostcolor(Arc('0d3d703e'))", "1", Mostcolor(Arc("0d3d703e")));
        Check("leastcolor(Arc('0d3d703e'))", "1", Leastcolor(Arc("0d3d703e")));
        Check("numcolors(Arc('1caeab9d'))", "4", Numcolors(Arc("1caeab9d")));
        Check("colorcount(Arc('b27ca6d3'), 2)", "10", Colorcount(Arc("b27ca6d3"), I(2)));
    }

    [Fact]
    public void Colorcount_counts_equal_cells()
    {
        Check("colorcount(G('1 1 2;3 1 2'), 1)", "3", Colorcount(G("1 1 2;3 1 2"), I(1)));
        Check("colorcount(G('1 1 2;3 1 2'), 9)", "0", Colorcount(G("1 1 2;3 1 2"), I(9)));
        Check("colorcount(G('1 0;0 1'), True)", "2", Colorcount(G("1 0;0 1"), True));
        Check("colorcount(G('1 0;0 1'), P(1, 0))", "0", Colorcount(G("1 0;0 1"), P(1, 0)));
        Check("colorcount(G(''), 0)", "0", Colorcount(G(""), I(0)));
        Check("colorcount(Obj((2, 0, 0), (2, 5, 5), (3, 1, 1)), 2)", "2", Colorcount(Obj((2, 0, 0), (2, 5, 5), (3, 1, 1)), I(2)));
        Check("colorcount(Obj((1, 0, 0)), True)", "1", Colorcount(Obj((1, 0, 0)), True));
        Check("colorcount(S(), 1)", "0", Colorcount(S(), I(1)));
        Check("colorcount(G30(), 4)", "90", Colorcount(G30(), I(4)));
    }

    [Fact]
    public void Colorfilter_keeps_objects_whose_first_cell_has_the_colour()
    {
        var objs = S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 2, 2)), Obj((1, 5, 5)));
        Check("colorfilter(S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 2, 2)), Obj((1, 5, 5))), 1)", "frozenset({frozenset({(1, (5, 5))}), frozenset({(1, (0, 1)), (1, (0, 0))})})", Colorfilter(objs, I(1)));
        Check("colorfilter(S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 2, 2)), Obj((1, 5, 5))), 7)", "frozenset()", Colorfilter(objs, I(7)));
        Check("colorfilter(S(), 1)", "frozenset()", Colorfilter(S(), I(1)));
        Check("colorfilter(S(Obj((1, 3, 3))), True)", "frozenset({frozenset({(1, (3, 3))})})", Colorfilter(S(Obj((1, 3, 3))), True));
    }

    [Fact]
    public void Colorfilter_reads_the_first_cell_in_iteration_order_of_a_multicoloured_object()
    {
        var mixed = Obj((3, 4, 4), (1, 0, 0), (2, 1, 9));
        Check("colorfilter(S(Obj((3, 4, 4), (1, 0, 0), (2, 1, 9))), 2)", "frozenset({frozenset({(2, (1, 9)), (1, (0, 0)), (3, (4, 4))})})", Colorfilter(S(mixed), I(2)));
        Check("colorfilter(S(Obj((3, 4, 4), (1, 0, 0), (2, 1, 9))), 3)", "frozenset()", Colorfilter(S(mixed), I(3)));
    }

    [Fact]
    public void Colorfilter_of_an_empty_object_raises_RuntimeError()
    {
        Raises("colorfilter(S(S()), 1)", "RuntimeError", () => Colorfilter(S(S()), I(1)));
    }

    [Fact]
    public void Sizefilter_keeps_items_of_the_size()
    {
        var objs = S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 2, 2)), Obj((3, 5, 5), (3, 5, 6)));
        Check("sizefilter(S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 2, 2)), Obj((3, 5, 5), (3, 5, 6))), 2)", "frozenset({frozenset({(3, (5, 6)), (3, (5, 5))}), frozenset({(1, (0, 1)), (1, (0, 0))})})", Sizefilter(objs, I(2)));
        Check("sizefilter(T(P(1, 2), T(3,), T()), 1)", "frozenset({(3,)})", Sizefilter(T(P(1, 2), T(3), T()), I(1)));
        Check("sizefilter(T(P(1, 2), T(3,), T()), 0)", "frozenset({()})", Sizefilter(T(P(1, 2), T(3), T()), I(0)));
        Check("sizefilter(T(T(3,)), True)", "frozenset({(3,)})", Sizefilter(T(T(3)), True));
        Check("sizefilter(S(), 1)", "frozenset()", Sizefilter(S(), I(1)));
        Raises("sizefilter(T(1, 2), 1)", "TypeError", () => Sizefilter(T(1, 2), I(1)));
    }

    [Fact]
    public void Palette_and_numcolors()
    {
        Check("palette(G('3 1;1 2'))", "frozenset({1, 2, 3})", Palette(G("3 1;1 2")));
        Check("palette(G('8 0;9 1'))", "frozenset({8, 0, 9, 1})", Palette(G("8 0;9 1")));
        Check("palette(G('0 8;1 9'))", "frozenset({0, 8, 1, 9})", Palette(G("0 8;1 9")));
        Check("palette(Obj((9, 0, 0), (1, 0, 1), (9, 1, 1)))", "frozenset({1, 9})", Palette(Obj((9, 0, 0), (1, 0, 1), (9, 1, 1))));
        Check("palette(G(''))", "frozenset()", Palette(G("")));
        Check("palette(S())", "frozenset()", Palette(S()));
        Check("palette(G30())", "frozenset({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})", Palette(G30()));
        Check("numcolors(G('3 1;1 2'))", "3", Numcolors(G("3 1;1 2")));
        Check("numcolors(G(''))", "0", Numcolors(G("")));
        Check("numcolors(Obj((9, 0, 0), (9, 1, 1)))", "1", Numcolors(Obj((9, 0, 0), (9, 1, 1))));
        Check("numcolors(G30())", "10", Numcolors(G30()));
    }

    [Fact]
    public void Color_is_the_colour_of_the_first_cell()
    {
        Check("color(Obj((4, 2, 2), (4, 2, 3)))", "4", Color(Obj((4, 2, 2), (4, 2, 3))));
        Check("color(Obj((3, 4, 4), (1, 0, 0), (2, 1, 9)))", "2", Color(Obj((3, 4, 4), (1, 0, 0), (2, 1, 9))));
        Check("color(T(T(5, P(0, 0)),))", "5", Color(T(T(5, P(0, 0)))));
        Raises("color(S())", "StopIteration", () => Color(S()));
        Check("color(Idx((0, 0)))", "0", Color(Idx((0, 0))));
    }

    /// <summary>
    /// arc-dsl reads an element that is not a tuple as pairs <c>v, _</c>, so indices work as an
    /// "object" whose colours are the row numbers, and any element of two items gives its first.
    /// </summary>
    [Fact]
    public void Colour_primitives_read_indices_as_value_location_pairs()
    {
        All(
            () => Check("mostcolor(Idx((0, 0)))", "0", () => Mostcolor(Idx((0, 0)))),
            () => Check("mostcolor(Idx((2, 0), (2, 1), (5, 5)))", "2", () => Mostcolor(Idx((2, 0), (2, 1), (5, 5)))),
            () => Check("leastcolor(Idx((2, 0), (2, 1), (5, 5)))", "5", () => Leastcolor(Idx((2, 0), (2, 1), (5, 5)))),
            () => Check("palette(Idx((2, 0), (2, 1), (5, 5)))", "frozenset({2, 5})", () => Palette(Idx((2, 0), (2, 1), (5, 5)))),
            () => Check("numcolors(Idx((2, 0), (2, 1), (5, 5)))", "2", () => Numcolors(Idx((2, 0), (2, 1), (5, 5)))),
            () => Check("palette(S(T(P(1, 2), 3)))", "frozenset({(1, 2)})", () => Palette(S(T(P(1, 2), 3)))),
            () => Raises("palette(S(T(1, 2, 3)))", "ValueError", () => Palette(S(T(1, 2, 3)))));
    }
}
