using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.Builtins;
using static ArcSynth.Dsl.Tests.TestSupport.Make;
using static ArcSynth.Dsl.Tests.TestSupport.PyAssert;

namespace ArcSynth.Dsl.Tests.Primitives;

/// <summary>
/// The grid primitives (dsl/ArcSynth.Dsl/Primitives/Grids.cs), including Python's slicing at the
/// edges (negative starts, empty results), grids of width 0 (tuples of empty tuples) and of height 0.
/// </summary>
public sealed class GridsTests
{
    private const string G23 = "1 2 3;4 5 6";

    [Fact]
    public void Crop_slices_rows_then_columns()
    {
        var g = G("1 2 3;4 5 6;7 8 9");
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(1, 1), P(2, 2))", "((5, 6), (8, 9))", Crop(g, P(1, 1), P(2, 2)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(0, 0), P(1, 1))", "((1,),)", Crop(g, P(0, 0), P(1, 1)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(2, 1), P(5, 5))", "((8, 9),)", Crop(g, P(2, 1), P(5, 5)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(3, 0), P(1, 1))", "()", Crop(g, P(3, 0), P(1, 1)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(0, 3), P(2, 1))", "((), ())", Crop(g, P(0, 3), P(2, 1)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(0, 0), P(0, 3))", "()", Crop(g, P(0, 0), P(0, 3)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), T(1, 1, 9), T(1, 1, 9))", "((5,),)", Crop(g, T(1, 1, 9), T(1, 1, 9)));
    }

    [Fact]
    public void Crop_with_negative_starts_slices_from_the_end()
    {
        var g = G("1 2 3;4 5 6;7 8 9");
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(-1, 0), P(2, 3))", "()", Crop(g, P(-1, 0), P(2, 3)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(-3, -2), P(2, 1))", "((2,), (5,))", Crop(g, P(-3, -2), P(2, 1)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(-5, 0), P(3, 3))", "((1, 2, 3),)", Crop(g, P(-5, 0), P(3, 3)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(0, 0), P(-1, 2))", "((1, 2), (4, 5))", Crop(g, P(0, 0), P(-1, 2)));
        Check("crop(G('1 2 3;4 5 6;7 8 9'), P(-2, -2), P(9, 9))", "((5, 6), (8, 9))", Crop(g, P(-2, -2), P(9, 9)));
        Raises("crop(G('1 2 3;4 5 6;7 8 9'), T(1,), P(1, 1))", "IndexError", () => Crop(g, T(1), P(1, 1)));
    }

    [Fact]
    public void Rotations()
    {
        var g = G(G23);
        Check("rot90(G('1 2 3;4 5 6'))", "((4, 1), (5, 2), (6, 3))", Rot90(g));
        Check("rot180(G('1 2 3;4 5 6'))", "((6, 5, 4), (3, 2, 1))", Rot180(g));
        Check("rot270(G('1 2 3;4 5 6'))", "((3, 6), (2, 5), (1, 4))", Rot270(g));
        Check("rot90(G('7'))", "((7,),)", Rot90(G("7")));
        Check("rot90(G(''))", "()", Rot90(G("")));
        Check("rot180(G(''))", "()", Rot180(G("")));
        Check("rot270(T(T(), T()))", "()", Rot270(T(T(), T())));
        Check("rot90(T(T(), T()))", "()", Rot90(T(T(), T())));
        Check("rot180(T(T(), T()))", "((), ())", Rot180(T(T(), T())));
        Check("power(rot90, 4)(G30()) == G30()", "True", Equality(Call(Power(F("rot90"), I(4)), G30()), G30()));
        Check("rot90(G30())[0][:5]", "(7, 4, 1, 8, 5)", Tup(((TupleValue)((TupleValue)Rot90(G30()))[0]).Items().Take(5)));
        Check("rot270(G30())[29][:5]", "(0, 3, 6, 9, 2)", Tup(((TupleValue)((TupleValue)Rot270(G30()))[29]).Items().Take(5)));
    }

    [Fact]
    public void Mirrors_of_grids()
    {
        var g = G(G23);
        Check("hmirror(G('1 2 3;4 5 6'))", "((4, 5, 6), (1, 2, 3))", Hmirror(g));
        Check("vmirror(G('1 2 3;4 5 6'))", "((3, 2, 1), (6, 5, 4))", Vmirror(g));
        Check("dmirror(G('1 2 3;4 5 6'))", "((1, 4), (2, 5), (3, 6))", Dmirror(g));
        Check("cmirror(G('1 2 3;4 5 6'))", "((6, 3), (5, 2), (4, 1))", Cmirror(g));
        Check("hmirror(G(''))", "()", Hmirror(G("")));
        Check("vmirror(G(''))", "()", Vmirror(G("")));
        Check("dmirror(G(''))", "()", Dmirror(G("")));
        Check("cmirror(G('5'))", "((5,),)", Cmirror(G("5")));
        Check("dmirror(T(T(),))", "()", Dmirror(T(T())));
        Check("hmirror(P(1, 2))", "(2, 1)", Hmirror(P(1, 2)));
        Check("hmirror(T(1, 2, 3))", "(3, 2, 1)", Hmirror(T(1, 2, 3)));
        Raises("vmirror(T(1, 2))", "TypeError", () => Vmirror(T(1, 2)));
        Check("dmirror(G30()) == rot90(hmirror(G30()))", "True", Equality(Dmirror(G30()), Rot90(Hmirror(G30()))));
        Check("cmirror(G30()) == rot90(vmirror(G30()))", "True", Equality(Cmirror(G30()), Rot90(Vmirror(G30()))));
    }

    [Fact]
    public void Mirrors_of_patches_keep_the_bounding_box()
    {
        var obj = Obj((1, 0, 0), (2, 0, 2), (3, 1, 0));
        Check("hmirror(Obj((1, 0, 0), (2, 0, 2), (3, 1, 0)))", "frozenset({(3, (0, 0)), (2, (1, 2)), (1, (1, 0))})", Hmirror(obj));
        Check("vmirror(Obj((1, 0, 0), (2, 0, 2), (3, 1, 0)))", "frozenset({(2, (0, 0)), (1, (0, 2)), (3, (1, 2))})", Vmirror(obj));
        Check("dmirror(Obj((1, 0, 0), (2, 0, 2), (3, 1, 0)))", "frozenset({(3, (0, 1)), (1, (0, 0)), (2, (2, 0))})", Dmirror(obj));
        Check("cmirror(Obj((1, 0, 0), (2, 0, 2), (3, 1, 0)))", "frozenset({(3, (2, 0)), (2, (0, 1)), (1, (2, 1))})", Cmirror(obj));
        Check("hmirror(Idx((2, 5), (4, 7)))", "frozenset({(4, 5), (2, 7)})", Hmirror(Idx((2, 5), (4, 7))));
        Check("vmirror(Idx((2, 5), (4, 7)))", "frozenset({(4, 5), (2, 7)})", Vmirror(Idx((2, 5), (4, 7))));
        Check("dmirror(Idx((2, 5), (4, 7), (3, 9)))", "frozenset({(6, 6), (2, 5), (4, 7)})", Dmirror(Idx((2, 5), (4, 7), (3, 9))));
        Check("cmirror(Idx((2, 5), (4, 7), (3, 9)))", "frozenset({(6, 7), (4, 5), (2, 6)})", Cmirror(Idx((2, 5), (4, 7), (3, 9))));
        Check("dmirror(Idx((-1, -3), (0, 0)))", "frozenset({(2, -2), (-1, -3)})", Dmirror(Idx((-1, -3), (0, 0))));
    }

    [Fact]
    public void Mirrors_of_an_empty_patch_raise_as_Python_does()
    {
        Raises("hmirror(S())", "IndexError", () => Hmirror(S()));
        Raises("vmirror(S())", "IndexError", () => Vmirror(S()));
        Raises("dmirror(S())", "ValueError", () => Dmirror(S()));
        Raises("cmirror(S())", "IndexError", () => Cmirror(S()));
    }

    [Fact]
    public void Fill_sets_every_location_inside_the_grid()
    {
        var g = G("0 0;0 0");
        Check("fill(G('0 0;0 0'), 5, Idx((0, 1), (1, 1), (2, 2), (-1, 0)))", "((0, 5), (0, 5))", Fill(g, I(5), Idx((0, 1), (1, 1), (2, 2), (-1, 0))));
        Check("fill(G('0 0;0 0'), 5, Obj((3, 1, 0)))", "((0, 0), (5, 0))", Fill(g, I(5), Obj((3, 1, 0))));
        Check("fill(G('0 0;0 0'), 5, S())", "((0, 0), (0, 0))", Fill(g, I(5), S()));
        Check("fill(G('0 0;0 0'), 5, T(P(0, 0),))", "((5, 0), (0, 0))", Fill(g, I(5), T(P(0, 0))));
        Check("fill(G30(), 0, asindices(G30())) == canvas(0, P(30, 30))", "True", Equality(Fill(G30(), I(0), Asindices(G30())), Canvas(I(0), P(30, 30))));
        Raises("fill(G(''), 1, Idx((0, 0)))", "IndexError", () => Fill(G(""), I(1), Idx((0, 0))));
    }

    [Fact]
    public void Paint_writes_each_cell_later_cells_winning()
    {
        var g = G("0 0;0 0");
        Check("paint(G('0 0;0 0'), Obj((1, 0, 0), (2, 1, 1), (3, 5, 5)))", "((1, 0), (0, 2))", Paint(g, Obj((1, 0, 0), (2, 1, 1), (3, 5, 5))));
        Check("paint(G('0 0;0 0'), S())", "((0, 0), (0, 0))", Paint(g, S()));
        // Two cells at one place: the one iterated last is seen.
        Check("paint(G('0 0;0 0'), Obj((1, 0, 0), (2, 0, 0)))", "((1, 0), (0, 0))", Paint(g, Obj((1, 0, 0), (2, 0, 0))));
        Check("paint(G('0 0;0 0'), Obj((2, 0, 0), (1, 0, 0)))", "((1, 0), (0, 0))", Paint(g, Obj((2, 0, 0), (1, 0, 0))));
        Check("paint(G('0 0;0 0'), Obj((7, 1, 1), (9, 1, 1), (8, 1, 1)))", "((0, 0), (0, 7))", Paint(g, Obj((7, 1, 1), (9, 1, 1), (8, 1, 1))));
        Check("paint(G('0 0;0 0'), T(T(4, P(1, 0)), T(5, P(1, 0))))", "((0, 0), (5, 0))", Paint(g, T(T(4, P(1, 0)), T(5, P(1, 0)))));
        Raises("paint(G('0 0;0 0'), Idx((0, 0)))", "TypeError", () => Paint(g, Idx((0, 0))));
    }

    [Fact]
    public void Underfill_and_underpaint_change_only_background_cells()
    {
        var g = G("0 0 1;0 2 0");
        Check("underfill(G('0 0 1;0 2 0'), 7, Idx((0, 0), (0, 2), (1, 1), (9, 9)))", "((7, 0, 1), (0, 2, 0))", Underfill(g, I(7), Idx((0, 0), (0, 2), (1, 1), (9, 9))));
        Check("underpaint(G('0 0 1;0 2 0'), Obj((5, 0, 1), (6, 0, 2), (7, 1, 2)))", "((0, 5, 1), (0, 2, 7))", Underpaint(g, Obj((5, 0, 1), (6, 0, 2), (7, 1, 2))));
        // The background is the most common colour, ties broken by set order: 8 here.
        Check("underfill(G('8 0;0 8'), 3, asindices(G('8 0;0 8')))", "((3, 0), (0, 3))", Underfill(G("8 0;0 8"), I(3), Asindices(G("8 0;0 8"))));
        Check("underpaint(G('0 8;8 0'), recolor(3, asindices(G('0 8;8 0'))))", "((3, 8), (8, 3))", Underpaint(G("0 8;8 0"), Recolor(I(3), Asindices(G("0 8;8 0")))));
        Check("underpaint(G('5'), Obj((1, 0, 0), (2, 0, 0)))", "((2,),)", Underpaint(G("5"), Obj((1, 0, 0), (2, 0, 0))));
        Raises("underfill(G(''), 1, S())", "IndexError", () => Underfill(G(""), I(1), S()));
    }

    [Fact]
    public void Upscaling_grids()
    {
        var g = G("1 2;3 4");
        Check("hupscale(G('1 2;3 4'), 2)", "((1, 1, 2, 2), (3, 3, 4, 4))", Hupscale(g, I(2)));
        Check("vupscale(G('1 2;3 4'), 2)", "((1, 2), (1, 2), (3, 4), (3, 4))", Vupscale(g, I(2)));
        Check("upscale(G('1 2;3 4'), 2)", "((1, 1, 2, 2), (1, 1, 2, 2), (3, 3, 4, 4), (3, 3, 4, 4))", Upscale(g, I(2)));
        Check("upscale(G('1 2;3 4'), 1)", "((1, 2), (3, 4))", Upscale(g, I(1)));
        Check("hupscale(G('1 2;3 4'), 0)", "((), ())", Hupscale(g, I(0)));
        Check("hupscale(G('1 2;3 4'), -1)", "((), ())", Hupscale(g, I(-1)));
        Check("vupscale(G('1 2;3 4'), 0)", "()", Vupscale(g, I(0)));
        Check("upscale(G('1 2;3 4'), 0)", "()", Upscale(g, I(0)));
        Check("upscale(G('1 2;3 4'), -2)", "()", Upscale(g, I(-2)));
        Check("upscale(G(''), 3)", "()", Upscale(G(""), I(3)));
        Check("shape(upscale(G('1 2 3'), 10))", "(10, 30)", Shape(Upscale(G("1 2 3"), I(10))));
        Check("upscale(G('7'), True)", "((7,),)", Upscale(G("7"), True));
    }

    [Fact]
    public void Upscaling_objects_keeps_the_upper_left_corner()
    {
        Check("upscale(Obj((1, 2, 3), (2, 2, 4)), 2)", "frozenset({(2, (3, 6)), (1, (2, 4)), (1, (3, 4)), (2, (3, 5)), (2, (2, 6)), (2, (2, 5)), (1, (2, 3)), (1, (3, 3))})", Upscale(Obj((1, 2, 3), (2, 2, 4)), I(2)));
        Check("upscale(Obj((5, -1, -1)), 3)", "frozenset({(5, (-1, -1)), (5, (-1, 0)), (5, (0, 0)), (5, (1, 0)), (5, (0, -1)), (5, (1, -1)), (5, (-1, 1)), (5, (0, 1)), (5, (1, 1))})", Upscale(Obj((5, -1, -1)), I(3)));
        Check("upscale(Obj((5, 0, 0)), 0)", "frozenset()", Upscale(Obj((5, 0, 0)), I(0)));
        Check("upscale(S(), 2)", "frozenset()", Upscale(S(), I(2)));
        Raises("upscale(Idx((0, 0)), 2)", "TypeError", () => Upscale(Idx((0, 0)), I(2)));
    }

    [Fact]
    public void Downscale_keeps_every_factor_th_row_and_column()
    {
        Check("downscale(G('1 1 2 2;1 1 2 2;3 3 4 4;3 3 4 4'), 2)", "((1, 2), (3, 4))", Downscale(G("1 1 2 2;1 1 2 2;3 3 4 4;3 3 4 4"), I(2)));
        Check("downscale(G('1 2 3;4 5 6;7 8 9'), 2)", "((1, 3), (7, 9))", Downscale(G("1 2 3;4 5 6;7 8 9"), I(2)));
        Check("downscale(G('1 2 3;4 5 6'), 5)", "((1,),)", Downscale(G("1 2 3;4 5 6"), I(5)));
        Check("downscale(G('1 2 3;4 5 6'), -2)", "((1, 3),)", Downscale(G("1 2 3;4 5 6"), I(-2)));
        Check("downscale(upscale(G30(), 3), 3) == G30()", "True", Equality(Downscale(Upscale(G30(), I(3)), I(3)), G30()));
        Raises("downscale(G('1 2'), 0)", "ZeroDivisionError", () => Downscale(G("1 2"), I(0)));
        Raises("downscale(G(''), 2)", "IndexError", () => Downscale(G(""), I(2)));
    }

    [Fact]
    public void Hconcat_and_vconcat()
    {
        Check("hconcat(G('1;2'), G('3 4;5 6'))", "((1, 3, 4), (2, 5, 6))", Hconcat(G("1;2"), G("3 4;5 6")));
        Check("hconcat(G('1;2;3'), G('4'))", "((1, 4),)", Hconcat(G("1;2;3"), G("4")));
        Check("hconcat(G('1'), G(''))", "()", Hconcat(G("1"), G("")));
        Check("vconcat(G('1 2'), G('3 4;5 6'))", "((1, 2), (3, 4), (5, 6))", Vconcat(G("1 2"), G("3 4;5 6")));
        Check("vconcat(G('1 2'), G(''))", "((1, 2),)", Vconcat(G("1 2"), G("")));
        Check("vconcat(G('1 2'), G('3'))", "((1, 2), (3,))", Vconcat(G("1 2"), G("3")));
        Check("shape(hconcat(G30(), G30()))", "(30, 60)", Shape(Hconcat(G30(), G30())));
        Raises("vconcat(G('1'), S())", "TypeError", () => Vconcat(G("1"), S()));
    }

    [Fact]
    public void Subgrid_crops_to_the_patch()
    {
        var g = G("1 2 3;4 5 6;7 8 9");
        Check("subgrid(Idx((1, 1), (2, 2)), G('1 2 3;4 5 6;7 8 9'))", "((5, 6), (8, 9))", Subgrid(Idx((1, 1), (2, 2)), g));
        Check("subgrid(Obj((0, 0, 2), (0, 2, 0)), G('1 2 3;4 5 6;7 8 9'))", "((1, 2, 3), (4, 5, 6), (7, 8, 9))", Subgrid(Obj((0, 0, 2), (0, 2, 0)), g));
        Check("subgrid(Idx((2, 1)), G('1 2 3;4 5 6;7 8 9'))", "((8,),)", Subgrid(Idx((2, 1)), g));
        Check("subgrid(Idx((-1, -1), (0, 0)), G('1 2 3;4 5 6;7 8 9'))", "()", Subgrid(Idx((-1, -1), (0, 0)), g));
        Raises("subgrid(S(), G('1 2 3;4 5 6;7 8 9'))", "IndexError", () => Subgrid(S(), g));
    }

    [Fact]
    public void Hsplit_and_vsplit_skip_a_separator_when_the_size_does_not_divide()
    {
        Check("hsplit(G('1 2 3 4'), 2)", "(((1, 2),), ((3, 4),))", Hsplit(G("1 2 3 4"), I(2)));
        Check("hsplit(G('1 2 0 3 4'), 2)", "(((1, 2),), ((3, 4),))", Hsplit(G("1 2 0 3 4"), I(2)));
        Check("hsplit(G('1 2 3'), 1)", "(((1, 2, 3),),)", Hsplit(G("1 2 3"), I(1)));
        Check("hsplit(G('1 2'), 3)", "(((),), ((),), ((),))", Hsplit(G("1 2"), I(3)));
        Check("vsplit(G('1;2;0;3;4'), 2)", "(((1,), (2,)), ((3,), (4,)))", Vsplit(G("1;2;0;3;4"), I(2)));
        Check("vsplit(G('1 1;2 2;3 3'), 3)", "(((1, 1),), ((2, 2),), ((3, 3),))", Vsplit(G("1 1;2 2;3 3"), I(3)));
        Check("vsplit(G('1;2'), -1)", "()", Vsplit(G("1;2"), I(-1)));
        Check("tuple(shape(g) for g in hsplit(G30(), 4))", "((30, 7), (30, 7), (30, 7), (30, 6))", Tup(Py.Iterate(Hsplit(G30(), I(4))).Select(Shape)));
        Raises("hsplit(G('1 2'), 0)", "ZeroDivisionError", () => Hsplit(G("1 2"), I(0)));
        Raises("vsplit(G('1 2'), 0)", "ZeroDivisionError", () => Vsplit(G("1 2"), I(0)));
    }

    [Fact]
    public void Cellwise_keeps_equal_cells_and_falls_back_elsewhere()
    {
        Check("cellwise(G('1 2;3 4'), G('1 0;3 0'), 9)", "((1, 9), (3, 9))", Cellwise(G("1 2;3 4"), G("1 0;3 0"), I(9)));
        Check("cellwise(G('1 2'), G('1 2;3 4'), 0)", "((1, 2),)", Cellwise(G("1 2"), G("1 2;3 4"), I(0)));
        Check("cellwise(G('1 2'), G('1 2'), P(0, 0))", "((1, 2),)", Cellwise(G("1 2"), G("1 2"), P(0, 0)));
        Check("cellwise(G30(), G30(), 0) == G30()", "True", Equality(Cellwise(G30(), G30(), I(0)), G30()));
        Raises("cellwise(G('1 2;3 4'), G('1 2'), 0)", "IndexError", () => Cellwise(G("1 2;3 4"), G("1 2"), I(0)));
        Raises("cellwise(G(''), G('1'), 0)", "IndexError", () => Cellwise(G(""), G("1"), I(0)));
    }

    [Fact]
    public void Replace_and_switch_colours()
    {
        var g = G("1 2;2 3");
        Check("replace(G('1 2;2 3'), 2, 7)", "((1, 7), (7, 3))", Replace(g, I(2), I(7)));
        Check("replace(G('1 2;2 3'), 9, 7)", "((1, 2), (2, 3))", Replace(g, I(9), I(7)));
        Check("replace(G('1 2;2 3'), P(1, 2), 7)", "((1, 2), (2, 3))", Replace(g, P(1, 2), I(7)));
        Check("replace(G('1 0;0 1'), True, 5)", "((5, 0), (0, 5))", Replace(G("1 0;0 1"), True, I(5)));
        Check("switch(G('1 2;2 3'), 1, 2)", "((2, 1), (1, 3))", Switch(g, I(1), I(2)));
        Check("switch(G('1 2;2 3'), 2, 9)", "((1, 9), (9, 3))", Switch(g, I(2), I(9)));
        Check("switch(G('1 2;2 3'), 3, 3)", "((1, 2), (2, 3))", Switch(g, I(3), I(3)));
        Check("switch(G(''), 1, 2)", "()", Switch(G(""), I(1), I(2)));
        Check("replace(G(''), 1, 2)", "()", Replace(G(""), I(1), I(2)));
    }

    [Fact]
    public void Index_reads_a_cell_or_gives_None_outside()
    {
        var g = G(G23);
        Check("index(G('1 2 3;4 5 6'), P(1, 2))", "6", Index(g, P(1, 2)));
        Check("index(G('1 2 3;4 5 6'), P(0, 0))", "1", Index(g, P(0, 0)));
        Check("index(G('1 2 3;4 5 6'), P(-1, 0))", "None", Index(g, P(-1, 0)));
        Check("index(G('1 2 3;4 5 6'), P(2, 0))", "None", Index(g, P(2, 0)));
        Check("index(G('1 2 3;4 5 6'), P(0, 3))", "None", Index(g, P(0, 3)));
        Check("index(G30(), P(29, 29))", "0", Index(G30(), P(29, 29)));
        Check("index(G('1 2 3;4 5 6'), T(True, True))", "5", Index(g, T(true, true)));
        Raises("index(G('1 2 3;4 5 6'), T(1, 2, 3))", "ValueError", () => Index(g, T(1, 2, 3)));
        Raises("index(G(''), P(0, 0))", "IndexError", () => Index(G(""), P(0, 0)));
    }

    [Fact]
    public void Canvas_builds_a_uniform_grid()
    {
        Check("canvas(7, P(2, 3))", "((7, 7, 7), (7, 7, 7))", Canvas(I(7), P(2, 3)));
        Check("canvas(0, P(1, 1))", "((0,),)", Canvas(I(0), P(1, 1)));
        Check("canvas(1, P(0, 5))", "()", Canvas(I(1), P(0, 5)));
        Check("canvas(1, P(-2, 5))", "()", Canvas(I(1), P(-2, 5)));
        Check("canvas(1, P(2, 0))", "((), ())", Canvas(I(1), P(2, 0)));
        Check("canvas(1, P(2, -1))", "((), ())", Canvas(I(1), P(2, -1)));
        Check("canvas(4, T(1, 2, 99))", "((4, 4),)", Canvas(I(4), T(1, 2, 99)));
        Check("shape(canvas(9, P(30, 30)))", "(30, 30)", Shape(Canvas(I(9), P(30, 30))));
        Raises("canvas(1, T(1,))", "IndexError", () => Canvas(I(1), T(1)));
    }

    [Fact]
    public void Cover_fills_with_the_most_common_colour()
    {
        Check("cover(G('1 1 2;1 3 2'), Idx((0, 2), (1, 2)))", "((1, 1, 1), (1, 3, 1))", Cover(G("1 1 2;1 3 2"), Idx((0, 2), (1, 2))));
        Check("cover(G('1 1 2;1 3 2'), Obj((9, 1, 1)))", "((1, 1, 2), (1, 1, 2))", Cover(G("1 1 2;1 3 2"), Obj((9, 1, 1))));
        Check("cover(G('8 0;0 8'), Idx((0, 1)))", "((8, 8), (0, 8))", Cover(G("8 0;0 8"), Idx((0, 1))));
        Check("cover(G('0 8;8 0'), Idx((0, 1)))", "((0, 0), (8, 0))", Cover(G("0 8;8 0"), Idx((0, 1))));
        Raises("cover(G(''), S())", "ValueError", () => Cover(G(""), S()));
    }

    [Fact]
    public void Trim_drops_the_border()
    {
        Check("trim(G('1 2 3;4 5 6;7 8 9'))", "((5,),)", Trim(G("1 2 3;4 5 6;7 8 9")));
        Check("trim(G('1 2;3 4'))", "()", Trim(G("1 2;3 4")));
        Check("trim(G('1 2;3 4;5 6'))", "((),)", Trim(G("1 2;3 4;5 6")));
        Check("trim(G('1'))", "()", Trim(G("1")));
        Check("trim(G(''))", "()", Trim(G("")));
        Check("shape(trim(G30()))", "(28, 28)", Shape(Trim(G30())));
    }

    [Fact]
    public void Move_covers_then_paints_shifted()
    {
        var g = G("0 0 0;0 5 0;0 0 0");
        Check("move(G('0 0 0;0 5 0;0 0 0'), Obj((5, 1, 1)), P(1, 1))", "((0, 0, 0), (0, 0, 0), (0, 0, 5))", Move(g, Obj((5, 1, 1)), P(1, 1)));
        Check("move(G('0 0 0;0 5 0;0 0 0'), Obj((5, 1, 1)), P(-3, 0))", "((0, 0, 0), (0, 0, 0), (0, 0, 0))", Move(g, Obj((5, 1, 1)), P(-3, 0)));
        Check("move(G('0 0 0;0 5 0;0 0 0'), Obj((5, 1, 1)), P(0, 0))", "((0, 0, 0), (0, 5, 0), (0, 0, 0))", Move(g, Obj((5, 1, 1)), P(0, 0)));
        Check("move(G('1 2;0 0'), Obj((1, 0, 0), (2, 0, 1)), P(1, 0))", "((0, 0), (1, 2))", Move(G("1 2;0 0"), Obj((1, 0, 0), (2, 0, 1)), P(1, 0)));
        Raises("move(G('0 0 0;0 5 0;0 0 0'), Obj((5, 1, 1)), T(1,))", "ValueError", () => Move(g, Obj((5, 1, 1)), T(1)));
    }

    [Fact]
    public void Halves_skip_the_middle_of_an_odd_size()
    {
        var g = G("1 2 3;4 5 6;7 8 9");
        Check("tophalf(G('1 2 3;4 5 6;7 8 9'))", "((1, 2, 3),)", Tophalf(g));
        Check("bottomhalf(G('1 2 3;4 5 6;7 8 9'))", "((7, 8, 9),)", Bottomhalf(g));
        Check("lefthalf(G('1 2 3;4 5 6;7 8 9'))", "((1,), (4,), (7,))", Lefthalf(g));
        Check("righthalf(G('1 2 3;4 5 6;7 8 9'))", "((3,), (6,), (9,))", Righthalf(g));
        Check("tophalf(G('1 2;3 4'))", "((1, 2),)", Tophalf(G("1 2;3 4")));
        Check("bottomhalf(G('1 2;3 4'))", "((3, 4),)", Bottomhalf(G("1 2;3 4")));
        Check("tophalf(G('1 2'))", "()", Tophalf(G("1 2")));
        Check("bottomhalf(G('1 2'))", "()", Bottomhalf(G("1 2")));
        Check("lefthalf(G('1;2'))", "()", Lefthalf(G("1;2")));
        Check("righthalf(G('1;2'))", "()", Righthalf(G("1;2")));
        Check("tophalf(G(''))", "()", Tophalf(G("")));
        Check("lefthalf(G(''))", "()", Lefthalf(G("")));
        Check("shape(lefthalf(G30()))", "(30, 15)", Shape(Lefthalf(G30())));
        Check("vconcat(tophalf(G30()), bottomhalf(G30())) == G30()", "True", Equality(Vconcat(Tophalf(G30()), Bottomhalf(G30())), G30()));
        Check("hconcat(lefthalf(G30()), righthalf(G30())) == G30()", "True", Equality(Hconcat(Lefthalf(G30()), Righthalf(G30())), G30()));
    }

    [Fact]
    public void Compress_removes_uniform_rows_and_columns()
    {
        Check("compress(G('0 0 0;0 1 0;0 0 0'))", "((1,),)", Compress(G("0 0 0;0 1 0;0 0 0")));
        Check("compress(G('1 1 1;2 3 4;5 5 5'))", "((2, 3, 4),)", Compress(G("1 1 1;2 3 4;5 5 5")));
        Check("compress(G('1 2;1 3'))", "((2,), (3,))", Compress(G("1 2;1 3")));
        Check("compress(G('3 3;3 3'))", "()", Compress(G("3 3;3 3")));
        Check("compress(G('7'))", "()", Compress(G("7")));
        Check("compress(G(''))", "()", Compress(G("")));
        Check("compress(T(T(), T()))", "((), ())", Compress(T(T(), T())));
        Check("compress(G30()) == G30()", "True", Equality(Compress(G30()), G30()));
    }
}
