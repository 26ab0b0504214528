using ArcSynth.Dsl.Registry;

namespace ArcSynth.Dsl.Values;

/// <summary>
/// Evaluates Python-style value expressions, as a primitive's test cases and the examples of a
/// submitted primitive write them: ints, True/False, tuples, <c>frozenset({...})</c> (a set display
/// made frozen, as in Python), <c>frozenset()</c>, constant and primitive names, and calls,
/// including calls of calls. Throws <see cref="FormatException"/> naming the position at fault.
/// </summary>
public sealed class PyExpression
{
    private readonly string text;
    private readonly PrimitiveRegistry registry;
    private int _i;

    private PyExpression(string text, PrimitiveRegistry registry) => (this.text, this.registry) = (text, registry);

    public static Value Evaluate(string text, PrimitiveRegistry? registry = null)
    {
        var e = new PyExpression(text, registry ?? PrimitiveRegistry.BuiltIn);
        var value = e.Expr();
        e.Skip();
        return e._i == text.Length ? value : throw new FormatException($"unexpected '{text[e._i..]}' in {text}");
    }

    private Value Expr()
    {
        var value = Atom();
        while (Peek('('))
        {
            var args = List('(', ')');
            value = Py.AsFunction(value).Call(args.ToArray());
        }
        return value;
    }

    private Value Atom()
    {
        Skip();
        if (Peek('('))
        {
            var items = List('(', ')', out var trailingComma);
            return items.Count == 1 && !trailingComma ? items[0] : Py.TupleOf(items);
        }
        if (_i >= text.Length) throw new FormatException($"unexpected end of {text}");
        if (char.IsDigit(text[_i]) || text[_i] == '-')
        {
            var start = _i++;
            while (_i < text.Length && char.IsDigit(text[_i])) _i++;
            return Int.Of(int.Parse(text[start.._i]));
        }
        var nameStart = _i;
        while (_i < text.Length && (char.IsLetterOrDigit(text[_i]) || text[_i] == '_')) _i++;
        var name = text[nameStart.._i];
        switch (name)
        {
            case "True": return Bool.True;
            case "False": return Bool.False;
            case "frozenset":
                Expect('(');
                Skip();
                if (Peek(')')) { _i++; return FrozenSetValue.Empty; }
                var items = List('{', '}');
                Expect(')');
                var display = FrozenSetValue.Of(items);
                // frozenset(a set display) merges the display's table into a new one, as CPython does.
                return Primitives.Builtins.Combine(FrozenSetValue.Empty, display);
        }
        if (DslConstants.TryGet(name, out var c)) return c.Value;
        if (registry.TryGet(name, out var p)) return p;
        throw new FormatException($"unknown name '{name}' in {text}");
    }

    private List<Value> List(char open, char close) => List(open, close, out _);

    private List<Value> List(char open, char close, out bool trailingComma)
    {
        Expect(open);
        var items = new List<Value>();
        trailingComma = false;
        Skip();
        while (!Peek(close))
        {
            items.Add(Expr());
            Skip();
            trailingComma = Peek(',');
            if (trailingComma) _i++;
            Skip();
        }
        _i++;
        return items;
    }

    private void Skip()
    {
        while (_i < text.Length && text[_i] == ' ') _i++;
    }

    private bool Peek(char c)
    {
        Skip();
        return _i < text.Length && text[_i] == c;
    }

    private void Expect(char c)
    {
        if (!Peek(c)) throw new FormatException($"expected '{c}' at {_i} in {text}");
        _i++;
    }
}
