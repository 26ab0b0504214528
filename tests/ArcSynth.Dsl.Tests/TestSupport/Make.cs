using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Tests.TestSupport;

/// <summary>
/// Short builders for DSL values in tests. Each has a Python twin of the same name, defined in
/// <c>check_expected.py</c> (next to this file), so that a test can state the Python expression it
/// mirrors and have it checked against CPython running arc-dsl:
/// <list type="bullet">
/// <item><c>G("0 1;2 3")</c>: a grid, rows split by ';' and cells by spaces (<c>G("")</c> is the empty grid <c>()</c>).</item>
/// <item><c>P(1, 2)</c>: the pair <c>(1, 2)</c>; <c>T(1, P(2, 3))</c>: any tuple, <c>(1, (2, 3))</c>.</item>
/// <item><c>S(3, 1, 2)</c>: <c>frozenset((3, 1, 2))</c>, the items added in the order written.</item>
/// <item><c>Obj((1, 0, 0), (2, 0, 1))</c>: the object <c>frozenset(((1, (0, 0)), (2, (0, 1))))</c>, cells added in order.</item>
/// <item><c>Idx((0, 0), (0, 1))</c>: the indices <c>frozenset(((0, 0), (0, 1)))</c>, added in order.</item>
/// <item><c>G30()</c>: the 30x30 grid whose cell (i, j) is <c>(3 * i + 7 * j) % 10</c>.</item>
/// <item><c>Arc("id")</c>: the first train input of ARC-AGI-1 training task id (see <see cref="ArcFiles"/>).</item>
/// </list>
/// Plain C# ints and bools given to <c>T</c> and <c>S</c> become <see cref="Int"/> and <see cref="Bool"/>.
/// </summary>
internal static class Make
{
    public static Value True => Bool.True;
    public static Value False => Bool.False;
    public static Value None => NoneValue.Instance;

    public static Value I(int v) => Int.Of(v);

    /// <summary>Python's <c>hash(value) % 1000000007</c>: for a tuple, a digest of every item in its order.</summary>
    public static Value Digest(Value value) => I((int)((value.Hash % 1000000007 + 1000000007) % 1000000007));

    public static Value B(bool v) => Bool.Of(v);

    public static Value P(int a, int b) => Pair.Of(a, b);

    /// <summary>A tuple of the given items (ints, bools or values).</summary>
    public static Value T(params object[] items) => Py.TupleOf(items.Select(V).ToArray());

    /// <summary>A tuple of values already made.</summary>
    public static Value Tup(IEnumerable<Value> items) => Py.TupleOf(items.ToArray());

    /// <summary><c>frozenset(items)</c>, adding the items in the order given.</summary>
    public static FrozenSetValue S(params object[] items) => FrozenSetValue.Of(items.Select(V));

    /// <summary>An object: cells (color, i, j) added in the order given.</summary>
    public static FrozenSetValue Obj(params (int Color, int I, int J)[] cells) =>
        FrozenSetValue.Of(cells.Select(c => (Value)Cell.Of(c.Color, c.I, c.J)));

    /// <summary>Indices: locations (i, j) added in the order given.</summary>
    public static FrozenSetValue Idx(params (int I, int J)[] locations) =>
        FrozenSetValue.Of(locations.Select(l => (Value)Pair.Of(l.I, l.J)));

    /// <summary>A grid from rows separated by ';' and cells by spaces; "" is the empty grid.</summary>
    public static Grid G(string rows)
    {
        if (rows.Trim().Length == 0) return new Grid(0, 0, []);
        var parsed = rows.Split(';')
            .Select(r => (IReadOnlyList<int>)r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList())
            .ToList();
        return Grid.FromRows(parsed);
    }

    /// <summary>The 30x30 grid whose cell (i, j) is (3i + 7j) mod 10: every colour, no two equal neighbours in a row.</summary>
    public static Grid G30()
    {
        var cells = new int[30 * 30];
        for (var i = 0; i < 30; i++)
            for (var j = 0; j < 30; j++) cells[i * 30 + j] = (3 * i + 7 * j) % 10;
        return new Grid(30, 30, cells);
    }

    /// <summary>Train input <paramref name="n"/> of ARC-AGI-1 training task <paramref name="id"/>.</summary>
    public static Grid Arc(string id, int n = 0) => Support.Build.Task(id).Train[n].Input;

    /// <summary>A built-in primitive as a function value, e.g. <c>F("size")</c>.</summary>
    public static FunctionValue F(string name) =>
        PrimitiveRegistry.BuiltIn.TryGet(name, out var p) ? p : throw new ArgumentException($"no primitive '{name}'");

    /// <summary>Calls a function value with the given arguments.</summary>
    public static Value Call(Value function, params Value[] args) => Py.AsFunction(function).Call(args);

    private static Value V(object item) => item switch
    {
        Value v => v,
        int i => Int.Of(i),
        bool b => Bool.Of(b),
        _ => throw new ArgumentException($"cannot make a DSL value of {item.GetType().Name}"),
    };
}
