using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Tests.Shared;

/// <summary>A primitive the built-in registry lacks, for tests of a registry that grows or shrinks.</summary>
internal static class TwicePrimitive
{
    [Primitive("twice(n: Integer) -> Integer", "double")]
    public static Value Twice(Value n) => Int.Of(2 * Py.AsInt(n));
}
