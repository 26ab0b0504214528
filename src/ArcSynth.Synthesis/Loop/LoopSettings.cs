using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArcSynth.Data.Search;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// Everything a run depends on, stored with the run as JSON so that <c>--resume</c> continues with
/// exactly the settings it started with. The defaults are the embedded default run: 3 iterations on
/// the first <see cref="TargetLimit"/> ARC-AGI-1 training tasks (by id), within 15 minutes on 2 cores.
/// </summary>
public sealed record LoopSettings
{
    /// <summary>The folder (or file) of target tasks; null: ARC-AGI-1 training from the data locator.</summary>
    public string? Targets { get; init; }
    /// <summary>Target tasks taken, in id order, from <see cref="TargetOffset"/> (0: all).</summary>
    public int TargetLimit { get; init; } = 40;
    public int TargetOffset { get; init; }

    /// <summary>The seed programs (original data), e.g. seeds/training.py or arc-dsl's solvers.py.</summary>
    public string SeedsFile { get; init; } = "seeds/training.py";
    /// <summary>The tasks the seeds solve; null: ARC-AGI-1 training.</summary>
    public string? SeedTasks { get; init; }
    /// <summary>Mutated and generated programs added to the original data (data generate).</summary>
    public int OriginalMutations { get; init; } = 1500;

    public int Iterations { get; init; } = 3;
    /// <summary>Programs sampled per target task each iteration (0: none, the search alone: an ablation).</summary>
    public int SamplesPerTask { get; init; } = 64;
    public float Temperature { get; init; } = 0.9f;
    public float TopP { get; init; } = 0.95f;
    public int MaxProgramTokens { get; init; } = 160;
    public int MaxProgramLines { get; init; } = 16;
    /// <summary>Programs the guided search tries per target task each iteration, from the task's own programs, the seeds and the solved tasks' programs (0: no search).</summary>
    /// <remarks>
    /// 20,000 by default: in the default run the search of 40 tasks at 1,000 took 10 s of an
    /// iteration's 130 (training takes the rest) and solved 2 on demonstrations; at 20,000 it takes
    /// about 30 s more and solves 5.
    /// </remarks>
    public int SearchBudget { get; init; } = 20_000;
    /// <summary>
    /// Primitive calls per target task of the bottom-up enumeration of short programs that starts iteration 0's
    /// search (0: none). Later iterations go on from what it found, which it would find again.
    /// </summary>
    public int SearchEnumeration { get; init; } = GuidedSearchSettings.EnumerationDefault;
    /// <summary>Of what a task's search found, the best programs kept, run and relabeled like samples (besides those its attempts came from, always kept).</summary>
    public int SearchPrograms { get; init; } = 16;
    /// <summary>
    /// Time limit of a program on one demonstration in the search, its pool's and its edits' alike (the
    /// search's attempts, and the samples and what the search found when the shard scores them, run
    /// under <see cref="TimeoutMs"/>). Edits write slow programs far more often than right ones, so a
    /// short limit buys budget; a limit any right program stays far under also keeps a run's results
    /// independent of the machine's load.
    /// </summary>
    public int SearchTimeoutMs { get; init; } = 50;
    /// <summary>
    /// Test-time training: updates a copy of the iteration's model makes on a target task's own hindsight
    /// data (earlier iterations' programs for it and what they produced) before the task is sampled; the
    /// copy is thrown away after the task (0: no adaptation). Tasks solved on their demonstrations are not adapted.
    /// </summary>
    /// <remarks>
    /// Off by default: at 4 it solved no more in the default run or in CodeIt's setting on the first 100
    /// evaluation tasks, for about a quarter more CPU time there (README, The loop).
    /// </remarks>
    public int AdaptSteps { get; init; }
    /// <summary>Hindsight programs per adaptation update.</summary>
    public int AdaptBatch { get; init; } = 4;
    /// <summary>The adaptation's learning rate (constant over its few updates).</summary>
    public float AdaptLearningRate { get; init; } = 1e-3f;
    /// <summary>
    /// Infilling (seed 000's omnidirectional editing), in training: the share of training sequences
    /// (pretraining's, each iteration's) that teach the model to write a masked line of a program from
    /// the rest of it and the task, rather than the whole program (0: none).
    /// </summary>
    public double InfillShare { get; init; }
    /// <summary>
    /// Infilling in the search: values the model proposes, at the second expansion of one of the best few
    /// programs, for the line whose one-name changes came closest to the demonstrations (0: the search
    /// edits without the model).
    /// </summary>
    public int InfillLines { get; init; }
    /// <summary>
    /// The forgetting probe: programs sampled, after each iteration's training, for each of the first
    /// <see cref="RecallTasks"/> tasks the seeds are written for; the iteration records how many of
    /// those tasks the model still solves on their demonstrations (0: no probe).
    /// </summary>
    public int RecallSamples { get; init; } = 16;
    public int RecallTasks { get; init; } = 40;
    /// <summary>Target tasks per sampling shard: the unit of work that a crash can lose.</summary>
    public int ShardTasks { get; init; } = 8;

    public int ContextLength { get; init; } = 1024;
    public int Embedding { get; init; } = 128;
    public int Layers { get; init; } = 4;
    public int Heads { get; init; } = 4;

    /// <summary>Updates on the original data before iteration 0.</summary>
    /// <remarks>
    /// 200 by default: at 240 the default run took 14 min 45 s of its 15 on 2 cores (pretraining 299 s,
    /// 1.25 s an update), and 15 min 11 s on a slower evening; its samples solved no task at either.
    /// </remarks>
    public int PretrainSteps { get; init; } = 200;
    /// <summary>Updates at the end of each iteration.</summary>
    public int TrainSteps { get; init; } = 120;
    public int BatchSize { get; init; } = 12;
    public float LearningRate { get; init; } = 2e-3f;
    /// <summary>Share of each batch drawn from the replay buffer (the rest from the original data).</summary>
    public double ReplayShare { get; init; } = 0.5;

    /// <summary>Test attempts per task: 3 for ARC-AGI-1, 2 for ARC-AGI-2.</summary>
    public int Attempts { get; init; } = 3;
    public int Seed { get; init; } = 1;
    public int TimeoutMs { get; init; } = 1000;

    /// <summary>Tokens of <see cref="ContextLength"/> that stay for the task's demonstrations beside the longest program.</summary>
    public const int MinTaskTokens = 64;

    // The bounds of float settings are floats, so that a file's 0.01 is within 0.01's bound; temperature 0 samples greedily.
    private static readonly (string Name, Func<LoopSettings, double> Value, double Min, double Max)[] Rules =
    [
        (nameof(TargetLimit), s => s.TargetLimit, 0, 100_000),
        (nameof(TargetOffset), s => s.TargetOffset, 0, 100_000),
        (nameof(OriginalMutations), s => s.OriginalMutations, 0, 1_000_000),
        (nameof(Iterations), s => s.Iterations, 1, 1000),
        (nameof(SamplesPerTask), s => s.SamplesPerTask, 0, 100_000),
        (nameof(Temperature), s => s.Temperature, 0, 10),
        (nameof(TopP), s => s.TopP, 0.01f, 1),
        (nameof(MaxProgramTokens), s => s.MaxProgramTokens, 8, 4096),
        (nameof(MaxProgramLines), s => s.MaxProgramLines, 1, 256),
        (nameof(SearchBudget), s => s.SearchBudget, 0, 10_000_000),
        (nameof(SearchPrograms), s => s.SearchPrograms, 0, 10_000),
        (nameof(SearchEnumeration), s => s.SearchEnumeration, 0, 100_000_000),
        (nameof(SearchTimeoutMs), s => s.SearchTimeoutMs, 1, 600_000),
        (nameof(AdaptSteps), s => s.AdaptSteps, 0, 10_000),
        (nameof(AdaptBatch), s => s.AdaptBatch, 1, 4096),
        (nameof(AdaptLearningRate), s => s.AdaptLearningRate, 1e-7f, 1),
        (nameof(InfillShare), s => s.InfillShare, 0, 1),
        (nameof(InfillLines), s => s.InfillLines, 0, 256),
        (nameof(RecallSamples), s => s.RecallSamples, 0, 100_000),
        (nameof(RecallTasks), s => s.RecallTasks, 1, 100_000),
        (nameof(ShardTasks), s => s.ShardTasks, 1, 10_000),
        (nameof(ContextLength), s => s.ContextLength, 128, 16_384),
        (nameof(Embedding), s => s.Embedding, 8, 1024),
        (nameof(Layers), s => s.Layers, 1, 64),
        (nameof(Heads), s => s.Heads, 1, 64),
        (nameof(PretrainSteps), s => s.PretrainSteps, 0, 1_000_000),
        (nameof(TrainSteps), s => s.TrainSteps, 0, 1_000_000),
        (nameof(BatchSize), s => s.BatchSize, 1, 4096),
        (nameof(LearningRate), s => s.LearningRate, 1e-7f, 1),
        (nameof(ReplayShare), s => s.ReplayShare, 0, 1),
        (nameof(Attempts), s => s.Attempts, 1, TaskLedger.MaxAttempts),
        (nameof(Seed), s => s.Seed, int.MinValue, int.MaxValue),
        (nameof(TimeoutMs), s => s.TimeoutMs, 1, 600_000),
    ];

    /// <summary>
    /// The range of every numeric setting, by property name. Checked wherever settings come in (the API,
    /// <c>arcsynth run --settings</c>, a run the store resumes), so that none can stop a run hours later
    /// with a division by zero or an overflow. The model's sizes keep its parameter count far within an array's reach.
    /// </summary>
    public static IReadOnlyList<(string Name, double Min, double Max)> Ranges { get; } = Rules.Select(r => (r.Name, r.Min, r.Max)).ToList();

    /// <summary>
    /// What is wrong with these settings, by field: its property name (<c>ShardTasks</c>, as a settings file
    /// writes it), or as <paramref name="naming"/> writes it (the API's <c>shardTasks</c>); empty when they are usable.
    /// </summary>
    public IReadOnlyDictionary<string, string> Problems(JsonNamingPolicy? naming = null)
    {
        string Name(string property) => naming?.ConvertName(property) ?? property;
        var problems = new Dictionary<string, string>();
        foreach (var (name, read, min, max) in Rules)
        {
            var value = read(this);
            // Written so that NaN is out of range too.
            if (!(value >= min && value <= max))
                problems[Name(name)] = $"must be between {Format(min)} and {Format(max)}, not {Format(value)}";
        }
        if (Embedding % Math.Max(1, Heads) != 0)
            problems.TryAdd(Name(nameof(Embedding)), $"must be a multiple of {Name(nameof(Heads))} ({Heads}), not {Embedding}");
        if (ContextLength - MaxProgramTokens < MinTaskTokens)
            problems.TryAdd(Name(nameof(MaxProgramTokens)), $"must leave at least {MinTaskTokens} of the {ContextLength} tokens of {Name(nameof(ContextLength))} to the task, not {MaxProgramTokens}");
        return problems;
    }

    /// <summary>A whole number as it is written, a fraction to a float's 7 digits (the bound 0.01f reads 0.01).</summary>
    private static string Format(double x) =>
        x == Math.Round(x) && Math.Abs(x) < 1e15 ? x.ToString("0", CultureInfo.InvariantCulture) : x.ToString("G7", CultureInfo.InvariantCulture);

    /// <summary>These settings, or an <see cref="ArgumentException"/> that names <paramref name="source"/> and every field that is wrong.</summary>
    public LoopSettings Validated(string source) =>
        Problems() is { Count: > 0 } problems
            ? throw new ArgumentException($"{source}: settings are not valid: {string.Join("; ", problems.Select(p => $"{p.Key} {p.Value}"))}")
            : this;

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static LoopSettings FromJson(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<LoopSettings>(json, Options) ?? throw new FormatException($"{source}: empty settings");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: settings are not valid ({e.Message})", e);
        }
    }

    /// <summary>The documented full configuration: the 400 ARC-AGI-1 evaluation tasks, CodeIt-like budgets.</summary>
    public static LoopSettings Full(string evaluationFolder) => new()
    {
        Targets = evaluationFolder, TargetLimit = 0, Iterations = 10, SamplesPerTask = 96, OriginalMutations = 20000,
        PretrainSteps = 3000, TrainSteps = 1000, BatchSize = 16, Embedding = 256, Layers = 6, Heads = 8, ContextLength = 1536,
        MaxProgramTokens = 256, MaxProgramLines = 24, ShardTasks = 16, Attempts = 3, SearchBudget = 4800,
    };

    /// <summary>
    /// CodeIt's setting at a 2-core budget: the original data is <paramref name="seedsFile"/> (arc-dsl's
    /// solvers, from a path the user gives; never shipped) on their ARC-AGI-1 training tasks with their
    /// mutations, the targets are the 400 ARC-AGI-1 evaluation tasks, and every iteration samples 24
    /// programs per task (CodeIt's number) and searches each task at 9,600 candidates (on 2 cores the
    /// search of the 400 tasks from the 400 solvers alone takes about 4 minutes). The model and its
    /// training are the default's: bigger ones cost hours an iteration here.
    /// </summary>
    public static LoopSettings CodeIt(string evaluationFolder, string seedsFile) => new()
    {
        Targets = evaluationFolder, TargetLimit = 0, SeedsFile = seedsFile, Iterations = 10,
        SamplesPerTask = 24, SearchBudget = 9600, ShardTasks = 16,
    };

    /// <summary>
    /// <see cref="CodeIt"/>'s setting without the model: no samples, no training, each iteration's
    /// guided search going on from the task's best programs of the last one, with the programs of the
    /// tasks solved so far beside the seeds. On 2 cores this solves the most per hour of CPU
    /// (README, The loop): the model added no task in the ablations, for 4 times the CPU time.
    /// </summary>
    public static LoopSettings SearchAlone(string evaluationFolder, string seedsFile) => CodeIt(evaluationFolder, seedsFile) with
    {
        SamplesPerTask = 0, PretrainSteps = 0, TrainSteps = 0, RecallSamples = 0, OriginalMutations = 0,
    };

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };
}
