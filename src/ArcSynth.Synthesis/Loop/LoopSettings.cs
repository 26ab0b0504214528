using System.Text.Json;
using System.Text.Json.Serialization;

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
    public int SamplesPerTask { get; init; } = 64;
    public float Temperature { get; init; } = 0.9f;
    public float TopP { get; init; } = 0.95f;
    public int MaxProgramTokens { get; init; } = 160;
    public int MaxProgramLines { get; init; } = 16;
    /// <summary>Programs the guided search tries per target task each iteration, from the task's samples and the seeds (0: no search).</summary>
    public int SearchBudget { get; init; } = 1000;
    /// <summary>Of what a task's search found, the best programs kept, run and relabeled like samples.</summary>
    public int SearchPrograms { get; init; } = 16;
    /// <summary>Target tasks per sampling shard: the unit of work that a crash can lose.</summary>
    public int ShardTasks { get; init; } = 8;

    public int ContextLength { get; init; } = 1024;
    public int Embedding { get; init; } = 128;
    public int Layers { get; init; } = 4;
    public int Heads { get; init; } = 4;

    /// <summary>Updates on the original data before iteration 0.</summary>
    public int PretrainSteps { get; init; } = 240;
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

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };
}
