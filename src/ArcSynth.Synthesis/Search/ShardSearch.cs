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
/// registry. It returns, for the shard to run, score and relabel like its samples, the library's
/// programs among each task's best (a seed may solve a target as it is: 4 of the 400 ARC-AGI-1
/// evaluation tasks for arc-dsl's solvers, lost to the loop while only edits came back) and the
/// programs its attempts were chosen from, then the best <c>keepPerTask</c> programs each search
/// wrote that give a grid on every demonstration, named <c>{prefix}s{k}_{taskId}</c>. With a
/// <paramref name="memo"/> (the run's, on this node), a pool program run on a task in an earlier
/// iteration is not run again.
/// </summary>
public sealed class ShardSearch(PrimitiveRegistry registry, Limits limits, GuidedSearchSettings settings, int keepPerTask, PoolMemo? memo = null)
{
    /// <summary>
    /// What the searches of <paramref name="tasks"/> found, best first per task, in task order; <paramref name="own"/> are the
    /// tasks' own programs (by <see cref="FunctionDef.TaskId"/>). With <paramref name="fillerOf"/> (the model's infilling),
    /// also how many candidates had their changed line written by it.
    /// </summary>
    public (IReadOnlyList<FunctionDef> Found, int Infilled) Run(IReadOnlyList<ArcTask> tasks, IReadOnlyList<FunctionDef> own, IReadOnlyList<FunctionDef> library,
        string prefix, CancellationToken cancellation, Func<ArcTask, ILineFiller?>? fillerOf = null)
    {
        var infilled = 0;
        if (settings.Budget == 0 || keepPerTask == 0) return ([], 0);
        var ownOf = own.ToLookup(p => p.TaskId, StringComparer.Ordinal);
        var libraryByName = library.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var search = new GuidedSearch(registry, limits, settings, memo);
        var found = new List<FunctionDef>();
        foreach (var outcome in search.Run(tasks, t => [.. ownOf[t.Id], .. library], Environment.ProcessorCount, cancellation, fillerOf))
        {
            infilled += outcome.Infilled;
            var foundByName = outcome.Found.ToDictionary(f => f.Name, StringComparer.Ordinal);
            // The programs the search chose its attempts from, wherever they rank: the shard's ledger then chooses
            // as the search did (with the best 16 alone, the loop's first iteration solved 48 of the 400
            // evaluation tasks where the search alone solves 54).
            var attemptsFrom = outcome.Result.Ranked.Select(r => libraryByName.GetValueOrDefault(r.Program) ?? foundByName.GetValueOrDefault(r.Program)).OfType<FunctionDef>();
            found.AddRange(attemptsFrom.Concat(outcome.Found.Take(keepPerTask)).DistinctBy(f => f.Name, StringComparer.Ordinal)
                .Select((f, k) => f with { Name = $"{prefix}s{k}_{outcome.TaskId}" }));
        }
        return (found, infilled);
    }
}
