using System.ComponentModel;
using System.Text.Json;
using ArcSynth.Server.Runs;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Server.Scheduling;

/// <summary>A cron schedule's job (a Hangfire recurring job): each firing starts a new run with the schedule's request.</summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class ScheduledRunJob(RunControl control, ILogger<ScheduledRunJob> logger)
{
    /// <summary>What <c>/api/jobs</c> calls the schedules.</summary>
    public const string Group = "schedules";

    /// <summary>Starts a run with <paramref name="request"/> (a <see cref="RunRequest"/> as JSON, kept as the service reads it).</summary>
    [DisplayName("{0}: starts a run")]
    public async Task ExecuteAsync(string schedule, string request, CancellationToken cancellationToken)
    {
        var runId = await control.StartAsync(JsonSerializer.Deserialize<RunRequest>(request, JsonSerializerOptions.Web)!, cancellationToken);
        logger.LogInformation("schedule {Schedule} started run {RunId}", schedule, runId);
    }
}
