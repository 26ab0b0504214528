namespace ArcSynth.Synthesis.Store;

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    Running,
    Paused,
    Cancelled,
    Completed,
    Failed,
}
