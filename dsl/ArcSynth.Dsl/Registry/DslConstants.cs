using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Registry;

/// <summary>A named constant of the program language.</summary>
public sealed record Constant(string Name, Value Value, DslType Type);

/// <summary>The constants of arc-dsl's <c>constants.py</c>.</summary>
public static class DslConstants
{
    private static Constant I(string name, int v) => new(name, Int.Of(v), DslType.Integer);
    private static Constant P(string name, int a, int b) => new(name, new Pair(a, b), DslType.IntegerTuple);

    /// <summary>Every constant, in a stable order (the tokenizer's).</summary>
    public static IReadOnlyList<Constant> All { get; } =
    [
        new("F", Bool.False, DslType.Boolean), new("T", Bool.True, DslType.Boolean),
        I("ZERO", 0), I("ONE", 1), I("TWO", 2), I("THREE", 3), I("FOUR", 4), I("FIVE", 5),
        I("SIX", 6), I("SEVEN", 7), I("EIGHT", 8), I("NINE", 9), I("TEN", 10),
        I("NEG_ONE", -1), I("NEG_TWO", -2),
        P("DOWN", 1, 0), P("RIGHT", 0, 1), P("UP", -1, 0), P("LEFT", 0, -1),
        P("ORIGIN", 0, 0), P("UNITY", 1, 1), P("NEG_UNITY", -1, -1), P("UP_RIGHT", -1, 1), P("DOWN_LEFT", 1, -1),
        P("ZERO_BY_TWO", 0, 2), P("TWO_BY_ZERO", 2, 0), P("TWO_BY_TWO", 2, 2), P("THREE_BY_THREE", 3, 3),
    ];

    private static readonly Dictionary<string, Constant> ByName = All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Constant? constant) =>
        ByName.TryGetValue(name, out constant);
}
