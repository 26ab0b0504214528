namespace ArcSynth.Dsl.Registry;

/// <summary>Marks a static method as a DSL primitive and gives its signature as data.</summary>
/// <param name="signature">arc-dsl's signature, e.g. <c>"add(a: Numerical, b: Numerical) -> Numerical"</c>.</param>
/// <param name="doc">arc-dsl's one-line description.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrimitiveAttribute(string signature, string doc) : Attribute
{
    public string Signature { get; } = signature;
    public string Doc { get; } = doc;

    /// <summary>Parameters the primitive never inspects (see <see cref="Parameter.Checked"/>).</summary>
    public string[] Unchecked { get; init; } = [];

    /// <summary>
    /// The function parameters the primitive calls, each with the number of arguments it passes, as <c>"name:n"</c>
    /// (apply calls its function with one item, prapply with a pair: <c>"function:2"</c>); see <see cref="Parameter.Calls"/>.
    /// </summary>
    public string[] Calls { get; init; } = [];

    /// <summary>Whether the result can be of another kind than the signature says (see <see cref="Signature.LooseResult"/>).</summary>
    public bool LooseResult { get; init; }
}
