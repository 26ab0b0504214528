using System.Text;

namespace ArcSynth.Dsl.Values;

/// <summary>
/// A Python int. The port keeps it in 32 bits and raises OverflowError where Python would grow a
/// big integer (dsl/README.md, "Integers").
/// </summary>
public sealed class Int : Value
{
    private const int CacheLow = -64, CacheHigh = 1024;
    private static readonly Int[] Cache = Enumerable.Range(CacheLow, CacheHigh - CacheLow + 1).Select(v => new Int(v)).ToArray();

    public readonly int V;

    private Int(int v) => V = v;

    public static Int Of(int v) => v >= CacheLow && v <= CacheHigh ? Cache[v - CacheLow] : new Int(v);

    public static Int Of(long v) => v is < int.MinValue or > int.MaxValue
        ? throw DslError.Overflow($"integer {v} does not fit in 32 bits")
        : Of((int)v);

    /// <summary>hash(int) for values that fit in 32 bits: the value itself, except -1 hashes to -2.</summary>
    public static long HashOf(int v) => v == -1 ? -2 : v;

    public override long Hash => HashOf(V);

    public override string TypeName => "int";

    public override bool Equals(Value? other) => other switch
    {
        Int i => i.V == V,
        Bool b => b.AsInt == V,
        _ => false,
    };

    public override void Repr(StringBuilder sb) => sb.Append(V);
}
