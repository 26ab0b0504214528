using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Search.Enumeration;

/// <summary>
/// One value the enumeration built: a leaf (the input I, a named constant, a primitive passed as a
/// function) or a call of a primitive on earlier terms, with its value on every demonstration input.
/// </summary>
internal sealed class Term(string? leaf, PrimitiveFunction? callee, Term[] args, Value[] values, DslType type, int calls)
{
    /// <summary>The leaf's name as a program writes it; null for a call.</summary>
    public string? Leaf { get; } = leaf;

    public PrimitiveFunction? Callee { get; } = callee;

    public Term[] Args { get; } = args;

    /// <summary>The value on each demonstration input, in order.</summary>
    public Value[] Values { get; } = values;

    /// <summary>Its runtime type: the narrowest of arc-dsl's types that holds it on every input.</summary>
    public DslType Type { get; } = type;

    /// <summary>Calls in the program that computes it (0 for a leaf).</summary>
    public int Calls { get; } = calls;

    /// <summary>Whether the input I enters its computation.</summary>
    public bool FromInput { get; init; }
}
