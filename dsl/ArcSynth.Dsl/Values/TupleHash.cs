namespace ArcSynth.Dsl.Values;

/// <summary>CPython 3.11's tuple hash (the xxHash-based <c>tuplehash</c> of Objects/tupleobject.c), fed lane by lane.</summary>
internal static class TupleHash
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime5 = 2870177450012600261UL;

    public const ulong Start = Prime5;

    public static ulong Add(ulong acc, long lane)
    {
        acc += unchecked((ulong)lane * Prime2);
        acc = (acc << 31) | (acc >> 33);
        return acc * Prime1;
    }

    public static long Finish(ulong acc, int length)
    {
        acc += (ulong)length ^ (Prime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : unchecked((long)acc);
    }

    /// <summary>The hash of a tuple of ints.</summary>
    public static long OfInts(ReadOnlySpan<int> values)
    {
        var acc = Start;
        foreach (var v in values) acc = Add(acc, Int.HashOf(v));
        return Finish(acc, values.Length);
    }

    /// <summary>The hash of a tuple of two items with these hashes.</summary>
    public static long OfTwo(long first, long second) => Finish(Add(Add(Start, first), second), 2);

    /// <summary>The hash of the pair (a, b) of ints.</summary>
    public static long OfPair(int a, int b) => OfTwo(Int.HashOf(a), Int.HashOf(b));

    /// <summary>The hash of the cell (color, (i, j)).</summary>
    public static long OfCell(int color, int i, int j) => OfTwo(Int.HashOf(color), OfPair(i, j));
}
