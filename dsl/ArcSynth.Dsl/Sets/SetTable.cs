using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Sets;

/// <summary>
/// A Python set laid out exactly as CPython 3.11's Objects/setobject.c lays it out: the same table
/// sizes, the same probe sequence (9 linear probes, then perturbation), the same resize points and
/// the same fast paths in merge, difference and intersection. Iterating the table in slot order
/// therefore gives CPython's iteration order, which arc-dsl programs observe through first, last,
/// totuple, extract, argmax and friends. See dsl/README.md, "Set iteration order".
/// </summary>
internal sealed class SetTable
{
    private const int MinSize = 8;
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;

    /// <summary>Marks a discarded slot, as CPython's <c>dummy</c> key does.</summary>
    private static readonly Value Dummy = Int.Of(int.MinValue);

    /// <summary>Whether a slot's key is a key: neither empty nor discarded.</summary>
    private static bool IsKey([NotNullWhen(true)] Value? k) => k is not null && !ReferenceEquals(k, Dummy);

    /// <summary>
    /// A slot: its key and the key's hash side by side, as CPython's setentry keeps them, so that a
    /// probe reads one cache line. An array of this struct, unlike a Value[] (covariant), stores
    /// without a type check.
    /// </summary>
    internal struct Slot
    {
        public Value? Key;
        public long Hash;
    }

    // Most sets a program builds stay empty or are resized while they grow: an empty table shares
    // one read-only array until its first key, and a resize hands the array it leaves to this
    // thread's spares, where the next table to grow to that size finds it.
    private static readonly Slot[] NoSlots = new Slot[MinSize];

    private Slot[] _slots = NoSlots;
    private int _mask = MinSize - 1;
    private int _fill;

    public int Count { get; private set; }

    /// <summary>An empty set (<c>set()</c>).</summary>
    public SetTable() { }

    /// <summary>The keys in iteration order.</summary>
    public IEnumerable<Value> Keys()
    {
        for (var i = 0; i <= _mask; i++)
        {
            var k = _slots[i].Key;
            if (IsKey(k)) yield return k;
        }
    }

    /// <summary>Allocation-free iteration in CPython's order, for the primitives' hot loops.</summary>
    public Enumerator GetEnumerator() => new(_slots);

    public struct Enumerator(Slot[] slots)
    {
        private int _slot = -1;

        public Value Current { get; private set; } = null!;

        public bool MoveNext()
        {
            while (++_slot < slots.Length)
            {
                var k = slots[_slot].Key;
                if (IsKey(k))
                {
                    Current = k;
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>The first key in iteration order; the set must not be empty.</summary>
    public Value First()
    {
        for (var i = 0; ; i++)
        {
            var k = _slots[i].Key;
            if (IsKey(k)) return k;
        }
    }

    /// <summary>The last key in iteration order; the set must not be empty.</summary>
    public Value Last()
    {
        for (var i = _mask; ; i--)
        {
            var k = _slots[i].Key;
            if (IsKey(k)) return k;
        }
    }

    public void Add(Value key) => AddEntry(key, key.Hash);

    /// <summary>CPython's <c>set_add_entry</c>.</summary>
    public void AddEntry(Value key, long hash)
    {
        if (ReferenceEquals(_slots, NoSlots)) OwnTable();
        var mask = (ulong)_mask;
        var i = (ulong)hash & mask;
        var freeSlot = -1;
        var perturb = (ulong)hash;
        while (true)
        {
            var e = (int)i;
            var probes = i + LinearProbes <= mask ? LinearProbes : 0;
            do
            {
                var k = _slots[e].Key;
                if (k is null)
                {
                    if (freeSlot >= 0)
                    {
                        Count++;
                        _slots[freeSlot].Key = key;
                        _slots[freeSlot].Hash = hash;
                        return;
                    }
                    _fill++;
                    Count++;
                    _slots[e].Key = key;
                    _slots[e].Hash = hash;
                    if (IsFull(_fill, _mask)) Resize(GrowthFor(Count));
                    return;
                }
                if (ReferenceEquals(k, Dummy))
                {
                    if (freeSlot < 0) freeSlot = e;
                }
                else if (_slots[e].Hash == hash && (ReferenceEquals(k, key) || k.Equals(key)))
                {
                    return;
                }
                e++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /// <summary>CPython's <c>set_contains_entry</c>.</summary>
    public bool Contains(Value key) => Find(key, key.Hash) >= 0;

    public bool Contains(Value key, long hash) => Find(key, hash) >= 0;

    private int Find(Value key, long hash)
    {
        var mask = (ulong)_mask;
        var i = (ulong)hash & mask;
        var perturb = (ulong)hash;
        while (true)
        {
            var e = (int)i;
            var probes = i + LinearProbes <= mask ? LinearProbes : 0;
            do
            {
                var k = _slots[e].Key;
                if (k is null) return -1;
                if (_slots[e].Hash == hash && !ReferenceEquals(k, Dummy) && (ReferenceEquals(k, key) || k.Equals(key))) return e;
                e++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /// <summary>CPython's <c>set_discard_entry</c>: the slot becomes a dummy.</summary>
    public bool Discard(Value key, long hash)
    {
        var e = Find(key, hash);
        if (e < 0) return false;
        _slots[e].Key = Dummy;
        _slots[e].Hash = -1;
        Count--;
        return true;
    }

    /// <summary>Whether a table of <paramref name="fill"/> used or discarded slots must grow: CPython's 60% rule.</summary>
    private static bool IsFull(long fill, long mask) => fill * 5 >= mask * 3;

    /// <summary>The room <c>set_add_entry</c> asks for when a table of <paramref name="used"/> keys is full.</summary>
    private static int GrowthFor(int used) => used > 50000 ? used * 2 : used * 4;

    /// <summary>The size <c>set_table_resize</c> picks for <paramref name="minUsed"/>, once the <paramref name="used"/> keys are checked against the limits.</summary>
    private static int ResizedSize(int used, int minUsed)
    {
        Limits.CheckSize(used);
        Limits.Step();
        var newSize = MinSize;
        while (newSize <= minUsed) newSize <<= 1;
        return newSize;
    }

    /// <summary>CPython's <c>set_table_resize</c>.</summary>
    private void Resize(int minUsed)
    {
        var newSize = ResizedSize(Count, minUsed);
        var old = _slots;
        _slots = Spares.Take(newSize);
        _mask = newSize - 1;
        _fill = Count;
        for (var i = 0; i < old.Length; i++)
        {
            var k = old[i].Key;
            if (IsKey(k)) InsertClean(k, old[i].Hash);
        }
        if (!ReferenceEquals(old, NoSlots)) Spares.Give(old);
    }

    /// <summary>
    /// The table CPython builds by adding keys known to be distinct one by one, in the order of
    /// <paramref name="hashes"/> (product's pairs of two sets): its growth is replayed first on the
    /// keys' indices alone, an int a slot, small enough to stay in cache where slots of keys would
    /// not; then <paramref name="keyAt"/> makes each key in slot order, so that whatever iterates the
    /// set next reads its keys in memory order.
    /// </summary>
    public static SetTable OfDistinct(ReadOnlySpan<long> hashes, Func<int, Value> keyAt)
    {
        var table = new SetTable();
        if (hashes.IsEmpty) return table;
        var pool = ArrayPool<int>.Shared;
        var rented = pool.Rent(MinSize);
        var slots = rented.AsSpan(0, MinSize);
        slots.Clear();
        var fill = 0;
        for (var k = 0; k < hashes.Length; k++)
        {
            PlaceIndex(slots, hashes, k);
            fill++;
            if (!IsFull(fill, slots.Length - 1)) continue;
            // set_table_resize, as AddEntry would call it: the indices move over in slot order.
            var newSize = ResizedSize(fill, GrowthFor(fill));
            var larger = pool.Rent(newSize);
            var next = larger.AsSpan(0, newSize);
            next.Clear();
            foreach (var index in slots)
                if (index != 0) PlaceIndex(next, hashes, index - 1);
            pool.Return(rented);
            rented = larger;
            slots = next;
        }
        table._slots = Spares.Take(slots.Length);
        table._mask = slots.Length - 1;
        table._fill = table.Count = hashes.Length;
        for (var e = 0; e < slots.Length; e++)
        {
            var index = slots[e] - 1;
            if (index < 0) continue;
            table._slots[e].Key = keyAt(index);
            table._slots[e].Hash = hashes[index];
        }
        pool.Return(rented);
        return table;
    }

    /// <summary><see cref="InsertClean"/> of key number <paramref name="k"/> into a table of indices plus one (0: empty).</summary>
    private static void PlaceIndex(Span<int> slots, ReadOnlySpan<long> hashes, int k) =>
        slots[FreeSlot(new IndexSlots(slots), slots.Length - 1, hashes[k])] = k + 1;

    /// <summary>Which slots of a table are empty, for <see cref="FreeSlot"/>.</summary>
    private interface IEmptiness
    {
        bool IsEmpty(int slot);
    }

    private readonly struct KeySlots(Slot[] slots) : IEmptiness
    {
        public bool IsEmpty(int slot) => slots[slot].Key is null;
    }

    private readonly ref struct IndexSlots(Span<int> slots) : IEmptiness
    {
        private readonly Span<int> _slots = slots;

        public bool IsEmpty(int slot) => _slots[slot] == 0;
    }

    /// <summary>
    /// The slot <c>set_insert_clean</c> puts a key of this hash in, in a table without dummies: the
    /// first empty one along CPython's probe sequence (the hash's slot, 9 linear probes while they
    /// stay in the table, then perturbation), for a table of keys or one of indices alike.
    /// </summary>
    private static int FreeSlot<TSlots>(TSlots slots, int tableMask, long hash) where TSlots : IEmptiness, allows ref struct
    {
        var mask = (ulong)tableMask;
        var perturb = (ulong)hash;
        var i = (ulong)hash & mask;
        while (true)
        {
            var e = (int)i;
            if (slots.IsEmpty(e)) return e;
            if (i + LinearProbes <= mask)
            {
                for (var j = 0; j < LinearProbes; j++)
                {
                    e++;
                    if (slots.IsEmpty(e)) return e;
                }
            }
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /// <summary>Gives an empty table an array of its own before its first write.</summary>
    private void OwnTable() => _slots = Spares.Take(MinSize);

    /// <summary>
    /// Arrays that resized tables left behind, a few per size, per thread. A table's array is its
    /// own (copies and merges copy slots, never share arrays), so once it has moved to a larger one
    /// the old one can serve another table, cleared.
    /// </summary>
    private static class Spares
    {
        private const int SizeClasses = 13; // 8 to 32,768 slots
        private const int PerClass = 4;

        [ThreadStatic] private static Slot[]?[][]? _free;
        [ThreadStatic] private static int[]? _counts;

        public static Slot[] Take(int size)
        {
            var c = SizeClass(size);
            if (c < SizeClasses && _counts is { } counts && counts[c] > 0)
            {
                var spare = _free![c][--counts[c]]!;
                _free[c][counts[c]] = null;
                return spare;
            }
            return new Slot[size];
        }

        public static void Give(Slot[] slots)
        {
            var c = SizeClass(slots.Length);
            if (c >= SizeClasses) return;
            _counts ??= new int[SizeClasses];
            _free ??= new Slot[]?[SizeClasses][];
            var bucket = _free[c] ??= new Slot[]?[PerClass];
            if (_counts[c] == PerClass) return;
            Array.Clear(slots);
            bucket[_counts[c]++] = slots;
        }

        private static int SizeClass(int size) => System.Numerics.BitOperations.Log2((uint)size) - 3;
    }

    /// <summary>CPython's <c>set_insert_clean</c>: places a key known to be absent, in a table without dummies.</summary>
    private void InsertClean(Value key, long hash)
    {
        var e = FreeSlot(new KeySlots(_slots), _mask, hash);
        _slots[e].Key = key;
        _slots[e].Hash = hash;
    }

    /// <summary>CPython's <c>set_merge</c>: <c>so.update(other)</c> where other is a set.</summary>
    public void Merge(SetTable other)
    {
        if (ReferenceEquals(other, this) || other.Count == 0) return;
        if (IsFull(_fill + other.Count, _mask)) Resize((Count + other.Count) * 2);
        else if (ReferenceEquals(_slots, NoSlots)) OwnTable();
        if (_fill == 0 && _mask == other._mask && other._fill == other.Count)
        {
            other._slots.AsSpan().CopyTo(_slots);
            _fill = other._fill;
            Count = other.Count;
            return;
        }
        if (_fill == 0)
        {
            _fill = other.Count;
            Count = other.Count;
            for (var i = 0; i <= other._mask; i++)
            {
                var k = other._slots[i].Key;
                if (IsKey(k)) InsertClean(k, other._slots[i].Hash);
            }
            return;
        }
        for (var i = 0; i <= other._mask; i++)
        {
            var k = other._slots[i].Key;
            if (IsKey(k)) AddEntry(k, other._slots[i].Hash);
        }
    }

    /// <summary>A copy of this table, slot for slot, with every key replaced by <paramref name="map"/> of it (which must keep its hash).</summary>
    public SetTable WithKeys(Func<Value, Value> map)
    {
        var copy = new SetTable { _slots = (Slot[])_slots.Clone(), _mask = _mask, _fill = _fill, Count = Count };
        for (var i = 0; i < _slots.Length; i++)
        {
            var k = _slots[i].Key;
            copy._slots[i].Key = IsKey(k) ? map(k) : k;
        }
        return copy;
    }

    /// <summary><c>set(other)</c> or <c>frozenset(other)</c> of a set: a new table merged from it.</summary>
    public static SetTable CopyOf(SetTable other)
    {
        var t = new SetTable();
        t.Merge(other);
        return t;
    }

    /// <summary>CPython's <c>set_or</c>: <c>a | b</c>.</summary>
    public static SetTable Union(SetTable a, SetTable b)
    {
        var result = CopyOf(a);
        if (!ReferenceEquals(a, b)) result.Merge(b);
        return result;
    }

    /// <summary>
    /// CPython's <c>set_intersection</c>: <c>a &amp; b</c>. <paramref name="sameObject"/> says whether
    /// a and b are one Python object (CPython then copies a); two frozensets may share one table
    /// without being one object (see <see cref="Values.FrozenSetValue.Alias"/>).
    /// </summary>
    public static SetTable Intersection(SetTable a, SetTable b, bool sameObject)
    {
        if (sameObject) return CopyOf(a);
        var result = new SetTable();
        if (b.Count > a.Count) (a, b) = (b, a);
        for (var i = 0; i <= b._mask; i++)
        {
            var k = b._slots[i].Key;
            if (!IsKey(k)) continue;
            var h = b._slots[i].Hash;
            if (a.Contains(k, h)) result.AddEntry(k, h);
        }
        return result;
    }

    /// <summary>CPython's <c>set_difference</c>: <c>a - b</c>.</summary>
    public static SetTable Difference(SetTable a, SetTable b) =>
        ReferenceEquals(a, b) ? new SetTable() : Difference(a, b.Count, (k, h) => b.Contains(k, h));

    /// <summary>
    /// <c>a - b</c> where b is known only by its size and membership: the layout of the result does
    /// not depend on b's order (CPython either adds a's keys missing from b, in a's order, or copies
    /// a and turns b's keys into dummies, each at its own slot).
    /// </summary>
    public static SetTable Difference(SetTable a, int bCount, Func<Value, long, bool> bContains)
    {
        if ((a.Count >> 2) > bCount) return CopyAndDifference(a, bContains);
        var result = new SetTable();
        for (var i = 0; i <= a._mask; i++)
        {
            var k = a._slots[i].Key;
            if (!IsKey(k)) continue;
            var h = a._slots[i].Hash;
            if (!bContains(k, h)) result.AddEntry(k, h);
        }
        return result;
    }

    /// <summary>CPython's <c>set_copy_and_difference</c> with <c>set_difference_update_internal</c>.</summary>
    private static SetTable CopyAndDifference(SetTable a, Func<Value, long, bool> bContains)
    {
        var result = CopyOf(a);
        for (var i = 0; i <= result._mask; i++)
        {
            var k = result._slots[i].Key;
            if (!IsKey(k) || !bContains(k, result._slots[i].Hash)) continue;
            result._slots[i].Key = Dummy;
            result._slots[i].Hash = -1;
            result.Count--;
        }
        if ((ulong)(result._fill - result.Count) > (ulong)result._mask / 4)
            result.Resize(GrowthFor(result.Count));
        return result;
    }

    /// <summary>Whether every key of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(SetTable other)
    {
        if (Count > other.Count) return false;
        for (var i = 0; i <= _mask; i++)
        {
            var k = _slots[i].Key;
            if (IsKey(k) && !other.Contains(k, _slots[i].Hash)) return false;
        }
        return true;
    }

    /// <summary>CPython's <c>frozenset_hash</c>, which depends only on the keys' hashes.</summary>
    public long FrozenHash()
    {
        ulong hash = 0;
        for (var i = 0; i <= _mask; i++)
        {
            var k = _slots[i].Key;
            if (IsKey(k)) hash ^= ShuffleBits((ulong)_slots[i].Hash);
        }
        hash ^= ((ulong)Count + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        if (hash == ulong.MaxValue) hash = 590923713UL;
        return unchecked((long)hash);
    }

    private static ulong ShuffleBits(ulong h) => ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}
