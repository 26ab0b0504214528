using System.Text;
using ArcSynth.Dsl.Sets;

namespace ArcSynth.Dsl.Values;

/// <summary>
/// A Python frozenset, holding its CPython table so that iteration follows CPython's order.
/// Objects, Indices, Objects-of-objects and IntegerSets are all frozensets.
/// </summary>
public sealed class FrozenSetValue : Value
{
    public static readonly FrozenSetValue Empty = new(new SetTable());

    internal readonly SetTable Table;
    // CPython never hashes to -1, so -1 marks "not computed yet": one field, read and written whole,
    // is safe to share between threads without a lock.
    private long _hash = -1;

    /// <summary>
    /// The set's bounds as a patch, packed by <see cref="Primitives.PatchOps.Bounds"/> once computed
    /// (0: not yet), one field for the same reason as the hash: uppermost, shape, ulcorner, vline and
    /// the rest ask for the bounds of the same object again and again.
    /// </summary>
    internal long PackedBounds;

    internal FrozenSetValue(SetTable table) => Table = table;

    /// <summary><c>frozenset(items)</c>: the items added one by one in the order given.</summary>
    public static FrozenSetValue Of(IEnumerable<Value> items)
    {
        var t = new SetTable();
        foreach (var v in items) t.Add(v);
        return new FrozenSetValue(t);
    }

    public int Count => Table.Count;

    /// <summary>
    /// Another frozenset object, equal, with the same table layout, as a fresh call of a primitive
    /// would return: not the same object (which CPython's set operations can tell), and neither are
    /// its member frozensets. Tables are never changed once frozen, so members that are not
    /// frozensets are shared.
    /// </summary>
    public FrozenSetValue Alias()
    {
        var nested = false;
        foreach (var k in Table)
        {
            nested = k is FrozenSetValue;
            break;
        }
        return new FrozenSetValue(nested ? Table.WithKeys(k => k is FrozenSetValue f ? f.Alias() : k) : Table) { PackedBounds = PackedBounds };
    }

    /// <summary>The members in CPython's iteration order.</summary>
    public IEnumerable<Value> Items() => Table.Keys();

    public bool Contains(Value v) => Table.Contains(v);

    public override long Hash
    {
        get
        {
            if (_hash == -1)
            {
                _hash = Table.FrozenHash();
            }
            return _hash;
        }
    }

    public override string TypeName => "frozenset";

    public override bool Equals(Value? other) =>
        ReferenceEquals(this, other) ||
        (other is FrozenSetValue s && s.Count == Count && (_hash == -1 || s._hash == -1 || s._hash == _hash) && Table.IsSubsetOf(s.Table));

    public override void Repr(StringBuilder sb)
    {
        if (Count == 0) { sb.Append("frozenset()"); return; }
        sb.Append("frozenset({");
        var first = true;
        foreach (var v in Items())
        {
            if (!first) sb.Append(", ");
            first = false;
            v.Repr(sb);
        }
        sb.Append("})");
    }
}
