using ArcSynth.Dsl.Functions;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Primitives;

public static partial class Builtins
{
    /// <summary>
    /// The largest n for which <c>power(f, n)</c> builds and runs under CPython 3.11's default limit
    /// of 1000 frames, one frame per step, when called from a program run by the reference runner
    /// (tools/reference/run_python_dsl.py): 997 works, 998 raises RecursionError.
    /// </summary>
    internal const int MaxPower = 997;

    [Primitive("compose(outer: Callable, inner: Callable) -> Callable", "function composition", Calls = ["outer:1", "inner:1"])]
    public static Value Compose(Value outer, Value inner) => new Composition(outer, inner);

    [Primitive("chain(h: Callable, g: Callable, f: Callable) -> Callable", "function composition with three functions", Calls = ["h:1", "g:1", "f:1"])]
    public static Value Chain(Value h, Value g, Value f) => new Chain(h, g, f);

    [Primitive("matcher(function: Callable, target: Any) -> Callable", "construction of equality function", Unchecked = ["target"], Calls = ["function:1"])]
    public static Value Matcher(Value function, Value target) => new Matcher(function, target);

    [Primitive("rbind(function: Callable, fixed: Any) -> Callable", "fix the rightmost argument", Unchecked = ["fixed"])]
    public static Value Rbind(Value function, Value @fixed) => new Binding(Bindable(function), @fixed, right: true);

    [Primitive("lbind(function: Callable, fixed: Any) -> Callable", "fix the leftmost argument", Unchecked = ["fixed"])]
    public static Value Lbind(Value function, Value @fixed) => new Binding(Bindable(function), @fixed, right: false);

    [Primitive("power(function: Callable, n: Integer) -> Callable", "power of function", LooseResult = true)]
    public static Value Power(Value function, Value n)
    {
        var k = Py.AsInt(n, "n");
        if (k == 1) return function;
        if (k < 1 || k > MaxPower) throw DslError.Recursion($"power({k}) exceeds CPython's recursion limit");
        return new Power(function, k);
    }

    [Primitive("fork(outer: Callable, a: Callable, b: Callable) -> Callable", "creates a wrapper function", Calls = ["outer:2", "a:1", "b:1"])]
    public static Value Fork(Value outer, Value a, Value b) => new Fork(outer, a, b);

    [Primitive("apply(function: Callable, container: Container) -> Container", "apply function to each item in container", Calls = ["function:1"])]
    public static Value Apply(Value function, Value container)
    {
        var f = Py.Callable(function);
        return Py.MapFilter(container, f.Unary, null);
    }

    [Primitive("rapply(functions: Container, value: Any) -> Container", "apply each function in container to value", Unchecked = ["value"])]
    public static Value Rapply(Value functions, Value value) =>
        Py.MapFilter(functions, f => Py.AsFunction(f).Call1(value), null);

    [Primitive("mapply(function: Callable, container: ContainerContainer) -> FrozenSet", "apply and merge", LooseResult = true, Calls = ["function:1"])]
    public static Value Mapply(Value function, Value container) => Merge(Apply(function, container));

    [Primitive("papply(function: Callable, a: Tuple, b: Tuple) -> Tuple", "apply function on two vectors", Calls = ["function:2"])]
    public static Value Papply(Value function, Value a, Value b)
    {
        var f = Py.Callable(function);
        return Py.InGenerator(() => Py.TupleOf(Py.Iterate(a).Zip(Py.Iterate(b), f.Binary).ToArray()));
    }

    [Primitive("mpapply(function: Callable, a: Tuple, b: Tuple) -> Tuple", "apply function on two vectors and merge", Calls = ["function:2"])]
    public static Value Mpapply(Value function, Value a, Value b) => Merge(Papply(function, a, b));

    [Primitive("prapply(function: Callable, a: Container, b: Container) -> FrozenSet", "apply function on cartesian product", Calls = ["function:2"])]
    public static Value Prapply(Value function, Value a, Value b)
    {
        var f = Py.Callable(function);
        return Py.InGenerator(() =>
        {
            var t = new SetTable();
            // As in Python's nested comprehension, a is iterated only once b yields an element.
            Value[]? xs = null;
            foreach (var j in Py.Iterate(b))
                foreach (var i in xs ??= Py.Iterate(a).ToArray()) t.Add(f.Call2(i, j));
            return new FrozenSetValue(t);
        });
    }

    /// <summary>rbind and lbind read <c>function.__code__</c>: a non-function raises AttributeError there.</summary>
    private static FunctionValue Bindable(Value function) =>
        function as FunctionValue ?? throw DslError.Attribute($"'{function.TypeName}' object has no attribute '__code__'");
}
