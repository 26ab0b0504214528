namespace ArcSynth.Data.Datasets;

/// <summary>Why a candidate program did not become a task.</summary>
public enum DropReason
{
    /// <summary>No program could be made (no type-correct mutation or generation in the tries allowed).</summary>
    NotMade,

    /// <summary>An output is an error or not a valid ARC grid (1 to 30 per side, colours 0 to 9).</summary>
    InvalidOutput,

    /// <summary>The output equals the input on every example.</summary>
    Identity,

    /// <summary>The same grid for every input.</summary>
    Constant,

    /// <summary>Another kept program already gives these outputs on these inputs (observational equivalence).</summary>
    Duplicate,
}
