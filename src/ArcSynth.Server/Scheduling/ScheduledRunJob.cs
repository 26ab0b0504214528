using System.Text.Json;
using ArcSynth.Server.Runs;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>A cron schedule's job: each firing starts a new run with the schedule's request.</summary>
internal sealed class ScheduledRunJob(RunControl control, ILogger<ScheduledRunJob> logger) : IJob
{
    public const string Group = "schedules";
    public const string RequestKey = "request";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<RunRequest>(context.MergedJobDataMap.GetString(RequestKey)!, JsonSerializerOptions.Web)!;
        var runId = await control.StartAsync(request, cancellationToken);
        logger.LogInformation("schedule {Schedule} started run {RunId}", context.JobDetail.Key.Name, runId);
    }
}
