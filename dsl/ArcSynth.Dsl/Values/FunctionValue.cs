using System.Text;

namespace ArcSynth.Dsl.Values;

/// <summary>
/// A callable value: a primitive, or a closure made by compose, chain, fork, matcher, rbind, lbind
/// or power. Equality is identity, as for Python functions.
/// </summary>
public abstract class FunctionValue : Value
{
    /// <summary>Python's <c>__code__.co_argcount</c>, which rbind and lbind read to pick the closure they make.</summary>
    public abstract int Arity { get; }

    /// <summary>A short name for messages and repr.</summary>
    public abstract string Name { get; }

    /// <summary>Calls the function; a wrong number of arguments raises TypeError as in Python.</summary>
    public abstract Value Call(ReadOnlySpan<Value> args);

    public virtual Value Call1(Value a) => Call([a]);

    public virtual Value Call2(Value a, Value b) => Call([a, b]);

    /// <summary>
    /// <see cref="Call1(Value)"/> from inside a run whose state the caller already holds: closures
    /// pass it on to the functions they call instead of reading the thread-static again.
    /// </summary>
    internal virtual Value Call1(Value a, Limits.RunState state) => Call1(a);

    /// <summary><see cref="Call2(Value, Value)"/> with the run's state passed on.</summary>
    internal virtual Value Call2(Value a, Value b, Limits.RunState state) => Call2(a, b);

    private Func<Value, Value>? _unary;
    private Func<Value, Value, Value>? _binary;

    /// <summary><see cref="Call1"/> as a delegate, made once: creating a delegate to a virtual method costs far more than a call.</summary>
    public Func<Value, Value> Unary => _unary ??= Call1;

    /// <summary><see cref="Call2"/> as a delegate, made once.</summary>
    public Func<Value, Value, Value> Binary => _binary ??= Call2;

    public override string TypeName => "function";

    /// <summary>Python hashes functions by address; a hash of the name keeps runs reproducible instead.</summary>
    public override long Hash => StableHash(Name);

    public sealed override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override void Repr(StringBuilder sb) => sb.Append("<function ").Append(Name).Append('>');

    protected DslError ArityError(int given) =>
        DslError.Type($"{Name}() takes {Arity} positional arguments but {given} were given");

    private static long StableHash(string s)
    {
        var h = 1469598103934665603UL;
        foreach (var c in s) h = (h ^ c) * 1099511628211UL;
        return unchecked((long)(h >> 1));
    }
}
