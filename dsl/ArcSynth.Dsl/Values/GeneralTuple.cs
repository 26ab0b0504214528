namespace ArcSynth.Dsl.Values;

/// <summary>A tuple of arbitrary values.</summary>
public sealed class GeneralTuple(Value[] items) : TupleValue
{
    private readonly Value[] _items = items;
    // CPython never hashes to -1, so -1 marks "not computed yet": one field, read and written whole,
    // is safe to share between threads without a lock.
    private long _hash = -1;

    public override int Count => _items.Length;

    public override Value this[int index] => _items[index];

    public override long Hash
    {
        get
        {
            if (_hash == -1)
            {
                _hash = base.Hash;
            }
            return _hash;
        }
    }
}
