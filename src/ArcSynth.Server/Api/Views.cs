using System.Text.Json;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;

namespace ArcSynth.Server.Api;

/// <summary>A run as the API shows it: its record, what it runs on, its loop settings and its progress.</summary>
public sealed record RunView(long Id, string Name, RunStatus Status, DateTimeOffset CreatedAt, string RegistryVersion, string Tasks, LoopSettings Settings, ProgressView Progress);

/// <summary>
/// How far a run is: finished iterations and completed steps (from the store, wherever the run
/// executes) and, while its loop runs in this process, the phase it reports.
/// </summary>
public sealed record ProgressView(int IterationsDone, int Iterations, int CompletedSteps, LoopProgress? Live);

/// <summary>Tasks of one split after an iteration: how many there are, how many have their demonstrations and their test outputs solved.</summary>
public sealed record SplitFigures(int Tasks, int Demonstrations, int Test);

/// <summary>One iteration's point of the solved-tasks chart, per split (a run's targets are of one split; the other has no tasks).</summary>
public sealed record ChartPoint(int Iteration, SplitFigures Training, SplitFigures Evaluation);

/// <summary>A demonstration or test pair: the input grid and the expected output (null when unknown).</summary>
public sealed record PairView(int[][] Input, int[][]? Output);

/// <summary>A scored program with the outputs it produced: <c>{"train": [grid|null...], "test": [...]}</c>, null where it gave no grid.</summary>
public sealed record ProgramView(long Id, long RunId, int Iteration, string TaskId, string Text, string Source, long? ParentId,
    int Exact, int Pairs, double MeanDistance, int Length, bool InBuffer, JsonElement Outputs)
{
    public static ProgramView Of(ProgramRecord p) =>
        new(p.Id, p.RunId, p.Iteration, p.TaskId, p.Text, p.Source, p.ParentId, p.Exact, p.Pairs, p.MeanDistance, p.Length, p.InBuffer,
            JsonDocument.Parse(p.OutputsJson).RootElement);
}

/// <summary>A program and its ancestors, nearest first.</summary>
public sealed record ProgramDetail(ProgramView Program, IReadOnlyList<ProgramView> Lineage);

/// <summary>A task of a run: its grids, its latest result and its best programs.</summary>
public sealed record TaskView(string Id, string Split, IReadOnlyList<PairView> Train, IReadOnlyList<PairView> Test,
    TaskResultRecord? Result, IReadOnlyList<ProgramView> Programs);

/// <summary>A job in Hangfire (a cron schedule, or a job waiting or executing) and when it fires; <paramref name="Running"/> when a node is executing it now.</summary>
public sealed record JobView(string Name, string Group, string? Description, string Type, bool Running, IReadOnlyList<TriggerView> Triggers);

/// <summary>When a job fires: its Hangfire job (or recurring job) id, its state, its next and last firing, its cron expression for a schedule.</summary>
public sealed record TriggerView(string Name, string State, DateTimeOffset? NextFire, DateTimeOffset? PreviousFire, string? Cron);

/// <summary>The service's health: the store and the job engine (Hangfire); <paramref name="Clustered"/> when its jobs are shared with other nodes (PostgreSQL).</summary>
public sealed record HealthView(string Status, string Store, string Scheduler, bool Clustered);
