using System.Text;

namespace ArcSynth.Dsl.Values;

/// <summary>A Python bool: a subtype of int, so <c>True == 1</c> and both hash alike.</summary>
public sealed class Bool : Value
{
    public static readonly Bool True = new(true), False = new(false);

    public readonly bool V;

    private Bool(bool v) => V = v;

    public static Bool Of(bool v) => v ? True : False;

    public int AsInt => V ? 1 : 0;

    public override long Hash => AsInt;

    public override string TypeName => "bool";

    public override bool Equals(Value? other) => other switch
    {
        Bool b => b.V == V,
        Int i => i.V == AsInt,
        _ => false,
    };

    public override void Repr(StringBuilder sb) => sb.Append(V ? "True" : "False");
}
