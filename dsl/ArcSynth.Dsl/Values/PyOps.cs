namespace ArcSynth.Dsl.Values;

/// <summary>Python's arithmetic operators on DSL values, with Python's floor division and modulo.</summary>
public static class PyOps
{
    public static Value Add(Value a, Value b) => (a, b) switch
    {
        _ when Py.IsInt(a) && Py.IsInt(b) => Int.Of((long)Py.AsInt(a) + Py.AsInt(b)),
        (TupleValue x, TupleValue y) => Concat(x, y),
        _ => throw Unsupported("+", a, b),
    };

    public static Value Sub(Value a, Value b) => Py.IsInt(a) && Py.IsInt(b)
        ? Int.Of((long)Py.AsInt(a) - Py.AsInt(b))
        : throw Unsupported("-", a, b);

    public static Value Mul(Value a, Value b)
    {
        if (Py.IsInt(a) && Py.IsInt(b)) return Int.Of((long)Py.AsInt(a) * Py.AsInt(b));
        if (a is TupleValue t && Py.IsInt(b)) return Repeat(t, Py.AsInt(b));
        if (b is TupleValue u && Py.IsInt(a)) return Repeat(u, Py.AsInt(a));
        throw Unsupported("*", a, b);
    }

    public static Value FloorDiv(Value a, Value b) => Py.IsInt(a) && Py.IsInt(b)
        ? Int.Of(FloorDiv(Py.AsInt(a), Py.AsInt(b)))
        : throw Unsupported("//", a, b);

    public static Value Mod(Value a, Value b) => Py.IsInt(a) && Py.IsInt(b)
        ? Int.Of(Mod(Py.AsInt(a), Py.AsInt(b)))
        : throw Unsupported("%", a, b);

    public static Value Neg(Value a) => Py.IsInt(a) ? Int.Of(-(long)Py.AsInt(a)) : throw DslError.Type($"bad operand type for unary -: '{a.TypeName}'");

    /// <summary>Python's <c>a // b</c> on ints: rounds toward negative infinity.</summary>
    public static long FloorDiv(long a, long b)
    {
        if (b == 0) throw DslError.ZeroDivision("integer division or modulo by zero");
        var q = a / b;
        if (a % b != 0 && (a < 0) != (b < 0)) q--;
        return q;
    }

    /// <summary>Python's <c>a % b</c> on ints: takes the sign of the divisor.</summary>
    public static long Mod(long a, long b)
    {
        if (b == 0) throw DslError.ZeroDivision("integer division or modulo by zero");
        var r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) r += b;
        return r;
    }

    /// <summary>Python's tuple concatenation.</summary>
    public static TupleValue Concat(TupleValue x, TupleValue y)
    {
        if (x is Grid g && y is Grid h && (g.Height == 0 || h.Height == 0 || g.Width == h.Width))
            return g.Height == 0 ? h : h.Height == 0 ? g : new Grid(g.Height + h.Height, g.Width, [.. g.Cells, .. h.Cells]);
        if (x is IntTuple a && y is IntTuple b) return new IntTuple([.. a.Span, .. b.Span]);
        var items = new Value[x.Count + y.Count];
        for (var i = 0; i < x.Count; i++) items[i] = x[i];
        for (var i = 0; i < y.Count; i++) items[x.Count + i] = y[i];
        return Py.TupleOf(items);
    }

    private static TupleValue Repeat(TupleValue t, int n)
    {
        if (n <= 0) return TupleValue.Empty;
        Limits.CheckSize((long)t.Count * n);
        var items = new Value[t.Count * n];
        for (var k = 0; k < n; k++)
            for (var i = 0; i < t.Count; i++) items[k * t.Count + i] = t[i];
        return Py.TupleOf(items);
    }

    private static DslError Unsupported(string op, Value a, Value b) =>
        DslError.Type($"unsupported operand type(s) for {op}: '{a.TypeName}' and '{b.TypeName}'");
}
