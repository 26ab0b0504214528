using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Scoring;
using ArcSynth.Model.Checkpoints;
using ArcSynth.Model.Decoding;
using ArcSynth.Model.Sampling;
using ArcSynth.Model.Tokenization;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;
using ArcSynth.Synthesis.Compression;
using ArcSynth.Data.Search;
using ArcSynth.Synthesis.Replay;
using ArcSynth.Synthesis.Search;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// The CodeIt loop. Before iteration 0 the model trains on the original data (seeds and their
/// mutations); then each meta-iteration samples programs for every target task from its
/// demonstrations, searches from them and the seeds (<see cref="ShardSearch"/>), runs and scores
/// what it sampled and found, relabels every program that gave a valid grid with what it
/// really produced (hindsight) into the prioritized replay buffer, retrains on buffer samples mixed
/// with the original data, compresses the programs of solved tasks, and records its figures.
/// Every step is one transaction of the store; <see cref="RunAsync"/> on an existing run skips the
/// steps already completed and rebuilds the ledger and buffer from the stored programs, so a run
/// killed at any moment resumes where it stopped and loses no completed work.
/// Every step can be done by any node that shares the store and the home folder
/// (<see cref="RunStepAsync"/>, handed out by an <see cref="IStepDispatcher"/>): sampling is split
/// into shards of target tasks that depend only on the iteration's starting checkpoint and the seed,
/// and the ledger and buffer are read back from the store in one canonical order, so a run gives
/// the same results however its steps were spread.
/// </summary>
public sealed class CodeItLoop(IRunStore store, string home, PrimitiveRegistry registry, IProgress<LoopProgress>? progress = null, IStepDispatcher? steps = null)
{
    private RunTargets? _run;
    private RunState? _state;

    /// <summary>This process as the store's steps name the node that completed them.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// Runs (or resumes) a running run to the end: each step of its plan that the store does not have yet,
    /// here one after the other or, with a dispatcher, handed to the nodes of a cluster; then marks it Completed.
    /// The loop writes no other status: when it stops (cancelled, or on an error), whoever runs it knows
    /// why and moves the run (<see cref="RunTransitions"/>): a pause, a failure, or a node that stops and
    /// leaves the run Running for the next one.
    /// </summary>
    public async Task RunAsync(long runId, CancellationToken cancellation = default)
    {
        var status = (await store.GetRunAsync(runId, cancellation) ?? throw new ArgumentException($"no run {runId} in the store")).Status;
        if (status != RunStatus.Running) throw new InvalidOperationException($"run {runId} is {status}, not running");
        var run = _run = await TargetsAsync(runId, cancellation);
        _state = null;
        var done = (await store.StepsAsync(runId, cancellation)).Select(s => (s.Iteration, s.Phase, s.Shard)).ToHashSet();
        foreach (var (iteration, phase, shards) in Plan(run.Settings, run.Targets.Count))
        {
            var pending = Enumerable.Range(0, shards).Where(shard => !done.Contains((iteration, phase, shard))).ToList();
            if (pending.Count == 0) continue;
            if (steps is null)
                foreach (var shard in pending) await RunStepAsync(runId, iteration, phase, shard, cancellation);
            else
            {
                Report(iteration, phase, shards - pending.Count, shards, $"{pending.Count} of {shards} handed out");
                await steps.RunAsync(runId, iteration, phase, pending, (shard, c) => RunStepAsync(runId, iteration, phase, shard, c), cancellation);
            }
        }
        await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Completed, cancellation);
    }

    /// <summary>A run's steps in the order they are done: pretraining, then each iteration's sampling shards, training, compression and record.</summary>
    private static IEnumerable<(int Iteration, string Phase, int Shards)> Plan(LoopSettings settings, int targets)
    {
        yield return (0, LoopPhases.Pretrain, 1);
        for (var it = 0; it < settings.Iterations; it++)
        {
            yield return (it, LoopPhases.Sample, (targets + settings.ShardTasks - 1) / settings.ShardTasks);
            yield return (it, LoopPhases.Train, 1);
            yield return (it, LoopPhases.Compress, 1);
            yield return (it, LoopPhases.Record, 1);
        }
    }

    /// <summary>
    /// Does one step of a run and stores it as one transaction. Any node can: a step reads only the
    /// store, the run's data and the home folder's checkpoints. Steps of the same run done one after
    /// the other by one loop reuse what the earlier ones loaded. Returns false when the step was
    /// already stored (by another node), true when this call stored it.
    /// </summary>
    public async Task<bool> RunStepAsync(long runId, int iteration, string phase, int shard, CancellationToken cancellation = default)
    {
        if (_run?.RunId != runId) (_run, _state) = (await TargetsAsync(runId, cancellation), null);
        if (phase == LoopPhases.Sample) return await SampleShardAsync(_run, iteration, shard, cancellation);
        var state = _state ??= Prepare(_run);
        // Training and compression read every program up to the iteration's samples; the record also its compressions.
        await CatchUpAsync(state, phase switch { LoopPhases.Pretrain => 0, LoopPhases.Record => 2 * iteration + 2, _ => 2 * iteration + 1 }, cancellation);
        return phase switch
        {
            LoopPhases.Pretrain => await PretrainAsync(state, cancellation),
            LoopPhases.Train => await TrainAsync(state, iteration, cancellation),
            LoopPhases.Compress => await CompressAsync(state, iteration, cancellation),
            LoopPhases.Record => await RecordAsync(state, iteration, cancellation),
            _ => throw new ArgumentException($"a run has no phase '{phase}'", nameof(phase)),
        };
    }

    /// <summary>What every step of a run reads: its settings, its target tasks and how programs are encoded and run.</summary>
    private sealed class RunTargets
    {
        public required long RunId;
        public required LoopSettings Settings;
        public required IReadOnlyList<ArcTask> Targets;
        public required Dictionary<string, ArcTask> TargetsById;
        public required Dictionary<string, int> ShardOf;
        public required Vocabulary Vocabulary;
        public required SequenceBuilder Sequences;
        public required Limits Limits;
        public required BatchExecutor Executor;
        public required string Checkpoints;
        /// <summary>The seed programs: the original data's start, and the guided search's pool with the samples.</summary>
        public required IReadOnlyList<FunctionDef> Seeds;
    }

    /// <summary>What training, compression and the record also read: the original data (made when first needed), and the ledger and buffer as the store has them.</summary>
    private sealed class RunState
    {
        public required RunTargets Run;
        /// <summary>The original data once made (<see cref="CodeItLoop.Original"/>).</summary>
        public IReadOnlyList<TrainingExample>? Original;
        public readonly TaskLedger Ledger = new();
        public readonly ReplayBuffer Buffer = new();
        /// <summary>How many parts of the stored programs the ledger and buffer hold (part 2i: iteration i's samples; 2i + 1: its compressions).</summary>
        public int Parts;
        public LoopSettings Settings => Run.Settings;
        public long RunId => Run.RunId;
    }

    private async Task<RunTargets> TargetsAsync(long runId, CancellationToken cancellation)
    {
        var run = await store.GetRunAsync(runId, cancellation) ?? throw new ArgumentException($"no run {runId} in the store");
        var settings = LoopSettings.FromJson(run.ConfigJson, $"run {runId}").Validated($"run {runId}");
        if (!File.Exists(settings.SeedsFile)) throw new FileNotFoundException($"seed programs file {Path.GetFullPath(settings.SeedsFile)} not found", settings.SeedsFile);
        var seeds = ProgramParser.Parse(File.ReadAllText(settings.SeedsFile), settings.SeedsFile).Functions;
        // A task the original data has a program for is not a target: solving it would measure memory, not generalization.
        var seeded = seeds.Select(f => f.TaskId).ToHashSet(StringComparer.Ordinal);
        var targets = Load(settings.Targets ?? ArcData.Folder("arc-agi-1", "training"))
            .Where(t => !seeded.Contains(t.Id))
            .OrderBy(t => t.Id, StringComparer.Ordinal).Skip(settings.TargetOffset)
            .Take(settings.TargetLimit > 0 ? settings.TargetLimit : int.MaxValue).ToList();
        if (targets.Count == 0) throw new ArgumentException("no target tasks in the selection (tasks the seeds are written for are never targets)");
        var vocabulary = Vocabulary.For(registry);
        var limits = Limits.Default with { Timeout = TimeSpan.FromMilliseconds(settings.TimeoutMs) };
        return new RunTargets
        {
            RunId = runId, Settings = settings, Targets = targets, TargetsById = targets.ToDictionary(t => t.Id, StringComparer.Ordinal),
            ShardOf = targets.Select((t, i) => (t.Id, Shard: i / settings.ShardTasks)).ToDictionary(x => x.Id, x => x.Shard, StringComparer.Ordinal),
            Vocabulary = vocabulary,
            Sequences = new SequenceBuilder(vocabulary, settings.ContextLength, settings.MaxProgramTokens),
            Limits = limits,
            Executor = new BatchExecutor(registry, limits, Environment.ProcessorCount),
            Checkpoints = HomeFolder.Checkpoints(home, runId),
            Seeds = seeds,
        };
    }

    private static RunState Prepare(RunTargets run) => new() { Run = run };

    /// <summary>The run's original data, made on first use (a step cancelled while making it leaves it to the next).</summary>
    private IReadOnlyList<TrainingExample> Original(RunState state, CancellationToken cancellation)
    {
        if (state.Original is { } made) return made;
        var settings = state.Settings;
        Report(-1, "data", 0, 1, "loading seeds and their tasks");
        var seedTasks = Load(settings.SeedTasks ?? ArcData.Folder("arc-agi-1", "training"));
        var seeds = state.Run.Seeds;
        Report(-1, "data", 0, 1, $"original data: {seeds.Count} seeds and {settings.OriginalMutations} mutations");
        var original = OriginalData.Build(seeds, seedTasks, settings.OriginalMutations, settings.Seed, registry, state.Run.Limits, Environment.ProcessorCount, cancellation);
        Report(-1, "data", 1, 1, $"{state.Run.Targets.Count} target tasks, {original.Count} original examples");
        return state.Original = original;
    }

    /// <summary>
    /// Enters the stored programs of parts <see cref="RunState.Parts"/> to <paramref name="parts"/>
    /// into the ledger and buffer, in one order whoever stored them when: by part, by shard, then as
    /// each shard stored them.
    /// </summary>
    private async Task CatchUpAsync(RunState state, int parts, CancellationToken cancellation)
    {
        for (; state.Parts < parts; state.Parts++)
        {
            // Part 2i is what iteration i's shards stored (samples and what their search found); 2i + 1 its compressions.
            string[] sources = state.Parts % 2 == 0 ? [ProgramSources.Sample, ProgramSources.Search] : [ProgramSources.Compression];
            var records = (await store.ProgramsAsync(state.RunId, iteration: state.Parts / 2, cancellationToken: cancellation))
                .Where(r => sources.Contains(r.Source) && state.Run.TargetsById.ContainsKey(r.TaskId))
                .OrderBy(r => state.Run.ShardOf[r.TaskId]).ThenBy(r => r.Id);
            foreach (var record in records)
                Remember(state.Ledger, state.Buffer, state.Run.TargetsById[record.TaskId], $"r{record.Id}_{record.TaskId}", record);
        }
    }

    private static IReadOnlyList<ArcTask> Load(string path) =>
        File.Exists(path) ? [ArcTaskLoader.LoadFile(path)] : ArcTaskLoader.LoadFolder(path);

    /// <summary>Enters a program into the ledger and, when it was relabeled, the buffer (if any). Entering the same program again changes nothing.</summary>
    private static void Remember(TaskLedger ledger, ReplayBuffer? buffer, ArcTask task, string name, ProgramRecord record)
    {
        var (train, test) = ProgramOutputs.Read(record.OutputsJson);
        var result = new ProgramOnTask(name, [], new ProgramScore(record.Exact, record.Pairs, record.MeanDistance, record.Length), train, test);
        ledger.Add(new TaskResult(task, [result]), new Dictionary<string, string> { [name] = record.Text });
        if (buffer is not null && record.InBuffer && Hindsight.Relabel(ProgramParser.ParseFunction(record.Text, "<stored>"), task, train) is { } entry)
            buffer.Add(entry with { Priority = record.Priority });
    }

    private async Task<bool> PretrainAsync(RunState state, CancellationToken cancellation)
    {
        var s = state.Settings;
        var clock = Stopwatch.StartNew();
        var model = Gpt.Create(new ModelConfig { VocabSize = state.Run.Vocabulary.Count, ContextLength = s.ContextLength, Embedding = s.Embedding, Layers = s.Layers, Heads = s.Heads }, s.Seed);
        var optimizer = new AdamW(model.Layout.Size);
        var loss = Train(state, model, optimizer, s.PretrainSteps, replayShare: 0, -1, cancellation);
        Checkpoint.Save(Path.Combine(state.Run.Checkpoints, LoopPhases.Pretrain), model, state.Run.Vocabulary, optimizer);
        return await store.CompleteStepAsync(Step(state.Run, 0, LoopPhases.Pretrain, 0, new JsonObject { ["loss"] = loss, ["seconds"] = clock.Elapsed.TotalSeconds }), [], [], cancellation);
    }

    /// <summary>
    /// Samples, searches, runs, scores and relabels one shard of an iteration's target tasks. It reads only
    /// the run, the iteration's starting checkpoint and the shard's tasks' earlier programs.
    /// </summary>
    private async Task<bool> SampleShardAsync(RunTargets run, int iteration, int shard, CancellationToken cancellation)
    {
        var s = run.Settings;
        var tasks = run.Targets.Skip(shard * s.ShardTasks).Take(s.ShardTasks).ToList();
        if (tasks.Count == 0) throw new ArgumentOutOfRangeException(nameof(shard), $"run {run.RunId} has no sampling shard {shard}");
        cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        // The shard's tasks as far as earlier iterations got: the base of their results.
        var ledger = new TaskLedger();
        foreach (var task in tasks)
            foreach (var earlier in await store.ProgramsAsync(run.RunId, task.Id, cancellationToken: cancellation))
                if (earlier.Iteration < iteration) Remember(ledger, null, task, $"r{earlier.Id}_{task.Id}", earlier);
        var (model, _) = LoadCheckpoint(run, iteration);
        var grammar = new ProgramGrammar(run.Vocabulary, registry, s.MaxProgramLines);
        var sampler = new ProgramSampler(model, run.Sequences, grammar.Start,
            new SamplingSettings { Temperature = s.Temperature, TopP = s.TopP, MaxTokens = s.MaxProgramTokens });
        var programs = new List<FunctionDef>();
        var failed = 0;
        for (var k = 0; k < tasks.Count; k++)
        {
            var task = tasks[k];
            var index = shard * s.ShardTasks + k;
            Report(iteration, LoopPhases.Sample, index, run.Targets.Count, task.Id);
            var demonstrations = task.Train.Select(e => (e.Input, e.Output!)).ToList();
            var (sampled, noProgram) = sampler.Sample(task.Id, demonstrations, s.SamplesPerTask, $"i{iteration}", new Random(Mix(s.Seed, iteration, index)), cancellation);
            programs.AddRange(sampled);
            failed += noProgram;
        }
        var sampleCount = programs.Count;
        Report(iteration, LoopPhases.Sample, shard * s.ShardTasks + tasks.Count - 1, run.Targets.Count, $"guided search of {tasks.Count} tasks");
        var searchSettings = new GuidedSearchSettings(s.SearchBudget, Mix(s.Seed, iteration, -2 - shard), s.Attempts) { EditTimeout = TimeSpan.FromMilliseconds(s.SearchTimeoutMs) };
        // The best of earlier iterations join the samples: each iteration's search goes on from the last one's frontier.
        var earlierBest = tasks.SelectMany(t => (ledger.For(t.Id)?.Ranked ?? []).Select((r, k) =>
            ProgramParser.ParseFunction(ledger.Text(r.Program), "<stored>") with { Name = $"i{iteration}e{k}_{t.Id}" }));
        programs.AddRange(new ShardSearch(registry, run.Limits, searchSettings, s.SearchPrograms).Run(tasks, [.. programs, .. earlierBest], run.Seeds, $"i{iteration}", cancellation));
        var fromSearch = programs.Skip(sampleCount).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
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
        for (var i = 0; i < records.Count; i++) Remember(ledger, null, run.TargetsById[records[i].TaskId], $"i{iteration}n{i}_{records[i].TaskId}", records[i]);
        var state = new JsonObject
        {
            ["samples"] = sampleCount + failed, ["found"] = programs.Count - sampleCount, ["valid"] = valid,
            ["solved_by_sample"] = solvedBySample, ["solved_after_search"] = solvedAfterSearch, ["seconds"] = clock.Elapsed.TotalSeconds, ["node"] = Node,
        };
        return await store.CompleteStepAsync(Step(run, iteration, LoopPhases.Sample, shard, state), records, Results(ledger, run, iteration, tasks), cancellation);
    }

    private async Task<bool> TrainAsync(RunState state, int iteration, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var (model, loaded) = LoadCheckpoint(state.Run, iteration);
        var optimizer = loaded ?? new AdamW(model.Layout.Size);
        var loss = Train(state, model, optimizer, state.Settings.TrainSteps, state.Settings.ReplayShare, iteration, cancellation);
        Checkpoint.Save(Path.Combine(state.Run.Checkpoints, $"iteration-{iteration}"), model, state.Run.Vocabulary, optimizer);
        return await store.CompleteStepAsync(Step(state.Run, iteration, LoopPhases.Train, 0, new JsonObject { ["loss"] = loss, ["seconds"] = clock.Elapsed.TotalSeconds }), [], [], cancellation);
    }

    /// <summary>
    /// The checkpoint an iteration starts from (pretraining's for iteration 0), grown to the current
    /// vocabulary when primitives were added since it was written.
    /// </summary>
    private (Gpt Model, AdamW? Optimizer) LoadCheckpoint(RunTargets run, int iteration)
    {
        var folder = Path.Combine(run.Checkpoints, iteration == 0 ? LoopPhases.Pretrain : $"iteration-{iteration - 1}");
        // The step that wrote it is stored, so the checkpoint exists on the node that ran that step.
        if (!Directory.Exists(folder) && !Directory.Exists(folder + ".old"))
            throw new DirectoryNotFoundException($"run {run.RunId}: checkpoint {folder} is not on node {Node}; every node of a cluster must share one home folder (README, Workers and faults)");
        var (model, _, optimizer) = Checkpoint.Load(folder);
        return VocabularyGrowth.Grow(model, optimizer, run.Vocabulary.Count, Mix(run.Settings.Seed, iteration, -1));
    }

    /// <summary>
    /// Trains for <paramref name="steps"/> updates on batches drawn, for each update, from a random
    /// state fixed by the seed, the iteration and the update: <paramref name="replayShare"/> of each
    /// batch from the buffer by priority, the rest uniformly from the original data. Returns the
    /// mean loss of the last quarter of the updates.
    /// </summary>
    private float Train(RunState state, Gpt model, AdamW optimizer, int steps, double replayShare, int iteration, CancellationToken cancellation)
    {
        var s = state.Settings;
        var trainer = new Trainer(model, optimizer, new TrainingSettings { BatchSize = s.BatchSize, LearningRate = s.LearningRate },
            new LearningRateSchedule(s.LearningRate, Math.Max(1, steps / 10), steps), origin: optimizer.Step);
        var losses = new List<float>();
        var phase = iteration < 0 ? LoopPhases.Pretrain : LoopPhases.Train;
        for (var step = 0; step < steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            var random = new Random(Mix(s.Seed, iteration + 1000, step));
            var fromBuffer = state.Buffer.Count == 0 ? 0 : (int)Math.Round(s.BatchSize * replayShare);
            var original = Original(state, cancellation);
            var examples = state.Buffer.Sample(fromBuffer, random)
                .Select(e => new TrainingExample(e.Examples, ProgramParser.ParseFunction(e.Program, "<replay>")))
                .Concat(Enumerable.Range(0, s.BatchSize - fromBuffer).Select(_ => original[random.Next(original.Count)]));
            var batch = examples.Select(e => state.Run.Sequences.Sequence(e.Demonstrations, e.Program)).OfType<TrainingSequence>().ToList();
            if (batch.Count == 0) continue;
            var (loss, _) = trainer.Step(batch);
            losses.Add(loss);
            Report(Math.Max(0, iteration), phase, step + 1, steps, $"loss {loss:F3}");
        }
        var tail = losses.Skip(losses.Count * 3 / 4).ToList();
        return tail.Count == 0 ? float.NaN : tail.Average();
    }

    private async Task<bool> CompressAsync(RunState state, int iteration, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var compressor = new Compressor(state.Run.Executor);
        var records = new List<ProgramRecord>();
        var touched = new List<ArcTask>();
        var saved = 0;
        var solved = state.Run.Targets.Where(t => state.Ledger.For(t.Id) is { Ranked: [var best, ..] } && best.Score.SolvesDemonstrations).ToList();
        foreach (var task in solved)
        {
            Report(iteration, LoopPhases.Compress, touched.Count, solved.Count, task.Id);
            var text = state.Ledger.Best(task.Id)!;
            var program = ProgramParser.ParseFunction(text, "<best>") with { Name = $"best_{task.Id}" };
            var shorter = compressor.Compress(program, task, cancellation);
            if (shorter.Body.Count >= program.Body.Count) continue;
            var result = state.Run.Executor.Run([shorter], [task], cancellation)[0].Ranked[0];
            var shorterText = ProgramPrinter.Print(shorter with { Name = "program" });
            var entry = Hindsight.Relabel(shorter, task, result.Train);
            // Lineage: the stored program it was made from.
            var parent = (await store.ProgramsAsync(state.RunId, task.Id, cancellationToken: cancellation)).FirstOrDefault(p => p.Text == text)?.Id;
            var record = new ProgramRecord(0, state.RunId, iteration, task.Id, shorterText, ProgramSources.Compression, parent, result.Score.Exact, result.Score.Pairs,
                result.Score.MeanDistance, result.Score.Length, entry is not null, entry?.Priority ?? 0, ProgramOutputs.ToJson(result));
            Remember(state.Ledger, state.Buffer, task, $"i{iteration}c_{task.Id}", record);
            records.Add(record);
            touched.Add(task);
            saved += program.Body.Count - shorter.Body.Count;
        }
        // The compressions are in the ledger and buffer already, as the record needs them.
        state.Parts = 2 * iteration + 2;
        return await store.CompleteStepAsync(
            Step(state.Run, iteration, LoopPhases.Compress, 0, new JsonObject { ["compressed"] = records.Count, ["lines_saved"] = saved, ["seconds"] = clock.Elapsed.TotalSeconds }),
            records, Results(state.Ledger, state.Run, iteration, touched), cancellation);
    }

    private async Task<bool> RecordAsync(RunState state, int iteration, CancellationToken cancellation)
    {
        var steps = (await store.StepsAsync(state.RunId, cancellation)).Where(x => x.Iteration == iteration).ToList();
        JsonObject Read(StepRecord x) => JsonNode.Parse(x.StateJson)!.AsObject();
        double Sum(string phase, string key) => steps.Where(x => x.Phase == phase).Sum(x => Read(x)[key]?.GetValue<double>() ?? 0);
        var samples = (int)Sum(LoopPhases.Sample, "samples");
        var phaseSeconds = steps.GroupBy(x => x.Phase).ToDictionary(g => g.Key, g => g.Sum(x => Read(x)["seconds"]?.GetValue<double>() ?? 0));
        var record = new IterationRecord(state.RunId, iteration, samples, samples == 0 ? 0 : Sum(LoopPhases.Sample, "valid") / samples, state.Buffer.Count,
            Sum(LoopPhases.Train, "loss"), state.Ledger.SolvedDemonstrations, state.Ledger.SolvedTest(state.Settings.Attempts), state.Run.Targets.Count,
            (int)Sum(LoopPhases.Compress, "compressed"), (int)Sum(LoopPhases.Compress, "lines_saved"), phaseSeconds, DateTimeOffset.UtcNow,
            (int)Sum(LoopPhases.Sample, "solved_by_sample"), (int)Sum(LoopPhases.Sample, "solved_after_search"));
        await store.SaveIterationAsync(record, cancellation);
        Report(iteration, LoopPhases.Record, 1, 1, $"solved {record.SolvedDemonstrations} on demonstrations, {record.SolvedTest} on test outputs of {record.Tasks}");
        return await store.CompleteStepAsync(Step(state.Run, iteration, LoopPhases.Record, 0, new JsonObject()), [], [], cancellation);
    }

    /// <summary>The ledger's standing for <paramref name="tasks"/>; test outputs are read here, only to score the predictions.</summary>
    private static List<TaskResultRecord> Results(TaskLedger ledger, RunTargets run, int iteration, IEnumerable<ArcTask> tasks) =>
        tasks.Select(task =>
        {
            var result = ledger.For(task.Id);
            var attempts = run.Settings.Attempts;
            var predictions = result?.Predictions(attempts) ?? task.Test.Select(_ => (IReadOnlyList<Grid>)[]).ToList();
            return new TaskResultRecord(run.RunId, iteration, task.Id, "target",
                result is { Ranked: [var best, ..] } && best.Score.SolvesDemonstrations,
                TaskLedger.HasTestOutputs(task) ? result?.Solved(attempts) ?? false : null,
                ledger.Best(task.Id), PredictionsJson(predictions));
        }).ToList();

    private static string PredictionsJson(IReadOnlyList<IReadOnlyList<Grid>> predictions)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var attempts in predictions)
            {
                w.WriteStartArray();
                foreach (var grid in attempts) Tasks.Json.GridJson.Write(w, grid);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static StepRecord Step(RunTargets run, int iteration, string phase, int shard, JsonObject json) =>
        new(run.RunId, iteration, phase, shard, json.ToJsonString(), DateTimeOffset.UtcNow);

    /// <summary>A seed for one (run seed, iteration, index): stable across processes, unlike HashCode.</summary>
    private static int Mix(int seed, int iteration, int index) =>
        (int)((uint)seed * 2654435761u ^ (uint)(iteration + 1) * 40503u ^ (uint)index * 2246822519u);

    private void Report(int iteration, string phase, int done, int total, string detail) =>
        progress?.Report(new LoopProgress(iteration, phase, done, total, detail));
}
