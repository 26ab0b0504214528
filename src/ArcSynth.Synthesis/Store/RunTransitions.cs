namespace ArcSynth.Synthesis.Store;

/// <summary>
/// The moves a run's status may make, in one table, so that the writers of a status (the loop, the
/// command line, the server's run job and run control) cannot overwrite one another: every write
/// names the status it expects to find (<see cref="IRunStore.TransitionRunAsync"/>) and changes
/// nothing when the run stands elsewhere. A node that stops writes nothing: its run stays Running
/// and the next node goes on with it.
/// </summary>
public static class RunTransitions
{
    /// <summary>Whether a run may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(RunStatus from, RunStatus to) => (from, to) switch
    {
        (RunStatus.Running, RunStatus.Paused or RunStatus.Cancelled or RunStatus.Completed or RunStatus.Failed) => true,
        // Resumed (a failed run from the command line, after its cause was fixed), or cancelled while paused.
        (RunStatus.Paused, RunStatus.Running or RunStatus.Cancelled) => true,
        (RunStatus.Failed, RunStatus.Running) => true,
        _ => false,
    };
}
