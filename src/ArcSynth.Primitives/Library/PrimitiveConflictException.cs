namespace ArcSynth.Primitives.Library;

/// <summary>
/// Another process (a second node of the cluster, a second <c>primitive add</c>) stored a primitive of
/// the same name at the same moment, after this submission was checked against the registry: this one
/// is refused, and the other is the one every process loads.
/// </summary>
public sealed class PrimitiveConflictException(string fileName, Exception inner)
    : Exception($"{fileName} was accepted by another submission at the same moment; this one is refused (the registry has the other's)", inner)
{
    public string FileName { get; } = fileName;
}
