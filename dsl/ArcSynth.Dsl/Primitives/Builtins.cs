using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Primitives;

/// <summary>
/// arc-dsl's primitives, one short static method each, its signature as data in the attribute.
/// The class is split by concept over the files of this folder; the registry reads them in source order.
/// </summary>
public static partial class Builtins
{
    [Primitive("identity(x: Any) -> Any", "identity function", Unchecked = ["x"])]
    public static Value Identity(Value x) => x;
}
