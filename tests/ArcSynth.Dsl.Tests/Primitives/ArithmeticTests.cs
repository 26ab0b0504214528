using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.Builtins;
using static ArcSynth.Dsl.Tests.TestSupport.Make;
using static ArcSynth.Dsl.Tests.TestSupport.PyAssert;

namespace ArcSynth.Dsl.Tests.Primitives;

/// <summary>
/// The arithmetic and logic primitives (dsl/ArcSynth.Dsl/Primitives/Arithmetic.cs). Each Check and
/// Raises names the Python expression whose CPython result it expects (TestSupport/check_expected.py).
/// </summary>
public sealed class ArithmeticTests
{
    [Fact]
    public void Add_dispatches_on_ints_and_pairs()
    {
        Check("add(2, 3)", "5", Add(I(2), I(3)));
        Check("add(-7, 3)", "-4", Add(I(-7), I(3)));
        Check("add(P(1, 2), P(10, -20))", "(11, -18)", Add(P(1, 2), P(10, -20)));
        Check("add(1, P(2, 3))", "(3, 4)", Add(I(1), P(2, 3)));
        Check("add(P(2, 3), -1)", "(1, 2)", Add(P(2, 3), I(-1)));
    }

    [Fact]
    public void Add_treats_bools_as_ints()
    {
        Check("add(True, True)", "2", Add(True, True));
        Check("add(P(1, 2), True)", "(2, 3)", Add(P(1, 2), True));
        Check("add(False, P(1, 2))", "(1, 2)", Add(False, P(1, 2)));
    }

    [Fact]
    public void Add_on_tuples_of_tuples_concatenates_item_by_item()
    {
        Check("add(T(P(1, 2), P(3, 4)), T(P(5, 6), T(7,)))", "((1, 2, 5, 6), (3, 4, 7))",
            Add(T(P(1, 2), P(3, 4)), T(P(5, 6), T(7))));
        Check("add(G('1 2;3 4'), G('5;6'))", "((1, 2, 5), (3, 4, 6))", Add(G("1 2;3 4"), G("5;6")));
    }

    [Fact]
    public void Add_reads_only_the_first_two_items_of_longer_tuples()
    {
        Check("add(T(1, 2, 3), T(10, 20, 30))", "(11, 22)", Add(T(1, 2, 3), T(10, 20, 30)));
        Check("add(T(1, 2, 3), 1)", "(2, 3)", Add(T(1, 2, 3), I(1)));
    }

    [Fact]
    public void Add_raises_as_Python_does()
    {
        Raises("add(T(1,), T(2,))", "IndexError", () => Add(T(1), T(2)));
        Raises("add(1, T(2,))", "IndexError", () => Add(I(1), T(2)));
        Raises("add(S(1), 1)", "TypeError", () => Add(S(1), I(1)));
        Raises("add(P(1, 2), T(P(1, 2), 3))", "TypeError", () => Add(P(1, 2), T(P(1, 2), 3)));
    }

    [Fact]
    public void Subtract_is_elementwise()
    {
        Check("subtract(2, 5)", "-3", Subtract(I(2), I(5)));
        Check("subtract(P(5, 5), P(1, 7))", "(4, -2)", Subtract(P(5, 5), P(1, 7)));
        Check("subtract(10, P(1, 2))", "(9, 8)", Subtract(I(10), P(1, 2)));
        Check("subtract(P(1, 2), 3)", "(-2, -1)", Subtract(P(1, 2), I(3)));
        Check("subtract(True, 3)", "-2", Subtract(True, I(3)));
        Raises("subtract(T(P(1, 2), P(3, 4)), T(P(1, 2), P(3, 4)))", "TypeError", () => Subtract(T(P(1, 2), P(3, 4)), T(P(1, 2), P(3, 4))));
        Raises("subtract(P(1, 2), T(1,))", "IndexError", () => Subtract(P(1, 2), T(1)));
    }

    [Fact]
    public void Multiply_multiplies_numbers_and_repeats_tuples()
    {
        Check("multiply(6, -7)", "-42", Multiply(I(6), I(-7)));
        Check("multiply(P(2, 3), P(4, -5))", "(8, -15)", Multiply(P(2, 3), P(4, -5)));
        Check("multiply(3, P(1, 2))", "(3, 6)", Multiply(I(3), P(1, 2)));
        Check("multiply(P(1, 2), 0)", "(0, 0)", Multiply(P(1, 2), I(0)));
        Check("multiply(T(P(1, 2), T(3,)), 2)", "((1, 2, 1, 2), (3, 3))", Multiply(T(P(1, 2), T(3)), I(2)));
        Check("multiply(2, T(T(1,), P(2, 3)))", "((1, 1), (2, 3, 2, 3))", Multiply(I(2), T(T(1), P(2, 3))));
        Check("multiply(T(P(1, 2), P(3, 4)), -1)", "((), ())", Multiply(T(P(1, 2), P(3, 4)), I(-1)));
    }

    [Fact]
    public void Divide_is_floor_division()
    {
        Check("divide(7, 2)", "3", Divide(I(7), I(2)));
        Check("divide(-7, 2)", "-4", Divide(I(-7), I(2)));
        Check("divide(7, -2)", "-4", Divide(I(7), I(-2)));
        Check("divide(-7, -2)", "3", Divide(I(-7), I(-2)));
        Check("divide(-6, 3)", "-2", Divide(I(-6), I(3)));
        Check("divide(P(7, -7), 2)", "(3, -4)", Divide(P(7, -7), I(2)));
        Check("divide(P(9, 9), P(2, -2))", "(4, -5)", Divide(P(9, 9), P(2, -2)));
        Check("divide(-1, P(3, -3))", "(-1, 0)", Divide(I(-1), P(3, -3)));
        Check("divide(True, 2)", "0", Divide(True, I(2)));
    }

    [Fact]
    public void Divide_by_zero_raises_ZeroDivisionError()
    {
        Raises("divide(1, 0)", "ZeroDivisionError", () => Divide(I(1), I(0)));
        Raises("divide(1, False)", "ZeroDivisionError", () => Divide(I(1), False));
        Raises("divide(P(1, 2), P(1, 0))", "ZeroDivisionError", () => Divide(P(1, 2), P(1, 0)));
        Raises("divide(P(1, 2), 0)", "ZeroDivisionError", () => Divide(P(1, 2), I(0)));
    }

    [Fact]
    public void Invert_negates()
    {
        Check("invert(5)", "-5", Invert(I(5)));
        Check("invert(0)", "0", Invert(I(0)));
        Check("invert(P(-1, 2))", "(1, -2)", Invert(P(-1, 2)));
        Check("invert(True)", "-1", Invert(True));
        Raises("invert(T(P(1, 2), P(3, 4)))", "TypeError", () => Invert(T(P(1, 2), P(3, 4))));
        Raises("invert(S(1, 2))", "TypeError", () => Invert(S(1, 2)));
    }

    [Fact]
    public void Even_uses_Pythons_modulo()
    {
        Check("even(4)", "True", Even(I(4)));
        Check("even(-3)", "False", Even(I(-3)));
        Check("even(-4)", "True", Even(I(-4)));
        Check("even(0)", "True", Even(I(0)));
        Check("even(True)", "False", Even(True));
        Raises("even(P(2, 4))", "TypeError", () => Even(P(2, 4)));
    }

    [Fact]
    public void Double_and_halve()
    {
        Check("double(-3)", "-6", Double(I(-3)));
        Check("double(P(1, -2))", "(2, -4)", Double(P(1, -2)));
        Check("double(T(P(1, 2), T(3,)))", "((1, 2, 1, 2), (3, 3))", Double(T(P(1, 2), T(3))));
        Check("double(True)", "2", Double(True));
        Check("halve(7)", "3", Halve(I(7)));
        Check("halve(-7)", "-4", Halve(I(-7)));
        Check("halve(-1)", "-1", Halve(I(-1)));
        Check("halve(P(5, -5))", "(2, -3)", Halve(P(5, -5)));
        Check("halve(True)", "0", Halve(True));
        Raises("halve(T(5,))", "IndexError", () => Halve(T(5)));
    }

    [Fact]
    public void Flip_is_not_of_any_value()
    {
        Check("flip(True)", "False", Flip(True));
        Check("flip(False)", "True", Flip(False));
        Check("flip(0)", "True", Flip(I(0)));
        Check("flip(-2)", "False", Flip(I(-2)));
        Check("flip(T())", "True", Flip(T()));
        Check("flip(S())", "True", Flip(S()));
        Check("flip(S(0))", "False", Flip(S(0)));
        Check("flip(G(''))", "True", Flip(G("")));
    }

    [Fact]
    public void Equality_is_Pythons_equality()
    {
        Check("equality(P(1, 2), T(1, 2))", "True", Equality(P(1, 2), T(1, 2)));
        Check("equality(True, 1)", "True", Equality(True, I(1)));
        Check("equality(False, 0)", "True", Equality(False, I(0)));
        Check("equality(True, 2)", "False", Equality(True, I(2)));
        Check("equality(S(1, 2, 3), S(3, 2, 1))", "True", Equality(S(1, 2, 3), S(3, 2, 1)));
        Check("equality(T(), S())", "False", Equality(T(), S()));
        Check("equality(T(1, 2), T(2, 1))", "False", Equality(T(1, 2), T(2, 1)));
        Check("equality(G('1 2;3 4'), T(P(1, 2), P(3, 4)))", "True", Equality(G("1 2;3 4"), T(P(1, 2), P(3, 4))));
        Check("equality(Obj((1, 0, 0)), S(T(1, P(0, 0))))", "True", Equality(Obj((1, 0, 0)), S(T(1, P(0, 0)))));
        Check("equality(Obj((1, 0, 0)), Idx((0, 0)))", "False", Equality(Obj((1, 0, 0)), Idx((0, 0))));
        Check("equality(G(''), T())", "True", Equality(G(""), T()));
    }

    [Fact]
    public void Greater_compares_as_Python()
    {
        Check("greater(2, 1)", "True", Greater(I(2), I(1)));
        Check("greater(1, 1)", "False", Greater(I(1), I(1)));
        Check("greater(-1, -2)", "True", Greater(I(-1), I(-2)));
        Check("greater(True, 0)", "True", Greater(True, I(0)));
        Check("greater(P(1, 3), P(1, 2))", "True", Greater(P(1, 3), P(1, 2)));
        Check("greater(T(1, 2, 0), P(1, 2))", "True", Greater(T(1, 2, 0), P(1, 2)));
        Check("greater(S(1, 2), S(1))", "True", Greater(S(1, 2), S(1)));
        Check("greater(S(1, 2), S(3))", "False", Greater(S(1, 2), S(3)));
        Raises("greater(P(1, 2), 1)", "TypeError", () => Greater(P(1, 2), I(1)));
        Raises("greater(1, S())", "TypeError", () => Greater(I(1), S()));
    }

    [Fact]
    public void Both_returns_an_operand_as_Pythons_and_does()
    {
        Check("both(True, True)", "True", Both(True, True));
        Check("both(True, 0)", "0", Both(True, I(0)));
        Check("both(0, True)", "0", Both(I(0), True));
        Check("both(3, 5)", "5", Both(I(3), I(5)));
        Check("both(T(), 5)", "()", Both(T(), I(5)));
        Check("both(S(1), P(1, 2))", "(1, 2)", Both(S(1), P(1, 2)));
        Check("both(False, S())", "False", Both(False, S()));
    }

    [Fact]
    public void Either_returns_an_operand_as_Pythons_or_does()
    {
        Check("either(False, False)", "False", Either(False, False));
        Check("either(0, T())", "()", Either(I(0), T()));
        Check("either(0, 5)", "5", Either(I(0), I(5)));
        Check("either(2, 5)", "2", Either(I(2), I(5)));
        Check("either(S(), P(1, 2))", "(1, 2)", Either(S(), P(1, 2)));
        Check("either(True, 0)", "True", Either(True, I(0)));
    }

    [Fact]
    public void Increment_and_decrement()
    {
        Check("increment(-1)", "0", Increment(I(-1)));
        Check("increment(P(0, -5))", "(1, -4)", Increment(P(0, -5)));
        Check("increment(False)", "1", Increment(False));
        Check("decrement(0)", "-1", Decrement(I(0)));
        Check("decrement(P(0, 9))", "(-1, 8)", Decrement(P(0, 9)));
        Check("decrement(True)", "0", Decrement(True));
        Raises("increment(S(1))", "TypeError", () => Increment(S(1)));
        Raises("decrement(T())", "IndexError", () => Decrement(T()));
    }

    [Fact]
    public void Crement_moves_away_from_zero()
    {
        Check("crement(0)", "0", Crement(I(0)));
        Check("crement(3)", "4", Crement(I(3)));
        Check("crement(-3)", "-4", Crement(I(-3)));
        Check("crement(P(-2, 0))", "(-3, 0)", Crement(P(-2, 0)));
        Check("crement(P(0, 1))", "(0, 2)", Crement(P(0, 1)));
        Check("crement(True)", "2", Crement(True));
    }

    [Fact]
    public void Sign_of_ints_and_pairs()
    {
        Check("sign(0)", "0", Sign(I(0)));
        Check("sign(17)", "1", Sign(I(17)));
        Check("sign(-17)", "-1", Sign(I(-17)));
        Check("sign(P(-4, 0))", "(-1, 0)", Sign(P(-4, 0)));
        Check("sign(P(0, 9))", "(0, 1)", Sign(P(0, 9)));
        Check("sign(True)", "1", Sign(True));
    }

    [Fact]
    public void Positive_is_greater_than_zero()
    {
        Check("positive(1)", "True", Positive(I(1)));
        Check("positive(0)", "False", Positive(I(0)));
        Check("positive(-1)", "False", Positive(I(-1)));
        Check("positive(True)", "True", Positive(True));
        Raises("positive(P(1, 1))", "TypeError", () => Positive(P(1, 1)));
    }

    [Fact]
    public void Toivec_tojvec_and_astuple_keep_their_arguments_as_they_are()
    {
        Check("toivec(-3)", "(-3, 0)", Toivec(I(-3)));
        Check("tojvec(4)", "(0, 4)", Tojvec(I(4)));
        Check("tojvec(True)", "(0, True)", Tojvec(True));
        Check("toivec(P(1, 2))", "((1, 2), 0)", Toivec(P(1, 2)));
        Check("astuple(1, 2)", "(1, 2)", Astuple(I(1), I(2)));
        Check("astuple(-1, P(2, 3))", "(-1, (2, 3))", Astuple(I(-1), P(2, 3)));
        Check("astuple(S(), False)", "(frozenset(), False)", Astuple(S(), False));
        Equal(P(3, 0), Toivec(I(3)));
        Equal(P(0, -2), Tojvec(I(-2)));
    }
}
