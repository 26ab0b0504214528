using System.Text.Json;
using Quartz;

namespace ArcSynth.Server.Runs;

/// <summary>
/// What a run does, as the API takes it and the store keeps it (runs.config_json).
/// <paramref name="Tasks"/> names ARC data folders as <c>dataset/split</c> (e.g. <c>arc-agi-1/training</c>);
/// the first <paramref name="TasksPerFolder"/> task ids of each, in order, are the run's tasks.
/// </summary>
public sealed record RunConfig(
    string Name,
    IReadOnlyList<string> Tasks,
    int TasksPerFolder = 20,
    int Iterations = 3,
    int Budget = 100,
    int Seed = 1,
    int Attempts = 3,
    int TimeoutMs = 200)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The problems with this configuration, by field name (camelCase, as in the JSON); empty when it is usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = ["must not be empty"];
        if (Tasks is not { Count: > 0 }) errors["tasks"] = ["must name at least one folder, e.g. \"arc-agi-1/training\""];
        else if (Tasks.FirstOrDefault(t => t is null || t.Split('/') is not [{ Length: > 0 } d, { Length: > 0 } s] || d.Contains("..") || s.Contains("..")) is { } bad)
            errors["tasks"] = [$"'{bad}' is not of the form dataset/split, e.g. \"arc-agi-1/evaluation\""];
        Range(errors, "tasksPerFolder", TasksPerFolder, 1, 1000);
        Range(errors, "iterations", Iterations, 1, 1000);
        Range(errors, "budget", Budget, 0, 1_000_000);
        Range(errors, "attempts", Attempts, 1, 3);
        Range(errors, "timeoutMs", TimeoutMs, 1, 60_000);
        return errors;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunConfig FromJson(string json) =>
        JsonSerializer.Deserialize<RunConfig>(json, Json) ?? throw new JsonException("run configuration is null");

    private static void Range(Dictionary<string, string[]> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max) errors[field] = [$"must be between {min} and {max}, not {value}"];
    }
}

/// <summary>A run started by a cron schedule, with the configuration each started run gets.</summary>
public sealed record ScheduleRequest(string Cron, RunConfig Run)
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
