using System.Text;

namespace ArcSynth.Dsl.Values;

/// <summary>
/// A Python tuple. Several representations share Python's semantics (equality, hash, order and
/// indexing work across them): <see cref="Pair"/>, <see cref="Grid"/>, <see cref="IntTuple"/> and
/// <see cref="GeneralTuple"/>.
/// </summary>
public abstract class TupleValue : Value
{
    public static readonly TupleValue Empty = new GeneralTuple([]);

    public abstract int Count { get; }

    /// <summary>The item at a non-negative index below <see cref="Count"/>.</summary>
    public abstract Value this[int index] { get; }

    public sealed override string TypeName => "tuple";

    /// <summary>Python's indexing: negative indices count from the end; out of range raises IndexError.</summary>
    public Value GetItem(int index)
    {
        var i = index < 0 ? index + Count : index;
        if ((uint)i >= (uint)Count) throw DslError.Index("tuple index out of range");
        return this[i];
    }

    public IEnumerable<Value> Items()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    public override long Hash
    {
        get
        {
            var acc = TupleHash.Start;
            for (var i = 0; i < Count; i++) acc = TupleHash.Add(acc, this[i].Hash);
            return TupleHash.Finish(acc, Count);
        }
    }

    public override bool Equals(Value? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is not TupleValue t || t.Count != Count) return false;
        for (var i = 0; i < Count; i++)
            if (!this[i].Equals(t[i])) return false;
        return true;
    }

    public override void Repr(StringBuilder sb)
    {
        sb.Append('(');
        for (var i = 0; i < Count; i++)
        {
            if (i > 0) sb.Append(", ");
            this[i].Repr(sb);
        }
        if (Count == 1) sb.Append(',');
        sb.Append(')');
    }
}
