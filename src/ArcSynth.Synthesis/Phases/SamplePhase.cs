using System.Diagnostics;
using System.Text.Json.Nodes;
using ArcSynth.Data.Search;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Replay;
using ArcSynth.Synthesis.Search;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Phases;

/// <summary>
/// One shard of an iteration's target tasks: programs sampled from the iteration's starting
/// checkpoint, a guided search from them, the task's best programs of earlier iterations, the
/// seeds and the programs of every task solved so far (<see cref="ShardSearch"/>), then every
/// program run, scored and relabeled. It reads only the run, the checkpoint, the shard's tasks'
/// earlier programs and the last iteration's results, so shards run on any node in any order.
/// </summary>
internal sealed class SamplePhase : ILoopPhase
{
    public string Name => LoopPhases.Sample;

    public int Steps(RunContext run) => run.Shards;

    public async Task<bool> RunAsync(RunContext run, int iteration, int shard, CancellationToken cancellation)
    {
        var s = run.Settings;
        var tasks = run.ShardTasks(shard);
        cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        // The shard's tasks as far as earlier iterations got: the base of their results.
        var ledger = new TaskLedger();
        // Each task's own hindsight data, for test-time training (none without it).
        var hindsight = s.AdaptSteps > 0 ? tasks.ToDictionary(t => t.Id, _ => new ReplayBuffer(), StringComparer.Ordinal) : null;
        foreach (var task in tasks)
            foreach (var earlier in await run.Store.ProgramsAsync(run.RunId, task.Id, cancellationToken: cancellation))
                if (earlier.Iteration < iteration) StoredPrograms.Remember(ledger, hindsight?[task.Id], task, $"r{earlier.Id}_{task.Id}", earlier);
        // A task solved on its demonstrations already is not adapted to: its samples no longer search.
        foreach (var task in tasks)
            if (ledger.For(task.Id) is { Ranked: [var best, ..] } && best.Score.SolvesDemonstrations) hindsight?.Remove(task.Id);
        var (model, optimizer) = run.LoadCheckpoint(iteration);
        var adaptation = hindsight is null ? null : new TaskAdaptation(run, model, optimizer, hindsight);
        var (programs, failed) = ModelSampling.Sample(run, model, tasks, s.SamplesPerTask, iteration, shard * s.ShardTasks, Name, run.Targets.Count, cancellation,
            adaptation: adaptation);
        var sampleCount = programs.Count;
        run.Report(iteration, Name, shard * s.ShardTasks + tasks.Count - 1, run.Targets.Count, $"guided search of {tasks.Count} tasks");
        var searchSettings = new GuidedSearchSettings(s.SearchBudget, RunContext.Mix(s.Seed, iteration, -2 - shard), s.Attempts,
            Restarts: GuidedSearchSettings.RestartsFor(s.SearchBudget), InfillLines: s.InfillLines)
        {
            DemonstrationTimeout = TimeSpan.FromMilliseconds(s.SearchTimeoutMs),
            EnumerationCalls = iteration == 0 ? s.SearchEnumeration : 0,
        };
        // The best of earlier iterations join the samples: each iteration's search goes on from the last one's frontier.
        var earlierBest = tasks.SelectMany(t => (ledger.For(t.Id)?.Ranked ?? []).Select((r, k) =>
            ProgramParser.ParseFunction(ledger.Text(r.Program), "<stored>") with { Name = $"i{iteration}e{k}_{t.Id}" }));
        var library = await SolvedEarlierAsync(run, iteration, cancellation);
        // Infilling: the iteration's model (not a task's adapted copy) writes lines for the search.
        var infilling = s.InfillLines > 0 ? new ModelInfilling(model, run.Sequences, run.Registry, ModelSampling.Settings(s)) : null;
        var (found, infilled) = new ShardSearch(run.Registry, run.Limits, searchSettings, s.SearchPrograms, run.PoolMemo)
            .Run(tasks, [.. programs, .. earlierBest], [.. run.Seeds, .. library], $"i{iteration}", cancellation, infilling is null ? null : infilling.For);
        programs.AddRange(found);
        var fromSearch = programs.Skip(sampleCount).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var (records, valid, solvedBySample, solvedAfterSearch) = Score(run, iteration, programs, fromSearch, cancellation);
        for (var i = 0; i < records.Count; i++) StoredPrograms.Remember(ledger, null, run.TargetsById[records[i].TaskId], $"i{iteration}n{i}_{records[i].TaskId}", records[i]);
        var figures = new JsonObject
        {
            ["samples"] = sampleCount + failed, ["found"] = programs.Count - sampleCount, ["valid"] = valid, ["library"] = library.Count,
            ["solved_by_sample"] = solvedBySample, ["solved_after_search"] = solvedAfterSearch,
            ["infilled"] = infilled, ["adapted"] = adaptation?.Adapted ?? 0, ["adapt_seconds"] = adaptation?.Elapsed.TotalSeconds ?? 0, ["seconds"] = clock.Elapsed.TotalSeconds, ["node"] = run.Node,
        };
        return await run.Store.CompleteStepAsync(run.Step(iteration, Name, shard, figures), records, StoredPrograms.Results(ledger, run, iteration, tasks), cancellation);
    }

    /// <summary>
    /// The best program of every target task solved on its demonstrations by the end of the last
    /// iteration: each joins the seeds in every task's search pool, so that what the run has learnt
    /// to do for one task is a starting point for the others, and the pool grows as tasks are solved.
    /// </summary>
    private static async Task<List<FunctionDef>> SolvedEarlierAsync(RunContext run, int iteration, CancellationToken cancellation)
    {
        if (iteration == 0) return [];
        var results = await run.Store.TaskResultsAsync(run.RunId, iteration - 1, cancellation);
        return results.Where(r => r.SolvedDemonstrations && r.BestProgram is not null && run.TargetsById.ContainsKey(r.TaskId))
            .Select(r => ProgramParser.ParseFunction(r.BestProgram!, "<stored>") with { Name = $"solved_{r.TaskId}" }).ToList();
    }

    /// <summary>
    /// Runs every program on its task, relabels each that gave a valid grid (hindsight), and counts the
    /// valid samples and the tasks solved on their demonstrations by a sample, or only by what the search found.
    /// </summary>
    private static (List<ProgramRecord> Records, int Valid, int SolvedBySample, int SolvedAfterSearch) Score(RunContext run, int iteration,
        IReadOnlyList<FunctionDef> programs, HashSet<string> fromSearch, CancellationToken cancellation)
    {
        var texts = programs.ToDictionary(p => p.Name, p => ProgramPrinter.Print(p with { Name = "program" }), StringComparer.Ordinal);
        var records = new List<ProgramRecord>();
        var valid = 0;
        var solvedBySample = 0;
        var solvedAfterSearch = 0;
        foreach (var result in run.Executor.RunOnOwnTasks(programs, run.TargetsById, cancellation))
        {
            bool Solves(Func<string, bool> source) => result.Ranked.Any(r => r.Score.SolvesDemonstrations && r.Aliases.Prepend(r.Program).Any(source));
            if (Solves(name => !fromSearch.Contains(name))) solvedBySample++;
            else if (Solves(fromSearch.Contains)) solvedAfterSearch++;
            foreach (var r in result.Ranked)
            {
                var text = texts[r.Program];
                var entry = Hindsight.Relabel(ProgramParser.ParseFunction(text, "<sampled>"), result.Task, r.Train);
                // Every alias is a program that gave these same outputs; the valid share is of the samples.
                if (entry is not null) valid += r.Aliases.Prepend(r.Program).Count(name => !fromSearch.Contains(name));
                var source = fromSearch.Contains(r.Program) ? ProgramSources.Search : ProgramSources.Sample;
                records.Add(new ProgramRecord(0, run.RunId, iteration, result.Task.Id, text, source, null, r.Score.Exact, r.Score.Pairs,
                    r.Score.MeanDistance, r.Score.Length, entry is not null, entry?.Priority ?? 0, ProgramOutputs.ToJson(r)));
            }
        }
        return (records, valid, solvedBySample, solvedAfterSearch);
    }
}
