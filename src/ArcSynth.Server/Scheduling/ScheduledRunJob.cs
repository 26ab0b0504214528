using ArcSynth.Server.Runs;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>A cron schedule's job: each firing starts a new run with the schedule's configuration.</summary>
internal sealed class ScheduledRunJob(RunControl control, ILogger<ScheduledRunJob> logger) : IJob
{
    public const string Group = "schedules";
    public const string ConfigKey = "config";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var config = RunConfig.FromJson(context.MergedJobDataMap.GetString(ConfigKey)!);
        var runId = await control.StartAsync(config, cancellationToken);
        logger.LogInformation("schedule {Schedule} started run {RunId}", context.JobDetail.Key.Name, runId);
    }
}
