namespace ArcSynth.Server.Runs;

/// <summary>
/// A cron schedule that starts a run with <paramref name="Run"/> at each firing, in UTC. Hangfire reads
/// <paramref name="Cron"/>: five fields (minutes hours day-of-month month day-of-week), or six with
/// seconds first (e.g. <c>0 0 3 * * ?</c>, at 03:00 every day).
/// </summary>
public sealed record ScheduleRequest(string Cron, RunRequest Run)
{
    /// <summary>What a cron expression that Hangfire refuses is told.</summary>
    public string CronError => $"'{Cron}' is not a cron expression (five fields, or six with seconds first, e.g. \"0 0 3 * * ?\")";

    /// <summary>The run's errors and an empty cron's; the expression itself is checked by Hangfire as the schedule is added.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = Run is null ? new Dictionary<string, string[]> { ["run"] = ["is required"] }
            : Run.Validate().ToDictionary(e => "run." + e.Key, e => e.Value);
        if (string.IsNullOrWhiteSpace(Cron)) errors["cron"] = [CronError];
        return errors;
    }
}
