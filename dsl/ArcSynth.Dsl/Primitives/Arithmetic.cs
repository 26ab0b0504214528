using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Primitives;

public static partial class Builtins
{
    [Primitive("add(a: Numerical, b: Numerical) -> Numerical", "addition")]
    public static Value Add(Value a, Value b) => Elementwise(a, b, PyOps.Add);

    [Primitive("subtract(a: Numerical, b: Numerical) -> Numerical", "subtraction")]
    public static Value Subtract(Value a, Value b) => Elementwise(a, b, PyOps.Sub);

    [Primitive("multiply(a: Numerical, b: Numerical) -> Numerical", "multiplication")]
    public static Value Multiply(Value a, Value b) => Elementwise(a, b, PyOps.Mul);

    [Primitive("divide(a: Numerical, b: Numerical) -> Numerical", "floor division")]
    public static Value Divide(Value a, Value b) => Elementwise(a, b, PyOps.FloorDiv);

    [Primitive("invert(n: Numerical) -> Numerical", "inversion with respect to addition")]
    public static Value Invert(Value n) => Unary(n, PyOps.Neg);

    [Primitive("even(n: Integer) -> Boolean", "evenness")]
    public static Value Even(Value n) => Bool.Of(PyOps.Mod(n, Int.Of(2)).Equals(Int.Of(0)));

    [Primitive("double(n: Numerical) -> Numerical", "scaling by two")]
    public static Value Double(Value n) => Unary(n, x => PyOps.Mul(x, Int.Of(2)));

    [Primitive("halve(n: Numerical) -> Numerical", "scaling by one half")]
    public static Value Halve(Value n) => Unary(n, x => PyOps.FloorDiv(x, Int.Of(2)));

    [Primitive("flip(b: Boolean) -> Boolean", "logical not")]
    public static Value Flip(Value b) => Bool.Of(!Py.Truthy(b));

    [Primitive("equality(a: Any, b: Any) -> Boolean", "equality", Unchecked = ["a", "b"])]
    public static Value Equality(Value a, Value b) => Bool.Of(a.Equals(b));

    [Primitive("greater(a: Integer, b: Integer) -> Boolean", "greater")]
    public static Value Greater(Value a, Value b) => Bool.Of(Py.Gt(a, b));

    [Primitive("both(a: Boolean, b: Boolean) -> Boolean", "logical and", LooseResult = true)]
    public static Value Both(Value a, Value b) => Py.Truthy(a) ? b : a;

    [Primitive("either(a: Boolean, b: Boolean) -> Boolean", "logical or", LooseResult = true)]
    public static Value Either(Value a, Value b) => Py.Truthy(a) ? a : b;

    [Primitive("increment(x: Numerical) -> Numerical", "incrementing")]
    public static Value Increment(Value x) => Unary(x, v => PyOps.Add(v, Int.Of(1)));

    [Primitive("decrement(x: Numerical) -> Numerical", "decrementing")]
    public static Value Decrement(Value x) => Unary(x, v => PyOps.Sub(v, Int.Of(1)));

    [Primitive("crement(x: Numerical) -> Numerical", "incrementing positive and decrementing negative")]
    public static Value Crement(Value x) => Unary(x, v =>
    {
        var n = Py.AsInt(v);
        return Int.Of(n == 0 ? 0 : n > 0 ? (long)n + 1 : (long)n - 1);
    });

    [Primitive("sign(x: Numerical) -> Numerical", "sign")]
    public static Value Sign(Value x) => Unary(x, v => Int.Of(Math.Sign(Py.AsInt(v))));

    [Primitive("positive(x: Integer) -> Boolean", "positive")]
    public static Value Positive(Value x) => Bool.Of(Py.Gt(x, Int.Of(0)));

    [Primitive("toivec(i: Integer) -> IntegerTuple", "vector pointing vertically", Unchecked = ["i"])]
    public static Value Toivec(Value i) => Py.TupleOf(i, Int.Of(0));

    [Primitive("tojvec(j: Integer) -> IntegerTuple", "vector pointing horizontally", Unchecked = ["j"])]
    public static Value Tojvec(Value j) => Py.TupleOf(Int.Of(0), j);

    [Primitive("astuple(a: Integer, b: Integer) -> IntegerTuple", "constructs a tuple", Unchecked = ["a", "b"])]
    public static Value Astuple(Value a, Value b) => Py.TupleOf(a, b);

    /// <summary>
    /// arc-dsl's four-way dispatch of binary arithmetic: int op int, tuple op tuple (first two items),
    /// int op tuple, and otherwise tuple op int (where a non-tuple raises as Python's indexing does).
    /// </summary>
    private static Value Elementwise(Value a, Value b, Func<Value, Value, Value> op)
    {
        if (Py.IsInt(a) && Py.IsInt(b)) return op(a, b);
        if (a is TupleValue x && b is TupleValue y) return Py.TupleOf(op(Index(x, 0), Index(y, 0)), op(Index(x, 1), Index(y, 1)));
        if (Py.IsInt(a) && b is TupleValue t) return Py.TupleOf(op(a, Index(t, 0)), op(a, Index(t, 1)));
        return Py.TupleOf(op(Index(a, 0), b), op(Index(a, 1), b));
    }

    /// <summary>arc-dsl's unary dispatch: <c>f(n)</c> on an int, else <c>(f(n[0]), f(n[1]))</c>.</summary>
    private static Value Unary(Value n, Func<Value, Value> f) =>
        Py.IsInt(n) ? f(n) : Py.TupleOf(f(Index(n, 0)), f(Index(n, 1)));

    /// <summary>Python's <c>v[i]</c> on a value that should be a tuple.</summary>
    private static Value Index(Value v, int i) => v is TupleValue t
        ? t.GetItem(i)
        : throw DslError.Type($"'{v.TypeName}' object is not subscriptable");
}
