using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// At each node's start and then every 30 s (a recurring job): a run that is running but whose loop
/// neither executes nor waits to is started again from its last completed step. That covers a job lost
/// with the in-memory storage at a restart, and a loop job that ended some other way while its run was running.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class ResumeSweepJob(RunControl control, ILogger<ResumeSweepJob> logger)
{
    public const string Id = "resume-interrupted-runs";

    /// <summary>Every 30 s (Hangfire reads a sixth, leading field as seconds).</summary>
    private const string Every30Seconds = "*/30 * * * * *";

    [DisplayName("starts again runs whose loop was lost")]
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await control.ResumeInterruptedAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            logger.LogWarning("cannot look for interrupted runs now: {Message}", e.Message);
        }
    }

    /// <summary>Sweeps now, and keeps the recurring sweep (once for the whole cluster: a second node's call updates the first's).</summary>
    public static void Schedule(IBackgroundJobClient client, IRecurringJobManager recurring)
    {
        recurring.AddOrUpdate<ResumeSweepJob>(Id, j => j.ExecuteAsync(CancellationToken.None), Every30Seconds);
        client.Enqueue<ResumeSweepJob>(j => j.ExecuteAsync(CancellationToken.None));
    }
}
