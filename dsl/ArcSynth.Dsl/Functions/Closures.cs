using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Functions;

// The closures hold their parts as plain values: like Python's lambdas, they check that a part is
// callable only when they call it, so building compose(5, f) is fine and calling it is a TypeError.

/// <summary><c>lambda x: outer(inner(x))</c>, made by compose.</summary>
internal sealed class Composition(Value outer, Value inner) : FunctionValue
{
    public override int Arity => 1;
    public override string Name => $"compose({ClosureNames.Of(outer)}, {ClosureNames.Of(inner)})";
    public override Value Call(ReadOnlySpan<Value> args) => args.Length == 1 ? Call1(args[0]) : throw ArityError(args.Length);
    public override Value Call1(Value a)
    {
        Limits.Call();
        var result = Py.AsFunction(outer).Call1(Py.AsFunction(inner).Call1(a));
        Limits.Return();
        return result;
    }
}

/// <summary><c>lambda x: h(g(f(x)))</c>, made by chain.</summary>
internal sealed class Chain(Value h, Value g, Value f) : FunctionValue
{
    public override int Arity => 1;
    public override string Name => $"chain({ClosureNames.Of(h)}, {ClosureNames.Of(g)}, {ClosureNames.Of(f)})";
    public override Value Call(ReadOnlySpan<Value> args) => args.Length == 1 ? Call1(args[0]) : throw ArityError(args.Length);
    public override Value Call1(Value a)
    {
        Limits.Call();
        var result = Py.AsFunction(h).Call1(Py.AsFunction(g).Call1(Py.AsFunction(f).Call1(a)));
        Limits.Return();
        return result;
    }
}

/// <summary><c>lambda x: function(x) == target</c>, made by matcher.</summary>
internal sealed class Matcher(Value function, Value target) : FunctionValue
{
    public override int Arity => 1;
    public override string Name => $"matcher({ClosureNames.Of(function)})";
    public override Value Call(ReadOnlySpan<Value> args) => args.Length == 1 ? Call1(args[0]) : throw ArityError(args.Length);
    public override Value Call1(Value a)
    {
        Limits.Call();
        var result = Bool.Of(Py.AsFunction(function).Call1(a).Equals(target));
        Limits.Return();
        return result;
    }
}

/// <summary><c>lambda x: outer(a(x), b(x))</c>, made by fork.</summary>
internal sealed class Fork(Value outer, Value a, Value b) : FunctionValue
{
    public override int Arity => 1;
    public override string Name => $"fork({ClosureNames.Of(outer)}, {ClosureNames.Of(a)}, {ClosureNames.Of(b)})";
    public override Value Call(ReadOnlySpan<Value> args) => args.Length == 1 ? Call1(args[0]) : throw ArityError(args.Length);
    public override Value Call1(Value x)
    {
        Limits.Call();
        var result = Py.AsFunction(outer).Call2(Py.AsFunction(a).Call1(x), Py.AsFunction(b).Call1(x));
        Limits.Return();
        return result;
    }
}

/// <summary>
/// rbind's and lbind's closure: fixes the rightmost or leftmost of the function's arguments. As in
/// arc-dsl, the closure takes 1, 2 or 3 arguments according to the function's own arity (2, 3, or
/// anything else), and passes one more.
/// </summary>
internal sealed class Binding(FunctionValue function, Value fixedValue, bool right) : FunctionValue
{
    public override int Arity { get; } = function.Arity switch { 2 => 1, 3 => 2, _ => 3 };

    public override string Name => $"{(right ? "rbind" : "lbind")}({function.Name})";

    public override Value Call(ReadOnlySpan<Value> args)
    {
        if (args.Length != Arity) throw ArityError(args.Length);
        Limits.Call();
        var all = new Value[args.Length + 1];
        if (right)
        {
            args.CopyTo(all);
            all[^1] = fixedValue;
        }
        else
        {
            all[0] = fixedValue;
            args.CopyTo(all.AsSpan(1));
        }
        var result = function.Call(all);
        Limits.Return();
        return result;
    }

    public override Value Call1(Value a)
    {
        if (Arity != 1) throw ArityError(1);
        Limits.Call();
        var result = right ? function.Call2(a, fixedValue) : function.Call2(fixedValue, a);
        Limits.Return();
        return result;
    }
}

/// <summary>
/// <c>power(function, n)</c> for n &gt; 1: arc-dsl nests n - 1 compositions; applying the function
/// n times in a loop gives the same results without the deep stack.
/// </summary>
internal sealed class Power(Value function, int n) : FunctionValue
{
    public override int Arity => 1;
    public override string Name => $"power({ClosureNames.Of(function)}, {n})";
    public override Value Call(ReadOnlySpan<Value> args) => args.Length == 1 ? Call1(args[0]) : throw ArityError(args.Length);

    public override Value Call1(Value a)
    {
        Limits.Call();
        var f = Py.AsFunction(function);
        for (var k = 0; k < n; k++)
        {
            Limits.Step();
            a = f.Call1(a);
        }
        Limits.Return();
        return a;
    }
}

internal static class ClosureNames
{
    public static string Of(Value v) => v is FunctionValue f ? f.Name : v.ToString();
}
