using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Synthesis.Tests;

/// <summary>A loop small enough for a test (seconds), on real ARC tasks and the project's own seeds.</summary>
internal static class TinyLoop
{
    public static string SeedsFile => TestData.SeedsFile;

    public static LoopSettings Settings(string? targets = null) => new()
    {
        Targets = targets ?? TestData.Training, TargetLimit = 4, SeedsFile = SeedsFile, OriginalMutations = 30,
        Iterations = 2, SamplesPerTask = 6, ShardTasks = 2, ContextLength = 384, MaxProgramTokens = 96, MaxProgramLines = 8,
        Embedding = 32, Layers = 1, Heads = 2, PretrainSteps = 6, TrainSteps = 4, BatchSize = 3, SearchBudget = 200, SearchPrograms = 4,
        // Limits no program of these small tasks comes near, so that a loaded machine changes no result.
        SearchTimeoutMs = 1000, RecallSamples = 2, RecallTasks = 3,
        // Test-time training, infilling and the enumeration on, so that every loop test (withheld test outputs, resuming) covers them too.
        AdaptSteps = 4, InfillShare = 0.25, InfillLines = 4, SearchEnumeration = 5_000,
    };

    public static Task<SqlRunStore> OpenAsync(string home) => SqlRunStore.OpenAsync(new SqliteDialect(HomeFolder.Database(home)));
}
