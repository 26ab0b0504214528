namespace ArcSynth.Server.Scheduling;

/// <summary>
/// How a job hands itself back when its node stops: it waits until Hangfire's own shutdown cancels the
/// job's token, then throws the cancellation that makes Hangfire put the job back in its queue, where the
/// next node takes it (on PostgreSQL; in memory it goes with the process, and the resume sweep starts the
/// run at the next start). Thrown before that, Hangfire would record the job as failed. The application
/// says it is stopping first, and the job stops its work then, before Hangfire shuts down under it.
/// </summary>
internal static class NodeStopping
{
    /// <summary>Longer than Hangfire takes to cancel its jobs' tokens once the node stops.</summary>
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(30);

    /// <summary>Waits for Hangfire's cancellation of <paramref name="jobToken"/>, then returns the exception to throw (with <paramref name="interruption"/>, what the work threw, inside).</summary>
    public static async Task<OperationCanceledException> HandBackAsync(Exception interruption, CancellationToken jobToken)
    {
        try
        {
            await Task.Delay(AtMost, jobToken);
        }
        catch (OperationCanceledException)
        {
        }
        return new OperationCanceledException("handed back: this node is stopping", interruption, jobToken);
    }
}
