using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ArcSynth.Data.Mutation;
using ArcSynth.Data.Search;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Server.Runs;

/// <summary>
/// What the service runs until the CodeIt loop lands: the mutation baseline iterated. Each
/// meta-iteration mutates the seeds together with every program that solved some task's
/// demonstrations in earlier iterations, tries the candidates on the run's tasks in shards of
/// <see cref="ShardSize"/> (phase "search", one step per shard) and then records the iteration's
/// figures (phase "record"). Every step is one store transaction, so a run resumes after its last
/// completed step. Test outputs are read only to score the predictions.
/// </summary>
public sealed class BaselineLoop(ServerOptions options, IRunStore store)
{
    /// <summary>Tasks per search step: small enough that pausing or cancelling takes effect soon.</summary>
    public const int ShardSize = 8;

    public const string SearchPhase = "search";
    public const string RecordPhase = "record";

    private const int ProgramsKeptPerTask = 3;

    private readonly ConcurrentDictionary<string, IReadOnlyList<ArcTask>> _folders = new(StringComparer.Ordinal);

    /// <summary>The run's tasks with the split each came from, in order. Throws <see cref="RunConfigException"/> for a missing folder.</summary>
    public IReadOnlyList<(ArcTask Task, string Split)> Tasks(RunConfig config) =>
        config.Tasks.SelectMany(folder => Folder(folder).Take(config.TasksPerFolder).Select(t => (t, folder.Split('/')[1]))).ToList();

    /// <summary>A task of the run's folders by id, or null.</summary>
    public (ArcTask Task, string Split)? FindTask(RunConfig config, string taskId) =>
        config.Tasks.SelectMany(folder => Folder(folder).Where(t => t.Id == taskId).Select(t => ((ArcTask, string)?)(t, folder.Split('/')[1]))).FirstOrDefault();

    public RunProgress Progress(RunConfig config, IReadOnlyList<StepRecord> completed)
    {
        var shards = Math.Max(1, (Tasks(config).Count + ShardSize - 1) / ShardSize);
        var done = completed.Select(s => new RunStep(s.Iteration, s.Phase, s.Shard)).ToHashSet();
        var all = Enumerable.Range(1, config.Iterations)
            .SelectMany(i => Enumerable.Range(0, shards).Select(s => new RunStep(i, SearchPhase, s)).Append(new RunStep(i, RecordPhase, 0)))
            .ToList();
        return new RunProgress(all.FirstOrDefault(s => !done.Contains(s)), all.Count(done.Contains), all.Count, shards);
    }

    /// <summary>Runs one step and records it with what it produced, in one transaction.</summary>
    public async Task ExecuteAsync(RunRecord run, RunConfig config, RunStep step, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (step.Phase == SearchPhase) await SearchAsync(run, config, step, clock, cancellationToken);
        else await RecordAsync(run, step, clock, cancellationToken);
    }

    private async Task SearchAsync(RunRecord run, RunConfig config, RunStep step, Stopwatch clock, CancellationToken cancellationToken)
    {
        var tasks = Tasks(config).Skip(step.Shard * ShardSize).Take(ShardSize).ToList();
        var candidates = await CandidatesAsync(run.Id, config, step.Iteration, cancellationToken);
        var byName = candidates.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var limits = Limits.Default with { Timeout = TimeSpan.FromMilliseconds(config.TimeoutMs) };
        var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, limits, Math.Max(1, options.Threads), cacheCapacity: 0);
        var results = executor.Run(candidates, tasks.Select(t => t.Task).ToList(), cancellationToken);

        var programs = new List<ProgramRecord>();
        var taskResults = new List<TaskResultRecord>();
        var validShares = new List<double>();
        foreach (var (result, split) in results.Zip(tasks, (r, t) => (r, t.Split)))
        {
            foreach (var ranked in result.Ranked.Take(ProgramsKeptPerTask))
            {
                var (source, parent) = Lineage(ranked.Program);
                programs.Add(new ProgramRecord(0, run.Id, step.Iteration, result.Task.Id, ProgramPrinter.Print(byName[ranked.Program]), source, parent,
                    ranked.Score.Exact, ranked.Score.Pairs, ranked.Score.MeanDistance, ranked.Score.Length, ranked.Score.SolvesDemonstrations,
                    ranked.Score.Pairs == 0 ? 0 : (double)ranked.Score.Exact / ranked.Score.Pairs, OutputsJson(ranked)));
            }
            var best = result.Ranked[0];
            bool? solvedTest = result.Task.Test.Count > 0 && result.Task.Test.All(e => e.Output is not null) ? result.Solved(config.Attempts) : null;
            taskResults.Add(new TaskResultRecord(run.Id, step.Iteration, result.Task.Id, split, best.Score.SolvesDemonstrations, solvedTest,
                ProgramPrinter.Print(byName[best.Program]), PredictionsJson(result.Predictions(config.Attempts))));
            validShares.Add(result.Ranked.Count(p => p.Train.All(o => o.Output is not null)) / (double)result.Ranked.Count);
        }
        var state = JsonSerializer.Serialize(new { seconds = clock.Elapsed.TotalSeconds, candidates = candidates.Count, valid = validShares.DefaultIfEmpty(0).Average() });
        await store.CompleteStepAsync(new StepRecord(run.Id, step.Iteration, step.Phase, step.Shard, state, default), programs, taskResults, cancellationToken);
    }

    private async Task RecordAsync(RunRecord run, RunStep step, Stopwatch clock, CancellationToken cancellationToken)
    {
        var results = await store.TaskResultsAsync(run.Id, step.Iteration, cancellationToken);
        var searches = (await store.StepsAsync(run.Id, cancellationToken)).Where(s => s.Iteration == step.Iteration && s.Phase == SearchPhase)
            .Select(s => JsonDocument.Parse(s.StateJson).RootElement).ToList();
        var buffer = (await store.ProgramsAsync(run.Id, cancellationToken: cancellationToken)).Where(p => p.InBuffer).Select(p => p.Text).Distinct().Count();
        var phases = new Dictionary<string, double>
        {
            [SearchPhase] = searches.Sum(s => s.GetProperty("seconds").GetDouble()),
            [RecordPhase] = clock.Elapsed.TotalSeconds,
        };
        // The baseline trains nothing and compresses nothing: loss, compressed programs and lines saved are 0.
        await store.SaveIterationAsync(new IterationRecord(run.Id, step.Iteration,
            searches.Select(s => s.GetProperty("candidates").GetInt32()).DefaultIfEmpty(0).Max(),
            searches.Select(s => s.GetProperty("valid").GetDouble()).DefaultIfEmpty(0).Average(), buffer, 0,
            results.Count(r => r.SolvedDemonstrations), results.Count(r => r.SolvedTest == true), results.Count, 0, 0, phases, DateTimeOffset.UtcNow), cancellationToken);
        await store.CompleteStepAsync(new StepRecord(run.Id, step.Iteration, step.Phase, step.Shard, "{}", default), [], [], cancellationToken);
    }

    /// <summary>The seeds and the programs found so far, mutated; the same list for every shard of an iteration.</summary>
    private async Task<List<FunctionDef>> CandidatesAsync(long runId, RunConfig config, int iteration, CancellationToken cancellationToken)
    {
        var seeds = ProgramParser.Parse(await File.ReadAllTextAsync(options.SeedsFile, cancellationToken), options.SeedsFile).Functions;
        var found = (await store.ProgramsAsync(runId, cancellationToken: cancellationToken))
            .Where(p => p.Iteration < iteration && p.InBuffer)
            .DistinctBy(p => p.Text)
            .SelectMany(p => ProgramParser.Parse(p.Text).Functions.Take(1).Select(f => f with { Name = $"found{p.Id}" }));
        return MutationSearch.Candidates([.. seeds, .. found], config.Budget, config.Seed * 100_003 + iteration, PrimitiveRegistry.BuiltIn, new MutationWeights());
    }

    /// <summary>Candidates are named seed{i}_{seed name} (a seed or, as seed{i}_found{id}, a program kept earlier) or mutant{k}.</summary>
    private static (string Source, long? Parent) Lineage(string name)
    {
        var found = name.IndexOf("_found", StringComparison.Ordinal);
        if (found >= 0 && long.TryParse(name.AsSpan(found + "_found".Length), out var parent)) return ("replay", parent);
        return name.StartsWith("seed", StringComparison.Ordinal) ? ("seed", null) : ("mutation", null);
    }

    private static string OutputsJson(ProgramOnTask program) =>
        JsonSerializer.Serialize(program.Train.Concat(program.Test).Select(o => o.Output is { } g ? Rows(g) : null));

    private static string PredictionsJson(IReadOnlyList<IReadOnlyList<Grid>> predictions) =>
        JsonSerializer.Serialize(predictions.Select(attempts => attempts.Select(Rows)));

    /// <summary>A grid as ARC's JSON writes it: a list of rows.</summary>
    public static int[][] Rows(Grid grid) => Enumerable.Range(0, grid.Height).Select(i => grid.Row(i).ToArray()).ToArray();

    private IReadOnlyList<ArcTask> Folder(string folder) => _folders.GetOrAdd(folder, f =>
    {
        var parts = f.Split('/');
        var path = ArcData.Folder(parts[0], parts[1]);
        if (!Directory.Exists(path)) throw new RunConfigException($"task folder '{f}' does not exist (looked in {path})");
        return ArcTaskLoader.TryLoadFolder(path).Tasks.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
    });
}

/// <summary>A run configuration that names something that is not there (e.g. a task folder).</summary>
public sealed class RunConfigException(string message) : Exception(message);
