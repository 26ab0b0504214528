using ArcSynth.Data.Search;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Search;

/// <summary>
/// The loop's guided search, run in each sampling shard after the samples are drawn: per target
/// task, a <see cref="GuidedSearch"/> from the task's own programs (the iteration's samples and the
/// best programs of earlier iterations, so that each iteration's search goes on from where the last
/// one stopped instead of starting over) and a library shared by every task (the seeds, never one
/// written for a target, and in the loop the programs of the tasks solved so far), on the live
/// registry. It returns the best programs each search found (never one of its pool) that give a
/// grid on every demonstration, named <c>{prefix}s{k}_{taskId}</c>, for the shard to run, score
/// and relabel like its samples.
/// </summary>
public sealed class ShardSearch(PrimitiveRegistry registry, Limits limits, GuidedSearchSettings settings, int keepPerTask)
{
    /// <summary>What the searches of <paramref name="tasks"/> found, best first per task, in task order; <paramref name="own"/> are the tasks' own programs (by <see cref="FunctionDef.TaskId"/>).</summary>
    public IReadOnlyList<FunctionDef> Run(IReadOnlyList<ArcTask> tasks, IReadOnlyList<FunctionDef> own, IReadOnlyList<FunctionDef> library,
        string prefix, CancellationToken cancellation)
    {
        if (settings.Budget == 0 || keepPerTask == 0) return [];
        var ownOf = own.ToLookup(p => p.TaskId, StringComparer.Ordinal);
        var search = new GuidedSearch(registry, limits, settings);
        var found = new List<FunctionDef>();
        foreach (var outcome in search.Run(tasks, t => [.. ownOf[t.Id], .. library], Environment.ProcessorCount, cancellation))
            found.AddRange(outcome.Found.Take(keepPerTask).Select((f, k) => f with { Name = $"{prefix}s{k}_{outcome.TaskId}" }));
        return found;
    }
}
