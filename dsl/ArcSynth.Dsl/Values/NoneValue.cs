using System.Text;

namespace ArcSynth.Dsl.Values;

/// <summary>Python's None (what <c>index</c> returns off the grid, for one).</summary>
public sealed class NoneValue : Value
{
    public static readonly NoneValue Instance = new();

    private NoneValue() { }

    /// <summary>CPython 3.11 hashes None by address, which varies between runs; any constant is as faithful.</summary>
    public override long Hash => 0x5f3759df;

    public override string TypeName => "NoneType";

    public override bool Equals(Value? other) => ReferenceEquals(other, this);

    public override void Repr(StringBuilder sb) => sb.Append("None");
}
