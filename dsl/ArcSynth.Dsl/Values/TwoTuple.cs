namespace ArcSynth.Dsl.Values;

/// <summary>
/// A tuple of two values that are not both ints (a pair of cells from product, an (object, index)
/// pair from pair), kept flat: no item array, one object to reach either item.
/// </summary>
public sealed class TwoTuple(Value first, Value second) : TupleValue
{
    private readonly Value _first = first, _second = second;
    // -1 marks "not computed yet", as in GeneralTuple: CPython never hashes to -1.
    private long _hash = -1;

    /// <summary>The tuple with its hash, computed by the caller from the items' hashes.</summary>
    internal TwoTuple(Value first, Value second, long hash) : this(first, second) => _hash = hash;

    public override int Count => 2;

    public override Value this[int index] => index == 0 ? _first : _second;

    public override long Hash
    {
        get
        {
            if (_hash == -1) _hash = base.Hash;
            return _hash;
        }
    }
}
