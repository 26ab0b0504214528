using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// At start and then every <see cref="Interval"/>: a run that is running but whose loop neither
/// executes nor waits to fire is started again from its last completed step. That covers a job
/// lost with the in-memory scheduler at a restart, and one whose retry could not be scheduled while
/// the database was down.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ResumeSweepJob(RunControl control, ILogger<ResumeSweepJob> logger) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public static readonly JobKey Key = new("resume-interrupted-runs", "service");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
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

    /// <summary>Schedules the sweep (once for the whole cluster: a second node's call replaces the first's).</summary>
    public static async Task ScheduleAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<ResumeSweepJob>().WithIdentity(Key).WithDescription("starts again runs whose loop was lost").Build();
        var trigger = TriggerBuilder.Create().WithIdentity(Key.Name, Key.Group).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(Interval).RepeatForever()).Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }
}
