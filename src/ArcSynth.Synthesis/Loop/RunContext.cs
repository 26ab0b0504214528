using System.Text.Json.Nodes;
using ArcSynth.Data.Search;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Model.Checkpoints;
using ArcSynth.Model.Tokenization;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;
using ArcSynth.Synthesis.Replay;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// One run as a node's loop sees it, loaded once per run: its settings, targets and seeds, how
/// programs are encoded and run, where its checkpoints are; and, for the phases that need them, the
/// original data (made when first needed) and the ledger and buffer as far as the store has them.
/// </summary>
internal sealed class RunContext
{
    public required IRunStore Store { get; init; }
    public required PrimitiveRegistry Registry { get; init; }
    public required IProgress<LoopProgress>? Progress { get; init; }
    /// <summary>This process as the store's steps name the node that completed them.</summary>
    public required string Node { get; init; }

    public required long RunId { get; init; }
    public required LoopSettings Settings { get; init; }
    public required IReadOnlyList<ArcTask> Targets { get; init; }
    public required Dictionary<string, ArcTask> TargetsById { get; init; }
    public required Dictionary<string, int> ShardOf { get; init; }
    public required Vocabulary Vocabulary { get; init; }
    public required SequenceBuilder Sequences { get; init; }
    public required Limits Limits { get; init; }
    public required BatchExecutor Executor { get; init; }
    public required string Checkpoints { get; init; }
    /// <summary>The seed programs: the original data's start, and the guided search's pool with a task's own programs.</summary>
    public required IReadOnlyList<FunctionDef> Seeds { get; init; }
    /// <summary>The tasks the seeds are written for: never targets, and what the forgetting probe samples.</summary>
    public required IReadOnlySet<string> SeededTasks { get; init; }

    private IReadOnlyList<TrainingExample>? _original;
    private IReadOnlyList<ArcTask>? _seedTasks;

    /// <summary>The best programs so far per target task, over the parts read (<see cref="CatchUpAsync"/>).</summary>
    public TaskLedger Ledger { get; } = new();

    public ReplayBuffer Buffer { get; } = new();

    /// <summary>What the search pools' programs did on each target task in this process's earlier sampling shards: the seeds run once per task and node, not once per iteration.</summary>
    public PoolMemo PoolMemo { get; } = new();

    /// <summary>How many parts of the stored programs the ledger and buffer hold (part 2i: iteration i's shards; 2i + 1: its compressions).</summary>
    public int Parts { get; set; }

    /// <summary>Loads run <paramref name="runId"/>: its settings (checked), seeds and targets (the tasks the seeds are written for left out).</summary>
    public static async Task<RunContext> LoadAsync(IRunStore store, string home, PrimitiveRegistry registry, IProgress<LoopProgress>? progress, string node,
        long runId, CancellationToken cancellation)
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
        return new RunContext
        {
            Store = store, Registry = registry, Progress = progress, Node = node,
            RunId = runId, Settings = settings, Targets = targets, TargetsById = targets.ToDictionary(t => t.Id, StringComparer.Ordinal),
            ShardOf = targets.Select((t, i) => (t.Id, Shard: i / settings.ShardTasks)).ToDictionary(x => x.Id, x => x.Shard, StringComparer.Ordinal),
            Vocabulary = vocabulary,
            Sequences = new SequenceBuilder(vocabulary, settings.ContextLength, settings.MaxProgramTokens),
            Limits = limits,
            Executor = new BatchExecutor(registry, limits, Environment.ProcessorCount),
            Checkpoints = HomeFolder.Checkpoints(home, runId),
            Seeds = seeds,
            SeededTasks = seeded,
        };
    }

    /// <summary>Sampling shards in an iteration.</summary>
    public int Shards => (Targets.Count + Settings.ShardTasks - 1) / Settings.ShardTasks;

    /// <summary>The target tasks of sampling shard <paramref name="shard"/>.</summary>
    public IReadOnlyList<ArcTask> ShardTasks(int shard)
    {
        var tasks = Targets.Skip(shard * Settings.ShardTasks).Take(Settings.ShardTasks).ToList();
        return tasks.Count > 0 ? tasks : throw new ArgumentOutOfRangeException(nameof(shard), $"run {RunId} has no sampling shard {shard}");
    }

    /// <summary>The tasks the seeds are written for (and others of their folder), loaded on first use.</summary>
    public IReadOnlyList<ArcTask> SeedTasks => _seedTasks ??= Load(Settings.SeedTasks ?? ArcData.Folder("arc-agi-1", "training"));

    /// <summary>The run's original data, made on first use (a step cancelled while making it leaves it to the next).</summary>
    public IReadOnlyList<TrainingExample> Original(CancellationToken cancellation)
    {
        if (_original is { } made) return made;
        Report(-1, "data", 0, 1, "loading seeds and their tasks");
        Report(-1, "data", 0, 1, $"original data: {Seeds.Count} seeds and {Settings.OriginalMutations} mutations");
        var original = OriginalData.Build(Seeds, SeedTasks, Settings.OriginalMutations, Settings.Seed, Registry, Limits, Environment.ProcessorCount, cancellation);
        Report(-1, "data", 1, 1, $"{Targets.Count} target tasks, {original.Count} original examples");
        return _original = original;
    }

    /// <summary>
    /// Enters the stored programs of parts <see cref="Parts"/> to <paramref name="parts"/> into the
    /// ledger and buffer, in one order whoever stored them when: by part, by shard, then as each shard stored them.
    /// </summary>
    public async Task CatchUpAsync(int parts, CancellationToken cancellation)
    {
        for (; Parts < parts; Parts++)
        {
            string[] sources = Parts % 2 == 0 ? [ProgramSources.Sample, ProgramSources.Search] : [ProgramSources.Compression];
            var records = (await Store.ProgramsAsync(RunId, iteration: Parts / 2, cancellationToken: cancellation))
                .Where(r => sources.Contains(r.Source) && TargetsById.ContainsKey(r.TaskId))
                .OrderBy(r => ShardOf[r.TaskId]).ThenBy(r => r.Id);
            foreach (var record in records)
                StoredPrograms.Remember(Ledger, Buffer, TargetsById[record.TaskId], $"r{record.Id}_{record.TaskId}", record);
        }
    }

    /// <summary>
    /// The checkpoint an iteration starts from (pretraining's for iteration 0), grown to the current
    /// vocabulary when primitives were added since it was written.
    /// </summary>
    public (Gpt Model, AdamW? Optimizer) LoadCheckpoint(int iteration)
    {
        var folder = Path.Combine(Checkpoints, iteration == 0 ? LoopPhases.Pretrain : $"iteration-{iteration - 1}");
        // The step that wrote it is stored, so the checkpoint exists on the node that ran that step.
        if (!Checkpoint.Exists(folder))
            throw new DirectoryNotFoundException($"run {RunId}: checkpoint {folder} is not on node {Node}; every node of a cluster must share one home folder (README, Workers and faults)");
        var (model, _, optimizer) = Checkpoint.Load(folder);
        if (model.Config.VocabSize > Vocabulary.Count)
            throw new InvalidOperationException($"run {RunId}: checkpoint {folder} knows {model.Config.VocabSize} tokens and this registry's vocabulary only {Vocabulary.Count}: " +
                $"primitives the run was trained with are missing. dsl/contrib is read from the working directory ({Environment.CurrentDirectory}): go on from the repository root, as ./arcsynth does");
        return VocabularyGrowth.Grow(model, optimizer, Vocabulary.Count, Mix(Settings.Seed, iteration, -1));
    }

    /// <summary>The store's record of a step of this run, with its figures.</summary>
    public StepRecord Step(int iteration, string phase, int shard, JsonObject figures) =>
        new(RunId, iteration, phase, shard, figures.ToJsonString(), DateTimeOffset.UtcNow);

    public void Report(int iteration, string phase, int done, int total, string detail) =>
        Progress?.Report(new LoopProgress(iteration, phase, done, total, detail));

    /// <summary>A seed for one (run seed, iteration, index): stable across processes, unlike HashCode.</summary>
    public static int Mix(int seed, int iteration, int index) =>
        (int)((uint)seed * 2654435761u ^ (uint)(iteration + 1) * 40503u ^ (uint)index * 2246822519u);

    private static IReadOnlyList<ArcTask> Load(string path) =>
        File.Exists(path) ? [ArcTaskLoader.LoadFile(path)] : ArcTaskLoader.LoadFolder(path);
}
