using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.Builtins;
using static ArcSynth.Dsl.Tests.TestSupport.Make;
using static ArcSynth.Dsl.Tests.TestSupport.PyAssert;

namespace ArcSynth.Dsl.Tests.Primitives;

/// <summary>
/// The container primitives (dsl/ArcSynth.Dsl/Primitives/Containers.cs). A frozenset's repr lists its
/// members in CPython's iteration order, so every set-valued Check also pins that order.
/// </summary>
public sealed class ContainersTests
{
    [Fact]
    public void Contained_is_Pythons_in()
    {
        Check("contained(1, T(1, 2))", "True", Contained(I(1), T(1, 2)));
        Check("contained(3, T(1, 2))", "False", Contained(I(3), T(1, 2)));
        Check("contained(True, T(0, 1))", "True", Contained(True, T(0, 1)));
        Check("contained(P(1, 1), G('0 0;0 0'))", "False", Contained(P(1, 1), G("0 0;0 0")));
        Check("contained(P(0, 0), G('0 0;0 0'))", "True", Contained(P(0, 0), G("0 0;0 0")));
        Check("contained(P(1, 0), asindices(G('5;5')))", "True", Contained(P(1, 0), Asindices(G("5;5"))));
        Check("contained(5, S())", "False", Contained(I(5), S()));
        Check("contained(T(), T())", "False", Contained(T(), T()));
        Check("contained(S(), S(S()))", "True", Contained(S(), S(S())));
        Raises("contained(1, 5)", "TypeError", () => Contained(I(1), I(5)));
    }

    [Fact]
    public void Combine_keeps_the_type_of_the_first_argument()
    {
        Check("combine(T(1, 2), T(3,))", "(1, 2, 3)", Combine(T(1, 2), T(3)));
        Check("combine(T(), T())", "()", Combine(T(), T()));
        Check("combine(T(1,), S(2))", "(1, 2)", Combine(T(1), S(2)));
        Check("combine(S(1), T(1, 2))", "frozenset({1, 2})", Combine(S(1), T(1, 2)));
        Check("combine(S(40, 8), S(16, 0))", "frozenset({40, 8, 16, 0})", Combine(S(40, 8), S(16, 0)));
        Check("combine(S(), S())", "frozenset()", Combine(S(), S()));
        Check("combine(G('1 2'), G('3 4;5 6'))", "((1, 2), (3, 4), (5, 6))", Combine(G("1 2"), G("3 4;5 6")));
        Raises("combine(1, T())", "TypeError", () => Combine(I(1), T()));
    }

    [Fact]
    public void Intersection_is_the_set_operator()
    {
        Check("intersection(S(1, 2, 3), S(2, 3, 4))", "frozenset({2, 3})", Intersection(S(1, 2, 3), S(2, 3, 4)));
        Check("intersection(S(1), S())", "frozenset()", Intersection(S(1), S()));
        Check("intersection(S(33, 1, 65, 9, 17), S(65, 17, 1))", "frozenset({65, 17, 1})", Intersection(S(33, 1, 65, 9, 17), S(65, 17, 1)));
        Check("intersection(Obj((1, 0, 0), (2, 0, 1)), Obj((2, 0, 1)))", "frozenset({(2, (0, 1))})", Intersection(Obj((1, 0, 0), (2, 0, 1)), Obj((2, 0, 1))));
        Raises("intersection(T(1,), S(1))", "TypeError", () => Intersection(T(1), S(1)));
        Raises("intersection(S(1), T(1,))", "TypeError", () => Intersection(S(1), T(1)));
    }

    [Fact]
    public void Intersection_of_a_set_with_itself_is_a_copy()
    {
        var s = S(31, 7, 15, 23, 0, 8, 16);
        Check("(lambda s: intersection(s, s))(S(31, 7, 15, 23, 0, 8, 16))", "frozenset({0, 16, 23, 7, 8, 31, 15})", Intersection(s, s));
    }

    [Fact]
    public void Difference_filters_the_first_container()
    {
        Check("difference(S(1, 2, 3), S(2))", "frozenset({1, 3})", Difference(S(1, 2, 3), S(2)));
        Check("difference(S(1), S(1))", "frozenset()", Difference(S(1), S(1)));
        Check("difference(S(), S(1))", "frozenset()", Difference(S(), S(1)));
        Check("difference(T(3, 1, 2, 1), T(1,))", "(3, 2)", Difference(T(3, 1, 2, 1), T(1)));
        Check("difference(T(1, 0, 2), T(True,))", "(0, 2)", Difference(T(1, 0, 2), T(true)));
        Check("difference(S(24, 8, 16, 0), T(8,))", "frozenset({24, 16, 0})", Difference(S(24, 8, 16, 0), T(8)));
        Check("difference(asindices(G('1 2;3 4')), Idx((0, 0), (1, 1)))", "frozenset({(0, 1), (1, 0)})", Difference(Asindices(G("1 2;3 4")), Idx((0, 0), (1, 1))));
        Raises("difference(S(1), 5)", "TypeError", () => Difference(S(1), I(5)));
    }

    [Fact]
    public void Dedupe_keeps_first_occurrences_by_Python_equality()
    {
        Check("dedupe(T(1, 2, 1, 3, 2))", "(1, 2, 3)", Dedupe(T(1, 2, 1, 3, 2)));
        Check("dedupe(T())", "()", Dedupe(T()));
        Check("dedupe(T(True, 1, 0, False))", "(True, 0)", Dedupe(T(true, 1, 0, false)));
        Check("dedupe(T(P(1, 2), T(1, 2), S(1), S(1)))", "((1, 2), frozenset({1}))", Dedupe(T(P(1, 2), T(1, 2), S(1), S(1))));
        Check("dedupe(G('1 1;2 2;1 1'))", "((1, 1), (2, 2))", Dedupe(G("1 1;2 2;1 1")));
        Raises("dedupe(S(1))", "AttributeError", () => Dedupe(S(1)));
    }

    [Fact]
    public void Order_sorts_stably_by_key()
    {
        Check("order(T(3, 1, 2), identity)", "(1, 2, 3)", Order(T(3, 1, 2), F("identity")));
        Check("order(T(3, 1, 2), invert)", "(3, 2, 1)", Order(T(3, 1, 2), F("invert")));
        Check("order(T(), size)", "()", Order(T(), F("size")));
        Check("order(T(P(1, 2), T(3,), P(4, 5), T(6,)), size)", "((3,), (6,), (1, 2), (4, 5))", Order(T(P(1, 2), T(3), P(4, 5), T(6)), F("size")));
        Check("order(T(-1, 1, -2, 2), even)", "(-1, 1, -2, 2)", Order(T(-1, 1, -2, 2), F("even")));
        Check("order(S(9, -3, 40, 0), identity)", "(-3, 0, 9, 40)", Order(S(9, -3, 40, 0), F("identity")));
    }

    [Fact]
    public void Order_ties_follow_set_iteration_order()
    {
        var objs = S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 5, 5)), Obj((3, 2, 2), (3, 3, 2)), Obj((4, 9, 9)));
        Check("order(S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 5, 5)), Obj((3, 2, 2), (3, 3, 2)), Obj((4, 9, 9))), size)", "(frozenset({(2, (5, 5))}), frozenset({(4, (9, 9))}), frozenset({(3, (2, 2)), (3, (3, 2))}), frozenset({(1, (0, 1)), (1, (0, 0))}))",
            Order(objs, F("size")));
        Check("order(S(P(0, 3), P(1, 3), P(2, 0), P(5, 0)), last)", "((2, 0), (5, 0), (0, 3), (1, 3))", Order(S(P(0, 3), P(1, 3), P(2, 0), P(5, 0)), F("last")));
    }

    [Fact]
    public void Order_of_sets_by_identity_uses_the_subset_partial_order()
    {
        Check("order(S(S(1, 2), S(3), S(1), S()), identity)", "(frozenset(), frozenset({3}), frozenset({1}), frozenset({1, 2}))", Order(S(S(1, 2), S(3), S(1), S()), F("identity")));
        Check("order(T(S(3), S(1, 2), S(1)), identity)", "(frozenset({3}), frozenset({1}), frozenset({1, 2}))", Order(T(S(3), S(1, 2), S(1)), F("identity")));
    }

    [Fact]
    public void Order_raises_for_keys_Python_cannot_compare()
    {
        Raises("order(T(1, P(1, 2)), identity)", "TypeError", () => Order(T(1, P(1, 2)), F("identity")));
        Raises("order(T(1, 2), 5)", "TypeError", () => Order(T(1, 2), I(5)));
    }

    [Fact]
    public void Repeat_makes_a_tuple()
    {
        Check("repeat(7, 3)", "(7, 7, 7)", Repeat(I(7), I(3)));
        Check("repeat(7, 0)", "()", Repeat(I(7), I(0)));
        Check("repeat(7, -2)", "()", Repeat(I(7), I(-2)));
        Check("repeat(P(1, 2), 2)", "((1, 2), (1, 2))", Repeat(P(1, 2), I(2)));
        Check("repeat(S(), 1)", "(frozenset(),)", Repeat(S(), I(1)));
        Check("repeat(0, True)", "(0,)", Repeat(I(0), True));
        Raises("repeat(1, P(1, 2))", "TypeError", () => Repeat(I(1), P(1, 2)));
    }

    [Fact]
    public void Size_is_len()
    {
        Check("size(T(1, 2, 3))", "3", Size(T(1, 2, 3)));
        Check("size(S())", "0", Size(S()));
        Check("size(G('1 2;3 4;5 6'))", "3", Size(G("1 2;3 4;5 6")));
        Check("size(G30())", "30", Size(G30()));
        Check("size(Obj((1, 0, 0), (2, 0, 0)))", "2", Size(Obj((1, 0, 0), (2, 0, 0))));
        Raises("size(5)", "TypeError", () => Size(I(5)));
    }

    [Fact]
    public void Merge_flattens_one_level_keeping_the_outer_type()
    {
        Check("merge(T(P(1, 2), T(3,)))", "(1, 2, 3)", Merge(T(P(1, 2), T(3))));
        Check("merge(T())", "()", Merge(T()));
        Check("merge(S())", "frozenset()", Merge(S()));
        Check("merge(S(Obj((1, 0, 0)), Obj((2, 1, 1), (3, 2, 2))))", "frozenset({(3, (2, 2)), (1, (0, 0)), (2, (1, 1))})", Merge(S(Obj((1, 0, 0)), Obj((2, 1, 1), (3, 2, 2)))));
        Check("merge(T(S(1, 2), S(2, 3)))", "(1, 2, 2, 3)", Merge(T(S(1, 2), S(2, 3))));
        Check("merge(S(P(1, 2), P(2, 1)))", "frozenset({1, 2})", Merge(S(P(1, 2), P(2, 1))));
        Check("merge(G('1 2;3 4'))", "(1, 2, 3, 4)", Merge(G("1 2;3 4")));
        Raises("merge(T(1, 2))", "TypeError", () => Merge(T(1, 2)));
    }

    [Fact]
    public void Maximum_and_minimum_default_to_zero()
    {
        Check("maximum(S(3, 1, 2))", "3", Maximum(S(3, 1, 2)));
        Check("minimum(S(3, 1, 2))", "1", Minimum(S(3, 1, 2)));
        Check("maximum(T(-5, -2))", "-2", Maximum(T(-5, -2)));
        Check("maximum(S())", "0", Maximum(S()));
        Check("minimum(T())", "0", Minimum(T()));
        Check("maximum(T(P(1, 2), P(1, 3), T(0, 9, 9)))", "(1, 3)", Maximum(T(P(1, 2), P(1, 3), T(0, 9, 9))));
        Raises("maximum(T(1, P(1, 2)))", "TypeError", () => Maximum(T(1, P(1, 2))));
    }

    [Fact]
    public void Maximum_and_minimum_keep_the_first_of_equal_items()
    {
        Check("maximum(T(True, 1))", "True", Maximum(T(true, 1)));
        Check("maximum(T(1, True))", "1", Maximum(T(1, true)));
        Check("minimum(T(0, False))", "0", Minimum(T(0, false)));
        Check("minimum(T(False, 0))", "False", Minimum(T(false, 0)));
    }

    [Fact]
    public void Valmax_and_valmin()
    {
        Check("valmax(T(P(1, 2), T(3,), T(4, 5, 6)), size)", "3", Valmax(T(P(1, 2), T(3), T(4, 5, 6)), F("size")));
        Check("valmin(T(3, 1, 2), invert)", "-3", Valmin(T(3, 1, 2), F("invert")));
        Check("valmax(T(), identity)", "0", Valmax(T(), F("identity")));
        Check("valmin(S(), increment)", "1", Valmin(S(), F("increment")));
        Check("valmax(S(Obj((1, 0, 0)), Obj((2, 0, 0), (2, 0, 1))), size)", "2", Valmax(S(Obj((1, 0, 0)), Obj((2, 0, 0), (2, 0, 1))), F("size")));
        Raises("valmax(S(), size)", "TypeError", () => Valmax(S(), F("size")));
        Raises("valmin(T(), first)", "TypeError", () => Valmin(T(), F("first")));
    }

    [Fact]
    public void Argmax_and_argmin()
    {
        Check("argmax(T(1, 3, 2), identity)", "3", Argmax(T(1, 3, 2), F("identity")));
        Check("argmin(T(1, 3, 2), invert)", "3", Argmin(T(1, 3, 2), F("invert")));
        Check("argmax(T(P(1, 2), T(3,), P(4, 5)), size)", "(1, 2)", Argmax(T(P(1, 2), T(3), P(4, 5)), F("size")));
        Check("argmin(T(P(1, 2), T(3,), T(4,)), size)", "(3,)", Argmin(T(P(1, 2), T(3), T(4)), F("size")));
        Check("argmax(T(-1, 1, -2), even)", "-2", Argmax(T(-1, 1, -2), F("even")));
    }

    [Fact]
    public void Argmax_and_argmin_ties_follow_set_iteration_order()
    {
        var objs = S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 4, 4), (2, 4, 5)), Obj((3, 7, 7)), Obj((5, 9, 1)));
        Check("argmax(S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 4, 4), (2, 4, 5)), Obj((3, 7, 7)), Obj((5, 9, 1))), size)", "frozenset({(2, (4, 5)), (2, (4, 4))})", Argmax(objs, F("size")));
        Check("argmin(S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 4, 4), (2, 4, 5)), Obj((3, 7, 7)), Obj((5, 9, 1))), size)", "frozenset({(5, (9, 1))})", Argmin(objs, F("size")));
        Check("argmax(S(40, 8, 16, 0, 24), even)", "0", Argmax(S(40, 8, 16, 0, 24), F("even")));
        Check("argmin(S(P(3, 1), P(1, 3), P(2, 2)), fork(add, first, last))", "(3, 1)", Argmin(S(P(3, 1), P(1, 3), P(2, 2)), Fork(F("add"), F("first"), F("last"))));
    }

    [Fact]
    public void Argmax_and_argmin_of_nothing_raise_ValueError()
    {
        Raises("argmax(T(), identity)", "ValueError", () => Argmax(T(), F("identity")));
        Raises("argmin(S(), size)", "ValueError", () => Argmin(S(), F("size")));
    }

    [Fact]
    public void Mostcommon_and_leastcommon_count_in_the_tuple()
    {
        Check("mostcommon(T(1, 2, 2, 3))", "2", Mostcommon(T(1, 2, 2, 3)));
        Check("leastcommon(T(1, 1, 2, 3, 3))", "2", Leastcommon(T(1, 1, 2, 3, 3)));
        Check("mostcommon(T(P(0, 1), P(0, 1), T(2,)))", "(0, 1)", Mostcommon(T(P(0, 1), P(0, 1), T(2))));
        Check("mostcommon(G('1 1;2 2;1 1'))", "(1, 1)", Mostcommon(G("1 1;2 2;1 1")));
        Check("mostcommon(T(True, 1, 2))", "True", Mostcommon(T(true, 1, 2)));
    }

    [Fact]
    public void Mostcommon_and_leastcommon_ties_follow_the_order_of_set_of_the_items()
    {
        Check("mostcommon(T(9, 40, 9, 40))", "40", Mostcommon(T(9, 40, 9, 40)));
        Check("mostcommon(T(8, 0, 0, 8))", "8", Mostcommon(T(8, 0, 0, 8)));
        Check("mostcommon(T(0, 8, 8, 0))", "0", Mostcommon(T(0, 8, 8, 0)));
        Check("leastcommon(T(16, 0, 8, 24))", "16", Leastcommon(T(16, 0, 8, 24)));
    }

    [Fact]
    public void Mostcommon_and_leastcommon_raise_as_Python_does()
    {
        Raises("mostcommon(T())", "ValueError", () => Mostcommon(T()));
        Raises("leastcommon(T())", "ValueError", () => Leastcommon(T()));
        Raises("mostcommon(S(1))", "AttributeError", () => Mostcommon(S(1)));
    }

    [Fact]
    public void Initset_wraps_any_value()
    {
        Check("initset(5)", "frozenset({5})", Initset(I(5)));
        Check("initset(S())", "frozenset({frozenset()})", Initset(S()));
        Check("initset(T())", "frozenset({()})", Initset(T()));
        Check("initset(P(-1, 2))", "frozenset({(-1, 2)})", Initset(P(-1, 2)));
        Check("initset(True)", "frozenset({True})", Initset(True));
    }

    [Fact]
    public void Sfilter_keeps_the_container_type()
    {
        Check("sfilter(T(1, 2, 3, 4), even)", "(2, 4)", Sfilter(T(1, 2, 3, 4), F("even")));
        Check("sfilter(T(), even)", "()", Sfilter(T(), F("even")));
        Check("sfilter(S(-1, 0, 3, 9), positive)", "frozenset({9, 3})", Sfilter(S(-1, 0, 3, 9), F("positive")));
        Check("sfilter(T(0, 1, T(), S(0)), identity)", "(1, frozenset({0}))", Sfilter(T(0, 1, T(), S(0)), F("identity")));
        Check("sfilter(S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 0, 0), (2, 1, 0))), vline)", "frozenset({frozenset({(2, (0, 0)), (2, (1, 0))})})", Sfilter(S(Obj((1, 0, 0), (1, 0, 1)), Obj((2, 0, 0), (2, 1, 0))), F("vline")));
        Raises("sfilter(T(S(),), first)", "RuntimeError", () => Sfilter(T(S()), F("first")));
    }

    [Fact]
    public void Mfilter_filters_then_merges()
    {
        Check("mfilter(S(Obj((1, 0, 0)), Obj((2, 3, 3), (2, 3, 4))), hline)", "frozenset({(1, (0, 0)), (2, (3, 4)), (2, (3, 3))})", Mfilter(S(Obj((1, 0, 0)), Obj((2, 3, 3), (2, 3, 4))), F("hline")));
        Check("mfilter(T(P(1, 2), T(3,), P(4, 5)), lbind(contained, 4))", "(4, 5)", Mfilter(T(P(1, 2), T(3), P(4, 5)), Lbind(F("contained"), I(4))));
        Raises("mfilter(T(P(1, 2),), rbind(contained, 4))", "TypeError", () => Mfilter(T(P(1, 2)), Rbind(F("contained"), I(4))));
        Check("mfilter(S(), size)", "frozenset()", Mfilter(S(), F("size")));
    }

    [Fact]
    public void Extract_returns_the_first_match_in_iteration_order()
    {
        Check("extract(T(1, 2, 3, 4), even)", "2", Extract(T(1, 2, 3, 4), F("even")));
        Check("extract(S(40, 8, 16, 0), positive)", "40", Extract(S(40, 8, 16, 0), F("positive")));
        Check("extract(S(Obj((1, 0, 0)), Obj((2, 5, 5)), Obj((3, 1, 1), (3, 1, 2))), matcher(size, 1))", "frozenset({(2, (5, 5))})",
            Extract(S(Obj((1, 0, 0)), Obj((2, 5, 5)), Obj((3, 1, 1), (3, 1, 2))), Matcher(F("size"), I(1))));
    }

    [Fact]
    public void Extract_of_no_match_raises_StopIteration()
    {
        Raises("extract(T(1, 3), even)", "StopIteration", () => Extract(T(1, 3), F("even")));
        Raises("extract(S(), even)", "StopIteration", () => Extract(S(), F("even")));
        Raises("extract(T(S(),), first)", "RuntimeError", () => Extract(T(S()), F("first")));
    }

    [Fact]
    public void Totuple_lists_a_set_in_iteration_order()
    {
        Check("totuple(S(3, 1, 2))", "(1, 2, 3)", Totuple(S(3, 1, 2)));
        Check("totuple(S(40, 8, 16, 0, -1))", "(0, 40, 8, 16, -1)", Totuple(S(40, 8, 16, 0, -1)));
        Check("totuple(S())", "()", Totuple(S()));
        Check("totuple(T(2, 1))", "(2, 1)", Totuple(T(2, 1)));
        Check("totuple(Idx((5, 5), (0, 0), (3, 7), (1, 2)))", "((3, 7), (1, 2), (5, 5), (0, 0))", Totuple(Idx((5, 5), (0, 0), (3, 7), (1, 2))));
        Check("totuple(asindices(G('1 2 3;4 5 6')))", "((0, 1), (1, 2), (0, 0), (1, 1), (0, 2), (1, 0))", Totuple(Asindices(G("1 2 3;4 5 6"))));
    }

    [Fact]
    public void First_and_last()
    {
        Check("first(T(5, 6, 7))", "5", First(T(5, 6, 7)));
        Check("last(T(5, 6, 7))", "7", Last(T(5, 6, 7)));
        Check("first(G('1 2;3 4'))", "(1, 2)", First(G("1 2;3 4")));
        Check("last(G('1 2;3 4'))", "(3, 4)", Last(G("1 2;3 4")));
        Check("first(S(7, 15, 3))", "3", First(S(7, 15, 3)));
        Check("last(S(7, 15, 3))", "7", Last(S(7, 15, 3)));
        Check("first(Obj((3, 4, 4), (1, 0, 0), (2, 1, 9)))", "(2, (1, 9))", First(Obj((3, 4, 4), (1, 0, 0), (2, 1, 9))));
        Check("last(Obj((3, 4, 4), (1, 0, 0), (2, 1, 9)))", "(3, (4, 4))", Last(Obj((3, 4, 4), (1, 0, 0), (2, 1, 9))));
        Check("first(S(-1, -2))", "-1", First(S(-1, -2)));
    }

    [Fact]
    public void First_and_last_of_nothing_raise()
    {
        Raises("first(T())", "StopIteration", () => First(T()));
        Raises("first(S())", "StopIteration", () => First(S()));
        Raises("last(T())", "ValueError", () => Last(T()));
        Raises("last(S())", "ValueError", () => Last(S()));
        Raises("first(5)", "TypeError", () => First(I(5)));
    }

    [Fact]
    public void Insert_is_a_union_with_a_singleton()
    {
        Check("insert(3, S(1, 2))", "frozenset({1, 2, 3})", Insert(I(3), S(1, 2)));
        Check("insert(1, S(1))", "frozenset({1})", Insert(I(1), S(1)));
        Check("insert(True, S(1))", "frozenset({1})", Insert(True, S(1)));
        Check("insert(P(0, 0), S())", "frozenset({(0, 0)})", Insert(P(0, 0), S()));
        Check("insert(8, S(0, 16, 24))", "frozenset({0, 16, 24, 8})", Insert(I(8), S(0, 16, 24)));
        Raises("insert(0, T(1,))", "AttributeError", () => Insert(I(0), T(1)));
    }

    [Fact]
    public void Remove_drops_every_equal_item()
    {
        Check("remove(2, T(1, 2, 3, 2))", "(1, 3)", Remove(I(2), T(1, 2, 3, 2)));
        Check("remove(True, T(1, 0))", "(0,)", Remove(True, T(1, 0)));
        Check("remove(5, S(1, 5, 9))", "frozenset({1, 9})", Remove(I(5), S(1, 5, 9)));
        Check("remove(5, T())", "()", Remove(I(5), T()));
        Check("remove(P(0, 0), asindices(G('1 2')))", "frozenset({(0, 1)})", Remove(P(0, 0), Asindices(G("1 2"))));
    }

    [Fact]
    public void Other_is_the_first_remaining_item()
    {
        Check("other(S(1, 2), 1)", "2", Other(S(1, 2), I(1)));
        Check("other(T(3, 3, 4), 3)", "4", Other(T(3, 3, 4), I(3)));
        Check("other(S(16, 0, 8), 0)", "16", Other(S(16, 0, 8), I(0)));
        Raises("other(S(1), 1)", "StopIteration", () => Other(S(1), I(1)));
        Raises("other(T(), 1)", "StopIteration", () => Other(T(), I(1)));
    }

    [Fact]
    public void Interval_is_range()
    {
        Check("interval(0, 5, 2)", "(0, 2, 4)", Interval(I(0), I(5), I(2)));
        Check("interval(5, 0, -2)", "(5, 3, 1)", Interval(I(5), I(0), I(-2)));
        Check("interval(0, 0, 1)", "()", Interval(I(0), I(0), I(1)));
        Check("interval(3, 1, 1)", "()", Interval(I(3), I(1), I(1)));
        Check("interval(-3, 3, 3)", "(-3, 0)", Interval(I(-3), I(3), I(3)));
        Check("interval(-1, -4, -1)", "(-1, -2, -3)", Interval(I(-1), I(-4), I(-1)));
        Check("interval(0, 1, 5)", "(0,)", Interval(I(0), I(1), I(5)));
        Check("interval(False, 2, True)", "(0, 1)", Interval(False, I(2), True));
        Raises("interval(0, 5, 0)", "ValueError", () => Interval(I(0), I(5), I(0)));
        Raises("interval(0, P(1, 2), 1)", "TypeError", () => Interval(I(0), P(1, 2), I(1)));
    }

    [Fact]
    public void Product_pairs_every_item_of_a_with_every_item_of_b()
    {
        Check("product(T(1, 2), T(3, 4))", "frozenset({(2, 3), (2, 4), (1, 3), (1, 4)})", Product(T(1, 2), T(3, 4)));
        Check("product(S(2, 1), S(0))", "frozenset({(1, 0), (2, 0)})", Product(S(2, 1), S(0)));
        Check("product(T(), T(1,))", "frozenset()", Product(T(), T(1)));
        Check("product(T(0, 1, 2), T(0, 1, 2))", "frozenset({(0, 1), (1, 2), (2, 1), (0, 0), (1, 1), (2, 0), (0, 2), (2, 2), (1, 0)})", Product(T(0, 1, 2), T(0, 1, 2)));
        Check("size(product(interval(0, 30, 1), interval(0, 30, 1)))", "900", Size(Product(Interval(I(0), I(30), I(1)), Interval(I(0), I(30), I(1)))));
    }

    [Fact]
    public void Products_of_large_sets_keep_CPythons_order()
    {
        // A product of two sets is laid out from its pairs' hashes before the pairs are made: every
        // resize on the way, the doubling beyond 50,000 keys and keys of equal hash (-1 and -2 hash
        // alike in CPython) must leave CPython's order; a digest of the whole order and
        // every 997th pair pin it.
        var cells = Asobject(Arc("06df4c85"));
        var pairs = Totuple(Product(cells, cells));
        Check("size(product(asobject(Arc('06df4c85')), asobject(Arc('06df4c85'))))", "160000", Size(pairs));
        Check("totuple(product(asobject(Arc('06df4c85')), asobject(Arc('06df4c85'))))[::9973]", "(((0, (18, 16)), (8, (9, 8))), ((8, (7, 11)), (8, (5, 7))), ((0, (4, 7)), (0, (9, 10))), ((8, (11, 12)), (8, (5, 17))), ((8, (14, 4)), (8, (16, 17))), ((8, (18, 8)), (8, (17, 6))), ((8, (0, 2)), (8, (15, 11))), ((0, (9, 13)), (8, (11, 13))), ((8, (11, 6)), (0, (16, 15))), ((0, (6, 19)), (8, (1, 2))), ((8, (14, 18)), (8, (17, 9))), ((8, (4, 14)), (0, (4, 13))), ((0, (15, 10)), (0, (9, 6))), ((0, (16, 10)), (0, (7, 18))), ((8, (17, 13)), (8, (16, 11))), ((8, (0, 5)), (0, (10, 6))), ((0, (12, 7)), (8, (6, 8))))", Every(pairs, 9973));
        Check("hash(totuple(product(asobject(Arc('06df4c85')), asobject(Arc('06df4c85'))))) % 1000000007", "699097527", Digest(pairs));
        var ints = Totuple(Product(S(Enumerable.Range(-40, 300).Cast<object>().ToArray()), S(Enumerable.Range(0, 43).Select(k => (object)(7 * k)).ToArray())));
        Check("totuple(product(S(*range(-40, 260)), S(*range(0, 300, 7))))[::997]", "((206, 217), (61, 84), (218, 77), (172, 7), (18, 175), (191, 28), (97, 210), (254, 119), (53, 175), (150, 154), (65, 35), (216, 21), (8, 182))", Every(ints, 997));
        Check("hash(totuple(product(S(*range(-40, 260)), S(*range(0, 300, 7))))) % 1000000007", "762180238", Digest(ints));
        Check("last(totuple(product(S(*range(-40, 260)), S(*range(0, 300, 7)))))", "(146, 203)", Last(ints));
        Check("product(S(-1, -2, 5), S(-2, -1))", "frozenset({(-1, -1), (-2, -2), (-1, -2), (-2, -1), (5, -2), (5, -1)})", Product(S(-1, -2, 5), S(-2, -1)));
        Check("product(S(1, 2), T(3, 3, 4))", "frozenset({(2, 3), (2, 4), (1, 3), (1, 4)})", Product(S(1, 2), T(3, 3, 4)));
    }

    /// <summary>Python's <c>tuple[::step]</c>.</summary>
    private static Value Every(Value tuple, int step)
    {
        var t = (TupleValue)tuple;
        return Tup(Enumerable.Range(0, (t.Count + step - 1) / step).Select(k => t[k * step]));
    }

    [Fact]
    public void Pair_zips_to_the_shorter_length()
    {
        Check("pair(T(1, 2, 3), T(4, 5))", "((1, 4), (2, 5))", PairUp(T(1, 2, 3), T(4, 5)));
        Check("pair(T(), T(1,))", "()", PairUp(T(), T(1)));
        Check("pair(T(S(1),), T(T(),))", "((frozenset({1}), ()),)", PairUp(T(S(1)), T(T())));
        Check("pair(S(40, 8, 0), T(1, 2, 3))", "((40, 1), (8, 2), (0, 3))", PairUp(S(40, 8, 0), T(1, 2, 3)));
        Raises("pair(1, T())", "TypeError", () => PairUp(I(1), T()));
    }

    [Fact]
    public void Iteration_order_of_larger_sets_matches_CPython()
    {
        var spread = S(Enumerable.Range(0, 20).Select(k => (object)(k * 37 - 200)).ToArray());
        var evens = S(Enumerable.Range(0, 40).Select(k => (object)(2 * k)).ToArray());
        Check("totuple(S(*[k * 37 - 200 for k in range(20)]))", "(-126, 133, 392, 22, 281, -89, 170, 429, -200, 59, 318, -52, 207, 466, -163, 96, 355, -15, 244, 503)", Totuple(spread));
        Check("totuple(combine(S(*[k * 37 - 200 for k in range(20)]), S(*[2 * k for k in range(40)])))", "(0, -126, 2, 4, 133, 6, 392, 8, 10, 12, 14, 16, 18, 20, 22, 24, 281, 26, 28, 30, 32, 34, 36, 38, -89, 40, 170, 42, 44, 429, 46, 48, 50, 52, 54, -200, 56, 58, 59, 60, 318, 62, 64, 66, 68, 70, 72, 74, -52, 76, 78, 207, 466, -163, 96, 355, -15, 244, 503)", Totuple(Combine(spread, evens)));
        Check("totuple(intersection(S(*[2 * k for k in range(40)]), S(*[k * 37 - 200 for k in range(20)])))", "(22,)", Totuple(Intersection(evens, spread)));
        Check("totuple(difference(S(*[2 * k for k in range(40)]), S(*[k * 37 - 200 for k in range(20)])))", "(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 68, 70, 72, 74, 76, 78)", Totuple(Difference(evens, spread)));
        Check("totuple(insert(-1, S(*[2 * k for k in range(40)])))", "(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 68, 70, 72, 74, 76, 78, -1)", Totuple(Insert(I(-1), evens)));
        Check("totuple(remove(0, S(*[k * 37 - 200 for k in range(20)])))", "(-126, 133, 392, 22, 281, -89, 170, 429, -200, 59, 318, -52, 207, 466, -163, 96, 355, -15, 244, 503)", Totuple(Remove(I(0), spread)));
        Check("totuple(apply(halve, S(*[k * 37 - 200 for k in range(20)])))", "(11, 140, -100, 29, 159, -82, 48, 177, -63, 66, 196, -45, 85, 214, -26, 103, 233, -8, 122, 251)", Totuple(Apply(F("halve"), spread)));
        Check("totuple(sfilter(S(*[k * 37 - 200 for k in range(20)]), positive))", "(96, 355, 133, 392, 170, 429, 207, 466, 244, 22, 503, 281, 59, 318)", Totuple(Sfilter(spread, F("positive"))));
        Check("order(S(*[k * 37 - 200 for k in range(20)]), even)", "(133, 281, -89, 429, 59, 207, -163, 355, -15, 503, -126, 392, 22, 170, -200, 318, -52, 466, 96, 244)", Order(spread, F("even")));
        Check("argmax(S(*[k * 37 - 200 for k in range(20)]), rbind(divide, 100))", "503", Argmax(spread, Rbind(F("divide"), I(100))));
        Check("totuple(S(*[P(i, 31 - i) for i in range(40)]))[:8]", "((20, 11), (36, -5), (21, 10), (37, -6), (27, 4), (12, 19), (28, 3), (3, 28))",
            Tup(((TupleValue)Totuple(S(Enumerable.Range(0, 40).Select(i => (object)P(i, 31 - i)).ToArray()))).Items().Take(8)));
        Check("totuple(S(Obj((1, 40, 40)), Obj((2, -5, 3)), Idx((0, 0)), T(), S(), P(1, 1)))", "(frozenset({(1, (40, 40))}), frozenset({(2, (-5, 3))}), (1, 1), frozenset({(0, 0)}), frozenset(), ())",
            Totuple(S(Obj((1, 40, 40)), Obj((2, -5, 3)), Idx((0, 0)), T(), S(), P(1, 1))));
    }

    [Fact]
    public void Sets_keep_the_first_of_equal_members_True_and_1()
    {
        Check("S(True, 1)", "frozenset({True})", S(true, 1));
        Check("S(1, True)", "frozenset({1})", S(1, true));
        Check("S(0, False, P(0, 0))", "frozenset({0, (0, 0)})", S(0, false, P(0, 0)));
        Check("insert(True, S(0))", "frozenset({0, True})", Insert(True, S(0)));
    }

    /// <summary>
    /// DISCREPANCY with CPython: arc-dsl never calls the key or condition of an empty container (nor
    /// iterates a container when the other one is empty), so a non-callable key raises nothing, or the
    /// error of the empty case; the port checks the argument first and raises TypeError. dedupe of an
    /// empty frozenset never reaches <c>.index</c> and gives (); the port raises AttributeError.
    /// </summary>
    [Fact]
    [Trait("Discrepancy", "CPython")]
    public void Discrepancy_arguments_python_never_touches_for_empty_containers()
    {
        All(
            () => Check("order(T(), 5)", "()", () => Order(T(), I(5))),
            () => Check("sfilter(T(), 5)", "()", () => Sfilter(T(), I(5))),
            () => Check("mfilter(T(), 5)", "()", () => Mfilter(T(), I(5))),
            () => Check("dedupe(S())", "()", () => Dedupe(S())),
            () => Check("product(5, T())", "frozenset()", () => Product(I(5), T())),
            () => Raises("argmax(T(), 5)", "ValueError", () => Argmax(T(), I(5))),
            () => Raises("argmin(S(), 5)", "ValueError", () => Argmin(S(), I(5))),
            () => Raises("extract(T(), 5)", "StopIteration", () => Extract(T(), I(5))));
    }

    [Fact]
    public void Branch_tests_the_truth_of_any_value()
    {
        Check("branch(True, 1, 2)", "1", Branch(True, I(1), I(2)));
        Check("branch(False, 1, 2)", "2", Branch(False, I(1), I(2)));
        Check("branch(0, 1, 2)", "2", Branch(I(0), I(1), I(2)));
        Check("branch(-3, 1, 2)", "1", Branch(I(-3), I(1), I(2)));
        Check("branch(T(), 1, 2)", "2", Branch(T(), I(1), I(2)));
        Check("branch(S(0), T(), S())", "()", Branch(S(0), T(), S()));
    }
}
