namespace ArcSynth.Primitives.Library;

/// <summary>Where a primitive of the registry comes from.</summary>
public enum PrimitiveOrigin
{
    /// <summary>One of the DSL's own (arc-dsl's 160).</summary>
    BuiltIn,

    /// <summary>A file of the repository's <c>dsl/contrib/</c>.</summary>
    Contrib,

    /// <summary>A source accepted into the store (<c>arcsynth primitive add</c>, <c>POST /api/primitives</c>).</summary>
    Submitted,
}
