using System.Text.Json;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Tasks.Loading;

namespace ArcSynth.Server.Runs;

/// <summary>
/// A run as the API takes it: a name, the target tasks as an ARC data folder <c>dataset/split</c>
/// (e.g. <c>arc-agi-1/evaluation</c>), and loop settings (any field of <see cref="LoopSettings"/>;
/// missing ones take the loop's defaults). Where files come from (targets, seeds) is the server's
/// choice, never the client's.
/// </summary>
public sealed record RunRequest(string Name, string Tasks, LoopSettings? Settings)
{
    /// <summary>The problems with this request, by field name as in the JSON; empty when it is usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = ["must not be empty"];
        if (Tasks is null || Tasks.Split('/') is not [{ Length: > 0 } dataset, { Length: > 0 } split] || dataset.Contains("..") || split.Contains(".."))
            errors["tasks"] = [$"'{Tasks}' is not of the form dataset/split, e.g. \"arc-agi-1/evaluation\""];
        else if (!Directory.Exists(Folder()))
            errors["tasks"] = [$"task folder '{Tasks}' does not exist (looked in {Folder()})"];
        // Named as the JSON names them: settings.shardTasks.
        foreach (var (field, problem) in (Settings ?? new LoopSettings()).Problems(JsonNamingPolicy.CamelCase))
            errors[$"settings.{field}"] = [problem];
        return errors;
    }

    /// <summary>The loop settings this request runs with, targets and seeds as the server has them.</summary>
    public LoopSettings ToSettings(ServerOptions options) =>
        (Settings ?? new LoopSettings()) with { Targets = Folder(), SeedsFile = options.SeedsFile, SeedTasks = null };

    private string Folder()
    {
        var parts = Tasks.Split('/');
        return ArcData.Folder(parts[0], parts[1]);
    }
}
