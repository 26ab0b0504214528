using System.Collections;
using ArcSynth.Dsl.Sets;

namespace ArcSynth.Dsl.Values;

/// <summary>
/// The items of a tuple or frozenset in Python's iteration order (<see cref="Py.Iterate"/>). A
/// <c>foreach</c> over it takes its struct enumerator and allocates nothing, which matters in the
/// primitives' per-element loops; LINQ sees it as any other sequence.
/// </summary>
public readonly struct Items : IEnumerable<Value>
{
    private readonly TupleValue? _tuple;
    private readonly SetTable? _set;

    internal Items(TupleValue tuple) => _tuple = tuple;

    internal Items(SetTable set) => _set = set;

    /// <summary>How many items there are.</summary>
    public int Count => _tuple?.Count ?? _set!.Count;

    /// <summary>The items in order, in an array of exactly their number.</summary>
    public Value[] ToArray()
    {
        var items = new Value[Count];
        var n = 0;
        foreach (var v in this) items[n++] = v;
        return items;
    }

    public Enumerator GetEnumerator() => new(_tuple, _set);

    IEnumerator<Value> IEnumerable<Value>.GetEnumerator() => _tuple is not null ? _tuple.Items().GetEnumerator() : _set!.Keys().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Value>)this).GetEnumerator();

    public struct Enumerator
    {
        private readonly TupleValue? _tuple;
        private SetTable.Enumerator _slots;
        private int _index;

        internal Enumerator(TupleValue? tuple, SetTable? set)
        {
            _tuple = tuple;
            _index = -1;
            if (set is not null) _slots = set.GetEnumerator();
        }

        public Value Current { get; private set; } = null!;

        public bool MoveNext()
        {
            if (_tuple is null)
            {
                if (!_slots.MoveNext()) return false;
                Current = _slots.Current;
                return true;
            }
            if (++_index >= _tuple.Count) return false;
            Current = _tuple[_index];
            return true;
        }
    }
}
