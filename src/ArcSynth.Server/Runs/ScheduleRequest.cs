using Quartz;

namespace ArcSynth.Server.Runs;

/// <summary>A cron schedule (Quartz's six or seven fields) that starts a run with <paramref name="Run"/> at each firing.</summary>
public sealed record ScheduleRequest(string Cron, RunRequest Run)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = Run is null ? new Dictionary<string, string[]> { ["run"] = ["is required"] }
            : Run.Validate().ToDictionary(e => "run." + e.Key, e => e.Value);
        if (string.IsNullOrWhiteSpace(Cron) || !CronExpression.TryParse(Cron, out _))
            errors["cron"] = [$"'{Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 3 * * ?\")"];
        return errors;
    }
}
