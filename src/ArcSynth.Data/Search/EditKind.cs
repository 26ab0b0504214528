namespace ArcSynth.Data.Search;

/// <summary>The typed edits of the guided search (<see cref="ProgramEditor"/>).</summary>
public enum EditKind
{
    /// <summary>An argument replaced by another name of its parameter's type.</summary>
    ReplaceArgument,

    /// <summary>A call's primitive replaced by another of a compatible signature.</summary>
    ReplacePrimitive,

    /// <summary>A new typed line whose value a later line or the result then uses.</summary>
    InsertLine,

    /// <summary>A grid-to-grid call applied to the result.</summary>
    WrapResult,

    /// <summary>A line removed and bypassed.</summary>
    DeleteLine,

    /// <summary>Another grid in scope returned.</summary>
    ChangeReturn,

    /// <summary>A suffix of another good program appended (crossover).</summary>
    Splice,

    /// <summary>A run of another good program's lines inserted, wired to this program's values.</summary>
    InsertFragment,
}
