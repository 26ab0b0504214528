namespace ArcSynth.Dsl.Values;

/// <summary>
/// The one size guard inside the DSL: no container a primitive builds may exceed
/// <see cref="MaxContainerSize"/> items, so a runaway program fails with MemoryError before it
/// exhausts memory. (CPython has no such limit; on real ARC programs nothing comes near it.)
/// </summary>
public static class Limits
{
    /// <summary>Largest tuple, frozenset or grid (in cells) a primitive may build.</summary>
    public const int MaxContainerSize = 1 << 20;

    public static void CheckSize(long size)
    {
        if (size > MaxContainerSize)
            throw new DslError("MemoryError", $"a container of {size} items exceeds the limit of {MaxContainerSize}");
    }
}
