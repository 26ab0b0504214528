using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Functions;

// The closures hold their parts as plain values: like Python's lambdas, they check that a part is
// callable only when they call it, so building compose(5, f) is fine and calling it is a TypeError.

/// <summary>
/// A one-argument closure made by a functional primitive. Every call counts against the run's
/// call-depth and time limits, so that nested or repeated closures cannot hang or overflow; the
/// depth is given back however the call ends.
/// </summary>
internal abstract class Closure : FunctionValue
{
    public sealed override int Arity => 1;

    public sealed override Value Call(ReadOnlySpan<Value> args) => args.Length == 1 ? Call1(args[0]) : throw ArityError(args.Length);

    public sealed override Value Call1(Value a) => Call1(a, Limits.State);

    internal sealed override Value Call1(Value a, Limits.RunState state)
    {
        state.Call();
        try
        {
            return Apply(a, state);
        }
        finally
        {
            state.Return();
        }
    }

    /// <summary>The closure's body; the functions it calls get <paramref name="state"/> passed on.</summary>
    protected abstract Value Apply(Value a, Limits.RunState state);

    protected static string NameOf(Value v) => v is FunctionValue f ? f.Name : v.ToString();
}

/// <summary><c>lambda x: outer(inner(x))</c>, made by compose.</summary>
internal sealed class Composition(Value outer, Value inner) : Closure
{
    public override string Name => $"compose({NameOf(outer)}, {NameOf(inner)})";
    protected override Value Apply(Value a, Limits.RunState state) => Py.AsFunction(outer).Call1(Py.AsFunction(inner).Call1(a, state), state);
}

/// <summary><c>lambda x: h(g(f(x)))</c>, made by chain.</summary>
internal sealed class Chain(Value h, Value g, Value f) : Closure
{
    public override string Name => $"chain({NameOf(h)}, {NameOf(g)}, {NameOf(f)})";
    protected override Value Apply(Value a, Limits.RunState state) =>
        Py.AsFunction(h).Call1(Py.AsFunction(g).Call1(Py.AsFunction(f).Call1(a, state), state), state);
}

/// <summary><c>lambda x: function(x) == target</c>, made by matcher.</summary>
internal sealed class Matcher(Value function, Value target) : Closure
{
    public override string Name => $"matcher({NameOf(function)})";
    protected override Value Apply(Value a, Limits.RunState state) => Bool.Of(Py.AsFunction(function).Call1(a, state).Equals(target));
}

/// <summary><c>lambda x: outer(a(x), b(x))</c>, made by fork.</summary>
internal sealed class Fork(Value outer, Value a, Value b) : Closure
{
    public override string Name => $"fork({NameOf(outer)}, {NameOf(a)}, {NameOf(b)})";
    protected override Value Apply(Value x, Limits.RunState state) =>
        Py.AsFunction(outer).Call2(Py.AsFunction(a).Call1(x, state), Py.AsFunction(b).Call1(x, state), state);
}

/// <summary>
/// <c>power(function, n)</c> for n &gt; 1: arc-dsl nests n - 1 compositions; applying the function
/// n times in a loop gives the same results without the deep stack.
/// </summary>
internal sealed class Power(Value function, int n) : Closure
{
    public override string Name => $"power({NameOf(function)}, {n})";

    protected override Value Apply(Value a, Limits.RunState state)
    {
        var f = Py.AsFunction(function);
        for (var k = 0; k < n; k++)
        {
            state.Step();
            a = f.Call1(a, state);
        }
        return a;
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
        var state = Limits.State;
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
        state.Call();
        try
        {
            return function.Call(all);
        }
        finally
        {
            state.Return();
        }
    }

    public override Value Call1(Value a) => Call1(a, Limits.State);

    internal override Value Call1(Value a, Limits.RunState state)
    {
        if (Arity != 1) throw ArityError(1);
        state.Call();
        try
        {
            return right ? function.Call2(a, fixedValue, state) : function.Call2(fixedValue, a, state);
        }
        finally
        {
            state.Return();
        }
    }
}
