using ArcSynth.Dsl.Registry;

namespace ArcSynth.Dsl.Language.Checking;

/// <summary>The runtime kinds a value can have; a static type is a set of them.</summary>
[Flags]
internal enum Kind
{
    Int = 1, // bools are ints, as in Python
    Tuple = 2,
    Set = 4,
    Function = 8,
    None = 16,
    Any = Int | Tuple | Set | Function | None,
}

internal static class Kinds
{
    /// <summary>The kinds a parameter of this declared type accepts without a certain error.</summary>
    public static Kind Accepted(DslType t) => t switch
    {
        DslType.Any or DslType.Boolean => Kind.Any,
        DslType.Integer => Kind.Int,
        // Grids and vectors are indexed and sliced: only tuples will do.
        DslType.IntegerTuple or DslType.Grid or DslType.Cell => Kind.Tuple,
        DslType.Numerical => Kind.Int | Kind.Tuple,
        // Collections are mostly only iterated (paint takes a tuple of cells, pair zips sets), so a
        // parameter annotated as a frozenset or a tuple takes either: the checker must not reject
        // what CPython runs.
        DslType.Tuple or DslType.TupleTuple or DslType.IntegerSet or DslType.Object or DslType.Objects or DslType.Indices
            or DslType.IndicesSet or DslType.FrozenSet or DslType.Patch or DslType.Element or DslType.Piece
            or DslType.Container or DslType.ContainerContainer => Kind.Tuple | Kind.Set,
        DslType.Callable => Kind.Function,
        _ => Kind.Any,
    };

    /// <summary>The kinds a primitive's result can have: its declared type's, unless the signature says it is loose.</summary>
    public static Kind Result(Signature s) => s.LooseResult ? Kind.Any : s.Returns switch
    {
        DslType.Boolean => Kind.Int,
        DslType.IntegerSet or DslType.Object or DslType.Objects or DslType.Indices or DslType.IndicesSet or DslType.FrozenSet => Kind.Set,
        DslType.Tuple or DslType.TupleTuple => Kind.Tuple,
        var t => Accepted(t),
    };

    public static string Describe(Kind k) => k switch
    {
        Kind.Int => "an int",
        Kind.Tuple => "a tuple",
        Kind.Set => "a frozenset",
        Kind.Function => "a function",
        Kind.None => "None",
        _ => string.Join(" or ", Enum.GetValues<Kind>().Where(x => x != Kind.Any && k.HasFlag(x)).Select(x => Describe(x))),
    };
}
