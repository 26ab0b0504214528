using System.Reflection;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Registry;

/// <summary>A DSL primitive as a callable value, with its signature and description as data.</summary>
public sealed class PrimitiveFunction : FunctionValue
{
    private readonly Func<Value, Value>? _f1;
    private readonly Func<Value, Value, Value>? _f2;
    private readonly Func<Value, Value, Value, Value>? _f3;
    private readonly Func<Value, Value, Value, Value, Value>? _f4;

    public Signature Signature { get; }

    /// <summary>The one-line description.</summary>
    public string Doc { get; }

    public override int Arity => Signature.Arity;

    public override string Name => Signature.Name;

    /// <summary>Wraps a static method taking and returning <see cref="Value"/>s (1 to 4 parameters).</summary>
    public PrimitiveFunction(Signature signature, string doc, MethodInfo method)
    {
        var ps = method.GetParameters();
        if (ps.Length != signature.Arity || ps.Any(p => p.ParameterType != typeof(Value)) || method.ReturnType != typeof(Value))
            throw new ArgumentException($"method {method.Name} does not match signature {signature}: it must take {signature.Arity} Values and return a Value");
        for (var i = 0; i < ps.Length; i++)
            if (ps[i].Name != signature.Parameters[i].Name)
                throw new ArgumentException($"method {method.Name} names parameter {i} '{ps[i].Name}', the signature '{signature.Parameters[i].Name}'");
        Signature = signature;
        Doc = doc;
        switch (signature.Arity)
        {
            case 1: _f1 = method.CreateDelegate<Func<Value, Value>>(); break;
            case 2: _f2 = method.CreateDelegate<Func<Value, Value, Value>>(); break;
            case 3: _f3 = method.CreateDelegate<Func<Value, Value, Value, Value>>(); break;
            case 4: _f4 = method.CreateDelegate<Func<Value, Value, Value, Value, Value>>(); break;
            default: throw new ArgumentException($"primitive {signature.Name} has {signature.Arity} parameters; 1 to 4 are supported");
        }
    }

    public override Value Call(ReadOnlySpan<Value> args) => args.Length switch
    {
        1 when _f1 is not null => _f1(args[0]),
        2 when _f2 is not null => _f2(args[0], args[1]),
        3 when _f3 is not null => _f3(args[0], args[1], args[2]),
        4 when _f4 is not null => _f4(args[0], args[1], args[2], args[3]),
        _ => throw ArityError(args.Length),
    };

    public override Value Call1(Value a) => _f1 is not null ? _f1(a) : throw ArityError(1);

    public override Value Call2(Value a, Value b) => _f2 is not null ? _f2(a, b) : throw ArityError(2);

    public Value Call3(Value a, Value b, Value c) => _f3 is not null ? _f3(a, b, c) : throw ArityError(3);

    public Value Call4(Value a, Value b, Value c, Value d) => _f4 is not null ? _f4(a, b, c, d) : throw ArityError(4);
}
