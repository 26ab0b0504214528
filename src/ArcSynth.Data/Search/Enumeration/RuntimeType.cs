using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Search.Enumeration;

/// <summary>The narrowest of arc-dsl's types that a value has at run time, for typing what the enumeration builds.</summary>
internal static class RuntimeType
{
    /// <summary>The value's type, or null for one the enumeration does not keep (None, an empty set, a grid outside ARC's sizes, a tuple but a pair).</summary>
    public static DslType? Of(Value value) => value switch
    {
        Bool => DslType.Boolean,
        Int => DslType.Integer,
        Pair => DslType.IntegerTuple,
        Grid g => g.IsArcGrid ? DslType.Grid : null,
        Cell => DslType.Cell,
        FunctionValue => DslType.Callable,
        FrozenSetValue s => ItemsOf(s.Items().FirstOrDefault()),
        // Other tuples (a grid's rows, vectors of many numbers) and sets of them: seldom what a short
        // program needs, and numerous enough to crowd out what it does.
        _ => null,
    };

    /// <summary>The type of a set whose first item is <paramref name="item"/>.</summary>
    private static DslType? ItemsOf(Value? item) => item switch
    {
        null => null,
        Cell => DslType.Object,
        Pair => DslType.Indices,
        Int => DslType.IntegerSet,
        FrozenSetValue inner => inner.Items().FirstOrDefault() switch
        {
            Cell => DslType.Objects,
            Pair => DslType.IndicesSet,
            _ => null,
        },
        _ => null,
    };

    /// <summary>The type of the items of a container value, or null where it is not one (or is empty).</summary>
    public static DslType? ItemOf(Value container) => container switch
    {
        FrozenSetValue s => s.Items().FirstOrDefault() is { } first ? Of(first) : null,
        Grid => null,
        TupleValue t => t.Count > 0 ? Of(t[0]) : null,
        _ => null,
    };
}
