namespace ArcSynth.Dsl.Values;

/// <summary>A tuple of arbitrary values.</summary>
public sealed class GeneralTuple(Value[] items) : TupleValue
{
    private readonly Value[] _items = items;
    private long _hash;
    private bool _hashed;

    public override int Count => _items.Length;

    public override Value this[int index] => _items[index];

    public override long Hash
    {
        get
        {
            if (!_hashed)
            {
                _hash = base.Hash;
                _hashed = true;
            }
            return _hash;
        }
    }
}
