namespace ArcSynth.Synthesis.Store;

/// <summary>The lineage kinds a loop stores programs under (<see cref="ProgramRecord.Source"/>).</summary>
public static class ProgramSources
{
    /// <summary>Drawn from the model for a target task.</summary>
    public const string Sample = "sample";
    /// <summary>Found for a target task by the guided search that the iteration's samples seeded.</summary>
    public const string Search = "search";
    /// <summary>A solved task's best program made shorter (its parent is that program).</summary>
    public const string Compression = "compression";
}
