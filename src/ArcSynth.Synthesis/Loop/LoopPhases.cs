namespace ArcSynth.Synthesis.Loop;

/// <summary>The names of a run's steps as the store records them.</summary>
public static class LoopPhases
{
    /// <summary>Training on the original data before iteration 0 (recorded as iteration 0).</summary>
    public const string Pretrain = "pretrain";
    /// <summary>Sampling, guided search, execution, scoring and relabeling of one shard of target tasks.</summary>
    public const string Sample = "sample";
    public const string Train = "train";
    /// <summary>The forgetting probe: the trained model sampled on tasks of the original data.</summary>
    public const string Recall = "recall";
    public const string Compress = "compress";
    /// <summary>The iteration's figures written; the iteration is complete.</summary>
    public const string Record = "record";
}
