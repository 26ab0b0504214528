using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.Builtins;
using static ArcSynth.Dsl.Tests.TestSupport.Make;
using static ArcSynth.Dsl.Tests.TestSupport.PyAssert;

namespace ArcSynth.Dsl.Tests.Primitives;

/// <summary>
/// The patch primitives (dsl/ArcSynth.Dsl/Primitives/Patches.cs): measures, corners, moves,
/// neighbourhoods, lines and boxes, on objects, indices, grids, and empty patches.
/// </summary>
public sealed class PatchesTests
{
    [Fact]
    public void Height_width_and_shape_of_grids()
    {
        Check("shape(G('1 2 3;4 5 6'))", "(2, 3)", Shape(G("1 2 3;4 5 6")));
        Check("shape(G('7'))", "(1, 1)", Shape(G("7")));
        Check("shape(G30())", "(30, 30)", Shape(G30()));
        Check("shape(G(''))", "(0, 0)", Shape(G("")));
        Check("shape(T(T(),))", "(1, 0)", Shape(T(T())));
        Check("height(G('1;2;3'))", "3", Height(G("1;2;3")));
        Check("width(G('1;2;3'))", "1", Width(G("1;2;3")));
    }

    [Fact]
    public void Height_width_and_shape_of_patches()
    {
        Check("shape(Obj((1, 2, 3), (1, 4, 3), (2, 3, 7)))", "(3, 5)", Shape(Obj((1, 2, 3), (1, 4, 3), (2, 3, 7))));
        Check("shape(Idx((-3, 0), (2, -5)))", "(6, 6)", Shape(Idx((-3, 0), (2, -5))));
        Check("shape(Idx((4, 4)))", "(1, 1)", Shape(Idx((4, 4))));
        Check("shape(S())", "(0, 0)", Shape(S()));
        Check("height(Obj((1, 0, 0), (2, 0, 0)))", "1", Height(Obj((1, 0, 0), (2, 0, 0))));
        Check("width(Idx((0, 9), (0, 0)))", "10", Width(Idx((0, 9), (0, 0))));
        Raises("height(5)", "TypeError", () => Height(I(5)));
    }

    [Fact]
    public void Portrait_is_taller_than_wide()
    {
        Check("portrait(G('1;2'))", "True", Portrait(G("1;2")));
        Check("portrait(G('1 2'))", "False", Portrait(G("1 2")));
        Check("portrait(G('1'))", "False", Portrait(G("1")));
        Check("portrait(Idx((0, 0), (5, 4)))", "True", Portrait(Idx((0, 0), (5, 4))));
        Check("portrait(S())", "False", Portrait(S()));
    }

    [Fact]
    public void Asindices_lists_every_cell()
    {
        Check("asindices(G('1 2;3 4'))", "frozenset({(0, 1), (1, 0), (1, 1), (0, 0)})", Asindices(G("1 2;3 4")));
        Check("asindices(G('5'))", "frozenset({(0, 0)})", Asindices(G("5")));
        Check("asindices(G(''))", "frozenset()", Asindices(G("")));
        Check("size(asindices(G30()))", "900", Size(Asindices(G30())));
        Check("first(asindices(G30()))", "(15, 21)", First(Asindices(G30())));
        Check("last(asindices(G30()))", "(7, 8)", Last(Asindices(G30())));
        Check("totuple(asindices(G30()))[:6]", "((15, 21), (26, 21), (7, 17), (18, 17), (7, 26), (18, 26))", Tup(((TupleValue)Totuple(Asindices(G30()))).Items().Take(6)));
        // Each call is a new frozenset (one table serves a shape): two of them are two objects to
        // CPython's set operations, which lay out an intersection anew rather than copy.
        Check("totuple(intersection(asindices(G30()), asindices(G30())))[:6]", "((15, 21), (26, 21), (7, 17), (18, 17), (7, 26), (18, 26))", Tup(((TupleValue)Totuple(Intersection(Asindices(G30()), Asindices(G30())))).Items().Take(6)));
        Check("asindices(Arc('05f2a901'))", "frozenset({(12, 4), (4, 0), (5, 1), (8, 0), (10, 6), (9, 8), (0, 5), (2, 2), (11, 5), (13, 8), (6, 2), (7, 1), (4, 2), (3, 6), (5, 3), (8, 2), (9, 1), (0, 7), (2, 4), (11, 7), (13, 1), (1, 8), (6, 4), (7, 3), (3, 8), (5, 5), (8, 4), (9, 3), (0, 0), (11, 0), (13, 3), (6, 6), (7, 5), (3, 1), (5, 7), (9, 5), (0, 2), (11, 2), (1, 3), (13, 5), (7, 7), (12, 6), (3, 3), (5, 0), (9, 7), (11, 4), (10, 8), (1, 5), (13, 7), (6, 1), (7, 0), (12, 8), (3, 5), (5, 2), (4, 4), (9, 0), (10, 1), (13, 0), (1, 7), (2, 6), (7, 2), (12, 1), (3, 7), (5, 4), (4, 6), (9, 2), (8, 6), (10, 3), (1, 0), (13, 2), (2, 8), (7, 4), (6, 8), (12, 3), (3, 0), (5, 6), (4, 8), (8, 8), (10, 5), (1, 2), (0, 4), (2, 1), (13, 4), (12, 5), (3, 2), (4, 1), (8, 1), (10, 7), (1, 4), (0, 6), (2, 3), (11, 6), (6, 3), (12, 7), (3, 4), (4, 3), (8, 3), (10, 0), (1, 6), (0, 8), (2, 5), (11, 8), (6, 5), (12, 0), (4, 5), (8, 5), (10, 2), (9, 4), (0, 1), (11, 1), (2, 7), (6, 7), (7, 6), (12, 2), (4, 7), (5, 8), (8, 7), (10, 4), (1, 1), (0, 3), (2, 0), (9, 6), (11, 3), (13, 6), (6, 0), (7, 8)})", Asindices(Arc("05f2a901")));
    }

    [Fact]
    public void Ofcolor_finds_the_cells_of_a_colour()
    {
        Check("ofcolor(G('1 2;2 1'), 2)", "frozenset({(0, 1), (1, 0)})", Ofcolor(G("1 2;2 1"), I(2)));
        Check("ofcolor(G('1 2;2 1'), 9)", "frozenset()", Ofcolor(G("1 2;2 1"), I(9)));
        Check("ofcolor(G('1 0;0 1'), True)", "frozenset({(1, 1), (0, 0)})", Ofcolor(G("1 0;0 1"), True));
        Check("ofcolor(G('1 0;0 1'), T(1,))", "frozenset()", Ofcolor(G("1 0;0 1"), T(1)));
        Check("ofcolor(G(''), 0)", "frozenset()", Ofcolor(G(""), I(0)));
        Check("size(ofcolor(G30(), 0))", "90", Size(Ofcolor(G30(), I(0))));
        Check("ofcolor(Arc('05f2a901'), 8)", "frozenset({(10, 4), (11, 3), (11, 4), (10, 3)})", Ofcolor(Arc("05f2a901"), I(8)));
    }

    [Fact]
    public void Corners_of_objects_and_indices()
    {
        var obj = Obj((1, 2, 3), (1, 4, 1), (2, 3, 7));
        Check("ulcorner(Obj((1, 2, 3), (1, 4, 1), (2, 3, 7)))", "(2, 1)", Ulcorner(obj));
        Check("urcorner(Obj((1, 2, 3), (1, 4, 1), (2, 3, 7)))", "(2, 7)", Urcorner(obj));
        Check("llcorner(Obj((1, 2, 3), (1, 4, 1), (2, 3, 7)))", "(4, 1)", Llcorner(obj));
        Check("lrcorner(Obj((1, 2, 3), (1, 4, 1), (2, 3, 7)))", "(4, 7)", Lrcorner(obj));
        Check("ulcorner(Idx((-1, 5), (3, -2)))", "(-1, -2)", Ulcorner(Idx((-1, 5), (3, -2))));
        Check("lrcorner(Idx((-1, 5), (3, -2)))", "(3, 5)", Lrcorner(Idx((-1, 5), (3, -2))));
        Check("urcorner(Idx((7, 7)))", "(7, 7)", Urcorner(Idx((7, 7))));
    }

    [Fact]
    public void Corners_asked_again_of_the_same_objects_agree_with_CPython()
    {
        // A frozenset keeps its bounds once computed: asking again, asking an alias (objects() of
        // the same grid again), and asking shifted copies, one of them beyond the coordinates a set
        // keeps, must all give CPython's answers.
        var objs = Objects(Arc("05f2a901"), True, False, True);
        for (var round = 0; round < 2; round++)
        {
            Check("apply(ulcorner, objects(Arc('05f2a901'), True, False, True))", "frozenset({(2, 0), (10, 3)})", Apply(F("ulcorner"), objs));
            Check("apply(lrcorner, objects(Arc('05f2a901'), True, False, True))", "frozenset({(3, 3), (11, 4)})", Apply(F("lrcorner"), objs));
        }
        Check("apply(shape, objects(Arc('05f2a901'), True, False, True))", "frozenset({(2, 4), (2, 2)})", Apply(F("shape"), Objects(Arc("05f2a901"), True, False, True)));
        Check("apply(ulcorner, apply(rbind(shift, P(-20, 5)), objects(Arc('05f2a901'), True, False, True)))", "frozenset({(-18, 5), (-10, 8)})", Apply(F("ulcorner"), Apply(Rbind(F("shift"), P(-20, 5)), objs)));
        var far = Apply(Rbind(F("shift"), P(20000, -20000)), objs);
        for (var round = 0; round < 2; round++)
            Check("apply(lrcorner, apply(rbind(shift, P(20000, -20000)), objects(Arc('05f2a901'), True, False, True)))", "frozenset({(20011, -19996), (20003, -19997)})", Apply(F("lrcorner"), far));
    }

    [Fact]
    public void Corners_of_an_empty_patch_are_empty_tuples()
    {
        Check("ulcorner(S())", "()", Ulcorner(S()));
        Check("urcorner(S())", "()", Urcorner(S()));
        Check("llcorner(T())", "()", Llcorner(T()));
        Check("lrcorner(S())", "()", Lrcorner(S()));
    }

    [Fact]
    public void Corners_of_a_grid_take_each_column_of_its_rows()
    {
        Check("ulcorner(G('1 2;3 0'))", "(1, 0)", Ulcorner(G("1 2;3 0")));
        Check("lrcorner(G('1 2 9;3 0 4'))", "(3, 2, 9)", Lrcorner(G("1 2 9;3 0 4")));
        Check("urcorner(G('1 2;3 0'))", "(1, 2)", Urcorner(G("1 2;3 0")));
        Raises("urcorner(G('1 2 9;3 0 4'))", "KeyError", () => Urcorner(G("1 2 9;3 0 4")));
        Raises("llcorner(G('1 2 9;3 0 4'))", "KeyError", () => Llcorner(G("1 2 9;3 0 4")));
    }

    [Fact]
    public void Toindices_drops_colours_and_keeps_indices_as_they_are()
    {
        Check("toindices(Obj((1, 0, 0), (2, 0, 1), (3, 0, 0)))", "frozenset({(0, 1), (0, 0)})", Toindices(Obj((1, 0, 0), (2, 0, 1), (3, 0, 0))));
        Check("toindices(Obj((1, 5, 5), (2, 0, 9), (3, 2, 3), (4, 1, 1), (5, 3, 8)))", "frozenset({(3, 8), (5, 5), (1, 1), (0, 9), (2, 3)})", Toindices(Obj((1, 5, 5), (2, 0, 9), (3, 2, 3), (4, 1, 1), (5, 3, 8))));
        Check("toindices(S())", "frozenset()", Toindices(S()));
        Check("toindices(T())", "frozenset()", Toindices(T()));
        Check("toindices(T(T(1, P(2, 3)),))", "frozenset({(2, 3)})", Toindices(T(T(1, P(2, 3)))));
        var indices = Idx((3, 3), (0, 1));
        Assert.Same(indices, Toindices(indices));
    }

    [Fact]
    public void Recolor_gives_every_location_the_value()
    {
        Check("recolor(5, Idx((0, 0), (1, 2)))", "frozenset({(5, (0, 0)), (5, (1, 2))})", Recolor(I(5), Idx((0, 0), (1, 2))));
        Check("recolor(0, Obj((3, 0, 0), (4, 0, 1)))", "frozenset({(0, (0, 1)), (0, (0, 0))})", Recolor(I(0), Obj((3, 0, 0), (4, 0, 1))));
        Check("recolor(0, Obj((3, 0, 0), (4, 0, 0)))", "frozenset({(0, (0, 0))})", Recolor(I(0), Obj((3, 0, 0), (4, 0, 0))));
        Check("recolor(7, S())", "frozenset()", Recolor(I(7), S()));
        Check("recolor(True, Idx((0, 0)))", "frozenset({(True, (0, 0))})", Recolor(True, Idx((0, 0))));
    }

    [Fact]
    public void Shift_moves_objects_and_indices()
    {
        Check("shift(Obj((1, 0, 0), (2, 1, 1)), P(2, -3))", "frozenset({(1, (2, -3)), (2, (3, -2))})", Shift(Obj((1, 0, 0), (2, 1, 1)), P(2, -3)));
        Check("shift(Idx((0, 0), (5, 5)), P(-1, -1))", "frozenset({(4, 4), (-1, -1)})", Shift(Idx((0, 0), (5, 5)), P(-1, -1)));
        Check("shift(Idx((3, 4)), P(0, 0))", "frozenset({(3, 4)})", Shift(Idx((3, 4)), P(0, 0)));
        Check("shift(Idx((29, 29)), P(1, 1))", "frozenset({(30, 30)})", Shift(Idx((29, 29)), P(1, 1)));
        Check("shift(T(P(1, 1),), P(1, 0))", "frozenset({(2, 1)})", Shift(T(P(1, 1)), P(1, 0)));
        Check("shift(Idx((0, 0)), T(True, False))", "frozenset({(1, 0)})", Shift(Idx((0, 0)), T(true, false)));
    }

    [Fact]
    public void Shift_of_an_empty_patch_returns_it_without_reading_the_offset()
    {
        var empty = S();
        Assert.Same(empty, Shift(empty, P(1, 1)));
        Check("shift(S(), T(1,))", "frozenset()", Shift(S(), T(1)));
        Check("shift(T(), 5)", "()", Shift(T(), I(5)));
    }

    [Fact]
    public void Shift_unpacks_exactly_two_offsets()
    {
        Raises("shift(Idx((0, 0)), T(1,))", "ValueError", () => Shift(Idx((0, 0)), T(1)));
        Raises("shift(Idx((0, 0)), T(1, 2, 3))", "ValueError", () => Shift(Idx((0, 0)), T(1, 2, 3)));
        Raises("shift(Idx((0, 0)), 1)", "TypeError", () => Shift(Idx((0, 0)), I(1)));
    }

    [Fact]
    public void Normalize_moves_the_upper_left_corner_to_the_origin()
    {
        Check("normalize(Obj((1, 3, 4), (2, 5, 2)))", "frozenset({(1, (0, 2)), (2, (2, 0))})", Normalize(Obj((1, 3, 4), (2, 5, 2))));
        Check("normalize(Idx((-2, -3), (0, 0)))", "frozenset({(2, 3), (0, 0)})", Normalize(Idx((-2, -3), (0, 0))));
        Check("normalize(Idx((0, 0)))", "frozenset({(0, 0)})", Normalize(Idx((0, 0))));
        Check("normalize(S())", "frozenset()", Normalize(S()));
    }

    [Fact]
    public void Dneighbors_ineighbors_and_neighbors()
    {
        Check("dneighbors(P(1, 1))", "frozenset({(0, 1), (1, 0), (1, 2), (2, 1)})", Dneighbors(P(1, 1)));
        Check("dneighbors(P(0, 0))", "frozenset({(-1, 0), (1, 0), (0, -1), (0, 1)})", Dneighbors(P(0, 0)));
        Check("ineighbors(P(0, 0))", "frozenset({(-1, 1), (1, 1), (1, -1), (-1, -1)})", Ineighbors(P(0, 0)));
        Check("neighbors(P(0, 0))", "frozenset({(0, 1), (-1, -1), (-1, 1), (1, 1), (1, -1), (-1, 0), (1, 0), (0, -1)})", Neighbors(P(0, 0)));
        Check("neighbors(P(29, 29))", "frozenset({(30, 30), (28, 29), (30, 29), (28, 28), (29, 28), (30, 28), (28, 30), (29, 30)})", Neighbors(P(29, 29)));
        Check("neighbors(P(-5, 3))", "frozenset({(-4, 4), (-5, 4), (-6, 4), (-4, 3), (-5, 2), (-4, 2), (-6, 3), (-6, 2)})", Neighbors(P(-5, 3)));
        Check("dneighbors(T(1, 2, 3))", "frozenset({(1, 1), (0, 2), (1, 3), (2, 2)})", Dneighbors(T(1, 2, 3)));
        Raises("dneighbors(T(1,))", "IndexError", () => Dneighbors(T(1)));
        Raises("ineighbors(5)", "TypeError", () => Ineighbors(I(5)));
    }

    [Fact]
    public void Extremes_of_a_patch()
    {
        var obj = Obj((1, 2, 3), (1, 4, 1), (2, 3, 7));
        Check("uppermost(Obj((1, 2, 3), (1, 4, 1), (2, 3, 7)))", "2", Uppermost(obj));
        Check("lowermost(Obj((1, 2, 3), (1, 4, 1), (2, 3, 7)))", "4", Lowermost(obj));
        Check("leftmost(Obj((1, 2, 3), (1, 4, 1), (2, 3, 7)))", "1", Leftmost(obj));
        Check("rightmost(Obj((1, 2, 3), (1, 4, 1), (2, 3, 7)))", "7", Rightmost(obj));
        Check("uppermost(Idx((-4, 0), (2, 2)))", "-4", Uppermost(Idx((-4, 0), (2, 2))));
        Check("rightmost(T(P(0, 9), P(0, 1)))", "9", Rightmost(T(P(0, 9), P(0, 1))));
        Raises("uppermost(S())", "ValueError", () => Uppermost(S()));
        Raises("lowermost(T())", "ValueError", () => Lowermost(T()));
        Raises("leftmost(S())", "ValueError", () => Leftmost(S()));
        Raises("rightmost(S())", "ValueError", () => Rightmost(S()));
    }

    [Fact]
    public void Square_line_shapes()
    {
        Check("square(G('1 2;3 4'))", "True", Square(G("1 2;3 4")));
        Check("square(G('1 2'))", "False", Square(G("1 2")));
        Check("square(Idx((0, 0), (0, 1), (1, 0), (1, 1)))", "True", Square(Idx((0, 0), (0, 1), (1, 0), (1, 1))));
        Check("square(Idx((0, 0), (1, 1)))", "False", Square(Idx((0, 0), (1, 1))));
        Check("square(Obj((1, 5, 5)))", "True", Square(Obj((1, 5, 5))));
        Check("square(S())", "True", Square(S()));
        Raises("square(G(''))", "IndexError", () => Square(G("")));
        Check("vline(Idx((0, 3), (1, 3), (2, 3)))", "True", Vline(Idx((0, 3), (1, 3), (2, 3))));
        Check("vline(Idx((0, 3), (2, 3)))", "False", Vline(Idx((0, 3), (2, 3))));
        Check("vline(Idx((0, 0)))", "True", Vline(Idx((0, 0))));
        Check("vline(S())", "False", Vline(S()));
        Check("hline(Obj((1, 4, 0), (2, 4, 1)))", "True", Hline(Obj((1, 4, 0), (2, 4, 1))));
        Check("hline(Obj((1, 4, 0), (2, 4, 0)))", "False", Hline(Obj((1, 4, 0), (2, 4, 0))));
        Check("hline(G('1 2 3'))", "False", Hline(G("1 2 3")));
        Check("hline(G('1'))", "True", Hline(G("1")));
        Check("vline(G('1;2'))", "True", Vline(G("1;2")));
    }

    [Fact]
    public void Hmatching_and_vmatching_share_a_row_or_column()
    {
        Check("hmatching(Idx((0, 0)), Idx((0, 9)))", "True", Hmatching(Idx((0, 0)), Idx((0, 9))));
        Check("hmatching(Idx((0, 0)), Idx((1, 0)))", "False", Hmatching(Idx((0, 0)), Idx((1, 0))));
        Check("vmatching(Obj((1, 0, 4)), Idx((7, 4)))", "True", Vmatching(Obj((1, 0, 4)), Idx((7, 4))));
        Check("vmatching(Idx((0, 0)), S())", "False", Vmatching(Idx((0, 0)), S()));
        Check("hmatching(S(), S())", "False", Hmatching(S(), S()));
    }

    [Fact]
    public void Manhattan_is_the_closest_distance()
    {
        Check("manhattan(Idx((0, 0)), Idx((3, 4)))", "7", Manhattan(Idx((0, 0)), Idx((3, 4))));
        Check("manhattan(Idx((0, 0), (5, 5)), Idx((4, 6), (9, 9)))", "2", Manhattan(Idx((0, 0), (5, 5)), Idx((4, 6), (9, 9))));
        Check("manhattan(Obj((1, 1, 1)), Obj((2, 1, 1)))", "0", Manhattan(Obj((1, 1, 1)), Obj((2, 1, 1))));
        Check("manhattan(Idx((-2, -2)), Idx((2, 2)))", "8", Manhattan(Idx((-2, -2)), Idx((2, 2))));
        Raises("manhattan(S(), Idx((0, 0)))", "ValueError", () => Manhattan(S(), Idx((0, 0))));
        Raises("manhattan(Idx((0, 0)), S())", "ValueError", () => Manhattan(Idx((0, 0)), S()));
    }

    [Fact]
    public void Adjacent_means_distance_one()
    {
        Check("adjacent(Idx((0, 0)), Idx((0, 1)))", "True", Adjacent(Idx((0, 0)), Idx((0, 1))));
        Check("adjacent(Idx((0, 0)), Idx((1, 1)))", "False", Adjacent(Idx((0, 0)), Idx((1, 1))));
        Check("adjacent(Idx((0, 0)), Idx((0, 0)))", "False", Adjacent(Idx((0, 0)), Idx((0, 0))));
        Check("adjacent(Obj((1, 2, 2), (1, 2, 3)), Obj((2, 3, 3)))", "True", Adjacent(Obj((1, 2, 2), (1, 2, 3)), Obj((2, 3, 3))));
        Raises("adjacent(S(), S())", "ValueError", () => Adjacent(S(), S()));
    }

    [Fact]
    public void Bordering_touches_an_edge_of_the_grid()
    {
        var g = G("0 0 0;0 0 0;0 0 0");
        Check("bordering(Idx((1, 1)), G('0 0 0;0 0 0;0 0 0'))", "False", Bordering(Idx((1, 1)), g));
        Check("bordering(Idx((1, 2)), G('0 0 0;0 0 0;0 0 0'))", "True", Bordering(Idx((1, 2)), g));
        Check("bordering(Idx((2, 1)), G('0 0 0;0 0 0;0 0 0'))", "True", Bordering(Idx((2, 1)), g));
        Check("bordering(Idx((0, 1)), G('0 0 0;0 0 0;0 0 0'))", "True", Bordering(Idx((0, 1)), g));
        Check("bordering(Idx((5, 5)), G('0 0 0;0 0 0;0 0 0'))", "False", Bordering(Idx((5, 5)), g));
        Check("bordering(Idx((1, 1)), G30())", "False", Bordering(Idx((1, 1)), G30()));
        Check("bordering(Idx((29, 3)), G30())", "True", Bordering(Idx((29, 3)), G30()));
        Raises("bordering(S(), G('0'))", "ValueError", () => Bordering(S(), G("0")));
    }

    [Fact]
    public void Centerofmass_floors_the_mean_location()
    {
        Check("centerofmass(Idx((0, 0), (1, 1)))", "(0, 0)", Centerofmass(Idx((0, 0), (1, 1))));
        Check("centerofmass(Idx((0, 0), (2, 4)))", "(1, 2)", Centerofmass(Idx((0, 0), (2, 4))));
        Check("centerofmass(Idx((-1, -1), (0, 0)))", "(-1, -1)", Centerofmass(Idx((-1, -1), (0, 0))));
        Check("centerofmass(Obj((1, 0, 0), (2, 0, 0), (3, 3, 3)))", "(1, 1)", Centerofmass(Obj((1, 0, 0), (2, 0, 0), (3, 3, 3))));
        Check("centerofmass(S())", "()", Centerofmass(S()));
    }

    [Fact]
    public void Toobject_reads_the_grid_inside_it()
    {
        var g = G("1 2;3 4");
        Check("toobject(Idx((0, 1), (1, 0), (5, 5), (-1, 0)), G('1 2;3 4'))", "frozenset({(3, (1, 0)), (2, (0, 1))})", Toobject(Idx((0, 1), (1, 0), (5, 5), (-1, 0)), g));
        Check("toobject(Obj((9, 1, 1)), G('1 2;3 4'))", "frozenset({(4, (1, 1))})", Toobject(Obj((9, 1, 1)), g));
        Check("toobject(S(), G('1 2;3 4'))", "frozenset()", Toobject(S(), g));
        Check("toobject(asindices(G('1 2;3 4')), G('1 2;3 4'))", "frozenset({(1, (0, 0)), (3, (1, 0)), (4, (1, 1)), (2, (0, 1))})", Toobject(Asindices(g), g));
        Raises("toobject(Idx((0, 0)), G(''))", "IndexError", () => Toobject(Idx((0, 0)), G("")));
    }

    [Fact]
    public void Asobject_lists_every_cell_with_its_colour()
    {
        Check("asobject(G('1 2;3 4'))", "frozenset({(4, (1, 1)), (3, (1, 0)), (1, (0, 0)), (2, (0, 1))})", Asobject(G("1 2;3 4")));
        Check("asobject(G('0'))", "frozenset({(0, (0, 0))})", Asobject(G("0")));
        Check("asobject(G(''))", "frozenset()", Asobject(G("")));
        Check("first(asobject(G30()))", "(6, (10, 18))", First(Asobject(G30())));
        Check("last(asobject(G30()))", "(8, (23, 17))", Last(Asobject(G30())));
        Check("size(asobject(G30()))", "900", Size(Asobject(G30())));
    }

    [Fact]
    public void Center_is_the_middle_of_the_bounding_box()
    {
        Check("center(Idx((0, 0), (2, 2)))", "(1, 1)", Center(Idx((0, 0), (2, 2))));
        Check("center(Idx((0, 0), (1, 3)))", "(1, 2)", Center(Idx((0, 0), (1, 3))));
        Check("center(Obj((5, -3, -3)))", "(-3, -3)", Center(Obj((5, -3, -3))));
        Check("center(Idx((-4, 0), (-1, 1)))", "(-2, 1)", Center(Idx((-4, 0), (-1, 1))));
        Raises("center(S())", "ValueError", () => Center(S()));
    }

    [Fact]
    public void Position_is_the_direction_between_centres()
    {
        Check("position(Idx((0, 0)), Idx((0, 5)))", "(0, 1)", Position(Idx((0, 0)), Idx((0, 5))));
        Check("position(Idx((0, 5)), Idx((0, 0)))", "(0, -1)", Position(Idx((0, 5)), Idx((0, 0))));
        Check("position(Idx((0, 0)), Idx((4, 0)))", "(1, 0)", Position(Idx((0, 0)), Idx((4, 0))));
        Check("position(Idx((4, 0)), Idx((0, 0)))", "(-1, 0)", Position(Idx((4, 0)), Idx((0, 0))));
        Check("position(Idx((0, 0)), Idx((3, 3)))", "(1, 1)", Position(Idx((0, 0)), Idx((3, 3))));
        Check("position(Idx((3, 0)), Idx((0, 3)))", "(-1, 1)", Position(Idx((3, 0)), Idx((0, 3))));
        Check("position(Idx((0, 3)), Idx((3, 0)))", "(1, -1)", Position(Idx((0, 3)), Idx((3, 0))));
        Check("position(Idx((1, 1)), Idx((1, 1)))", "(0, -1)", Position(Idx((1, 1)), Idx((1, 1))));
        Check("position(Obj((1, 0, 0), (1, 0, 2)), Obj((2, 5, 1)))", "(1, 0)", Position(Obj((1, 0, 0), (1, 0, 2)), Obj((2, 5, 1))));
        Raises("position(S(), Idx((0, 0)))", "ValueError", () => Position(S(), Idx((0, 0))));
    }

    [Fact]
    public void Corners_is_the_set_of_the_four_corners()
    {
        Check("corners(Idx((0, 0), (2, 3)))", "frozenset({(2, 3), (0, 3), (2, 0), (0, 0)})", Corners(Idx((0, 0), (2, 3))));
        Check("corners(Obj((1, 4, 4)))", "frozenset({(4, 4)})", Corners(Obj((1, 4, 4))));
        Check("corners(Idx((0, 5), (9, 0), (3, 3)))", "frozenset({(9, 5), (9, 0), (0, 5), (0, 0)})", Corners(Idx((0, 5), (9, 0), (3, 3))));
        Check("corners(S())", "frozenset({()})", Corners(S()));
    }

    [Fact]
    public void Connect_draws_straight_and_diagonal_lines()
    {
        Check("connect(P(1, 1), P(1, 4))", "frozenset({(1, 1), (1, 2), (1, 3), (1, 4)})", Connect(P(1, 1), P(1, 4)));
        Check("connect(P(4, 2), P(0, 2))", "frozenset({(1, 2), (4, 2), (0, 2), (2, 2), (3, 2)})", Connect(P(4, 2), P(0, 2)));
        Check("connect(P(0, 0), P(3, 3))", "frozenset({(1, 1), (3, 3), (2, 2), (0, 0)})", Connect(P(0, 0), P(3, 3)));
        Check("connect(P(3, 0), P(0, 3))", "frozenset({(1, 2), (0, 3), (2, 1), (3, 0)})", Connect(P(3, 0), P(0, 3)));
        Check("connect(P(0, 3), P(3, 0))", "frozenset({(1, 2), (0, 3), (2, 1), (3, 0)})", Connect(P(0, 3), P(3, 0)));
        Check("connect(P(-2, -2), P(1, 1))", "frozenset({(1, 1), (-1, -1), (-2, -2), (0, 0)})", Connect(P(-2, -2), P(1, 1)));
        Check("connect(P(5, 5), P(5, 5))", "frozenset({(5, 5)})", Connect(P(5, 5), P(5, 5)));
        Check("connect(P(0, 0), P(1, 2))", "frozenset()", Connect(P(0, 0), P(1, 2)));
        Check("recolor(3, connect(P(0, 0), P(1, 2)))", "frozenset()", Recolor(I(3), Connect(P(0, 0), P(1, 2))));
        Check("apply(rbind(connect, P(0, 0)), Idx((1, 2), (2, 2), (0, 3), (3, 1), (2, 0)))", "frozenset({frozenset(), frozenset({(1, 1), (2, 2), (0, 0)}), frozenset({(0, 1), (0, 2), (0, 3), (0, 0)}), frozenset({(1, 0), (2, 0), (0, 0)})})", Apply(Rbind(F("connect"), P(0, 0)), Idx((1, 2), (2, 2), (0, 3), (3, 1), (2, 0))));
        Raises("connect(T(1, 2, 3), P(1, 1))", "ValueError", () => Connect(T(1, 2, 3), P(1, 1)));
    }

    [Fact]
    public void Lines_between_all_pairs_of_cells_agree_with_CPython()
    {
        // solve_06df4c85's pipeline on all cells of a real grid: 160,000 pairs, most of them not
        // aligned, whose empty connections and lines are recoloured into one set; a digest of its
        // whole order, and its size, against CPython's.
        var cells = Asobject(Arc("06df4c85"));
        var sameColor = Sfilter(Product(cells, cells), Fork(F("equality"), Power(F("first"), I(2)), Compose(F("first"), F("last"))));
        var lines = Apply(Fork(F("recolor"), F("color"), Fork(F("connect"), Compose(F("last"), F("first")), Power(F("last"), I(2)))), sameColor);
        Check("size(apply(fork(recolor, color, fork(connect, compose(last, first), power(last, 2))), sfilter(product(asobject(Arc('06df4c85')), asobject(Arc('06df4c85'))), fork(equality, power(first, 2), compose(first, last)))))", "7419", Size(lines));
        Check("hash(totuple(apply(fork(recolor, color, fork(connect, compose(last, first), power(last, 2))), sfilter(product(asobject(Arc('06df4c85')), asobject(Arc('06df4c85'))), fork(equality, power(first, 2), compose(first, last)))))) % 1000000007", "197925297", Digest(Totuple(lines)));
    }

    [Fact]
    public void Backdrop_and_delta_fill_the_bounding_box()
    {
        Check("backdrop(Idx((0, 0), (1, 2)))", "frozenset({(0, 1), (1, 2), (0, 0), (1, 1), (0, 2), (1, 0)})", Backdrop(Idx((0, 0), (1, 2))));
        Check("backdrop(Obj((1, -1, -1), (2, 0, 0)))", "frozenset({(-1, 0), (0, -1), (-1, -1), (0, 0)})", Backdrop(Obj((1, -1, -1), (2, 0, 0))));
        Check("backdrop(S())", "frozenset()", Backdrop(S()));
        Check("delta(Idx((0, 0), (1, 2)))", "frozenset({(0, 1), (1, 0), (1, 1), (0, 2)})", Delta(Idx((0, 0), (1, 2))));
        Check("delta(Idx((0, 0), (2, 2)))", "frozenset({(0, 1), (1, 2), (2, 1), (1, 1), (2, 0), (0, 2), (1, 0)})", Delta(Idx((0, 0), (2, 2))));
        Check("delta(Obj((1, 0, 0), (2, 0, 1)))", "frozenset()", Delta(Obj((1, 0, 0), (2, 0, 1))));
        Check("delta(S())", "frozenset()", Delta(S()));
        Check("size(delta(Idx((0, 0), (29, 29))))", "898", Size(Delta(Idx((0, 0), (29, 29)))));
        Check("totuple(delta(Idx((0, 0), (29, 29))))[:5]", "((15, 21), (26, 21), (7, 17), (18, 17), (7, 26))", Tup(((TupleValue)Totuple(Delta(Idx((0, 0), (29, 29))))).Items().Take(5)));
    }

    [Fact]
    public void Gravitate_moves_until_adjacent()
    {
        Check("gravitate(Idx((0, 0)), Idx((0, 5)))", "(0, 4)", Gravitate(Idx((0, 0)), Idx((0, 5))));
        Check("gravitate(Idx((0, 5)), Idx((0, 0)))", "(0, -4)", Gravitate(Idx((0, 5)), Idx((0, 0))));
        Check("gravitate(Idx((6, 2)), Idx((0, 2)))", "(-5, 0)", Gravitate(Idx((6, 2)), Idx((0, 2))));
        Check("gravitate(Idx((0, 0)), Idx((0, 1)))", "(0, 0)", Gravitate(Idx((0, 0)), Idx((0, 1))));
        Check("gravitate(Obj((1, 0, 0), (1, 1, 0)), Obj((2, 5, 3), (2, 5, 4)))", "(0, 42)", Gravitate(Obj((1, 0, 0), (1, 1, 0)), Obj((2, 5, 3), (2, 5, 4))));
        Check("gravitate(Idx((0, 0)), Idx((0, 0)))", "(-1, 0)", Gravitate(Idx((0, 0)), Idx((0, 0))));
        // Never adjacent (no shared column, equal centre columns: it moves left, away): it gives up after 42 steps.
        Check("gravitate(Idx((0, 0), (0, 4)), Idx((5, 2)))", "(0, -42)", Gravitate(Idx((0, 0), (0, 4)), Idx((5, 2))));
        Check("gravitate(Idx((0, 0)), Idx((3, 3)))", "(0, 42)", Gravitate(Idx((0, 0)), Idx((3, 3))));
    }

    [Fact]
    public void Gravitate_gives_the_offset_that_shifting_one_step_at_a_time_gives()
    {
        // arc-dsl's own loop, from primitives: shift the source a step towards the destination until it is
        // adjacent, at most 42 steps. The port counts the steps from each pair of cells instead.
        var random = new Random(20261206);
        for (var n = 0; n < 3000; n++)
        {
            var (source, destination) = (RandomPatch(random), RandomPatch(random));
            var (s, d) = ((Pair)Center(source), (Pair)Center(destination));
            var step = Vmatching(source, destination).Equals(Bool.True) ? Pair.Of(s.A < d.A ? 1 : -1, 0) : Pair.Of(0, s.B < d.B ? 1 : -1);
            var (moved, c) = ((Value)source, 0);
            while (!Adjacent(moved, destination).Equals(Bool.True) && c < 42) (moved, c) = (Shift(moved, step), c + 1);
            Assert.Equal(Pair.Of(c * step.A, c * step.B), Gravitate(source, destination));
        }
    }

    private static FrozenSetValue RandomPatch(Random random) =>
        Idx(Enumerable.Range(0, random.Next(1, 7)).Select(_ => (random.Next(-4, 14), random.Next(-4, 14))).ToArray());

    [Fact]
    public void Inbox_outbox_and_box_are_rectangle_outlines()
    {
        var sq = Idx((0, 0), (4, 4));
        Check("inbox(Idx((0, 0), (4, 4)))", "frozenset({(1, 2), (2, 1), (3, 1), (1, 1), (2, 3), (3, 3), (3, 2), (1, 3)})", Inbox(sq));
        Check("outbox(Idx((0, 0), (4, 4)))", "frozenset({(2, -1), (3, -1), (1, 5), (5, -1), (5, 4), (5, 1), (-1, 0), (-1, 3), (0, 5), (4, -1), (2, 5), (3, 5), (5, 2), (5, 5), (-1, -1), (-1, 4), (-1, 1), (1, -1), (4, 5), (5, 0), (5, 3), (-1, 2), (0, -1), (-1, 5)})", Outbox(sq));
        Check("box(Idx((0, 0), (4, 4)))", "frozenset({(0, 1), (2, 4), (4, 0), (0, 4), (3, 4), (4, 3), (0, 2), (1, 0), (4, 1), (4, 4), (0, 0), (0, 3), (2, 0), (1, 4), (3, 0), (4, 2)})", Box(sq));
        Check("box(Obj((1, 2, 2)))", "frozenset({(2, 2)})", Box(Obj((1, 2, 2))));
        Check("outbox(Idx((0, 0)))", "frozenset({(0, 1), (-1, -1), (-1, 1), (1, 1), (1, -1), (-1, 0), (1, 0), (0, -1)})", Outbox(Idx((0, 0))));
        // The inbox of a single cell runs from one past it to one before it, and so surrounds it.
        Check("inbox(Idx((5, 5)))", "frozenset({(4, 4), (6, 5), (5, 4), (4, 6), (6, 4), (4, 5), (5, 6), (6, 6)})", Inbox(Idx((5, 5))));
        Check("inbox(Idx((0, 0), (1, 1)))", "frozenset({(0, 1), (1, 0), (1, 1), (0, 0)})", Inbox(Idx((0, 0), (1, 1))));
    }

    [Fact]
    public void Box_of_an_empty_patch_is_the_patch_but_inbox_and_outbox_raise()
    {
        var empty = T();
        Assert.Same(empty, Box(empty));
        Check("box(S())", "frozenset()", Box(S()));
        Raises("inbox(S())", "ValueError", () => Inbox(S()));
        Raises("outbox(S())", "ValueError", () => Outbox(S()));
    }

    [Fact]
    public void Shoot_draws_43_cells_from_the_start()
    {
        Check("size(shoot(P(0, 0), P(1, 1)))", "43", Size(Shoot(P(0, 0), P(1, 1))));
        Check("shoot(P(2, 2), P(-1, 0))", "frozenset({(-11, 2), (-22, 2), (-33, 2), (0, 2), (-31, 2), (-20, 2), (-9, 2), (2, 2), (-40, 2), (-18, 2), (-7, 2), (-16, 2), (-38, 2), (-27, 2), (-29, 2), (-5, 2), (-36, 2), (-25, 2), (-14, 2), (-3, 2), (-23, 2), (-32, 2), (1, 2), (-35, 2), (-12, 2), (-21, 2), (-34, 2), (-10, 2), (-30, 2), (-19, 2), (-2, 2), (-1, 2), (-28, 2), (-39, 2), (-6, 2), (-8, 2), (-17, 2), (-37, 2), (-26, 2), (-15, 2), (-4, 2), (-24, 2), (-13, 2)})", Shoot(P(2, 2), P(-1, 0)));
        Check("first(shoot(P(5, 5), P(0, 1)))", "(5, 7)", First(Shoot(P(5, 5), P(0, 1))));
        Check("last(shoot(P(5, 5), P(-1, 1)))", "(-4, 14)", Last(Shoot(P(5, 5), P(-1, 1))));
        Check("shoot(P(3, 4), P(0, 0))", "frozenset({(3, 4)})", Shoot(P(3, 4), P(0, 0)));
        Check("shoot(P(0, 0), P(1, 2))", "frozenset()", Shoot(P(0, 0), P(1, 2)));
        Raises("shoot(P(0, 0), T(1,))", "IndexError", () => Shoot(P(0, 0), T(1)));
    }

    /// <summary>
    /// arc-dsl's recolor pairs the value with each index as it is, and centerofmass sums every
    /// column of zip(*indices), so locations of three numbers pass through both.
    /// </summary>
    [Fact]
    public void Patches_of_longer_tuples()
    {
        All(
            () => Check("recolor(1, T(T(1, 2, 3),))", "frozenset({(1, (1, 2, 3))})", () => Recolor(I(1), T(T(1, 2, 3)))),
            () => Check("centerofmass(T(T(1, 2, 3),))", "(1, 2, 3)", () => Centerofmass(T(T(1, 2, 3)))));
    }

    [Fact]
    public void Vfrontier_and_hfrontier_span_30_cells()
    {
        Check("vfrontier(P(3, 4))", "frozenset({(12, 4), (23, 4), (3, 4), (14, 4), (5, 4), (27, 4), (16, 4), (25, 4), (7, 4), (18, 4), (29, 4), (20, 4), (22, 4), (11, 4), (9, 4), (2, 4), (13, 4), (0, 4), (24, 4), (15, 4), (26, 4), (6, 4), (17, 4), (4, 4), (28, 4), (8, 4), (19, 4), (10, 4), (1, 4), (21, 4)})", Vfrontier(P(3, 4)));
        Check("hfrontier(P(3, 4))", "frozenset({(3, 4), (3, 1), (3, 7), (3, 10), (3, 16), (3, 13), (3, 19), (3, 25), (3, 22), (3, 28), (3, 0), (3, 3), (3, 9), (3, 6), (3, 12), (3, 18), (3, 15), (3, 21), (3, 24), (3, 27), (3, 2), (3, 5), (3, 11), (3, 8), (3, 14), (3, 17), (3, 23), (3, 20), (3, 26), (3, 29)})", Hfrontier(P(3, 4)));
        Check("size(vfrontier(P(-7, 40)))", "30", Size(Vfrontier(P(-7, 40))));
        Check("contained(P(29, 0), vfrontier(P(99, 0)))", "True", Contained(P(29, 0), Vfrontier(P(99, 0))));
        Check("first(hfrontier(T(1, True)))", "(1, 28)", First(Hfrontier(T(1, true))));
        Check("first(vfrontier(T(1, True)))", "(12, True)", First(Vfrontier(T(1, true))));
        Raises("vfrontier(T(1,))", "IndexError", () => Vfrontier(T(1)));
    }
}
