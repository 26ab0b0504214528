using ArcSynth.Executor.Batch;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// The best programs found so far for each target task, over every iteration (CodeIt counts a task
/// solved once any program found for it solves it). Each task keeps its <see cref="Keep"/> best
/// distinct programs, ranked as the executor ranks them (ties by program text, so a ledger rebuilt
/// from the store after a crash ranks exactly as the live one did), and below them the program
/// that gives each of a test input's <see cref="MaxAttempts"/> attempts (<see cref="TaskResult.Answering{T}"/>,
/// which takes answers in turn from the ranking's order and fit's): many programs can share one answer.
/// </summary>
public sealed class TaskLedger
{
    public const int Keep = 12;

    /// <summary>The most attempts a test input gets (ARC-AGI-1's 3).</summary>
    public const int MaxAttempts = 3;

    private readonly Dictionary<string, TaskResult> _byTask = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>Merges a fresh result into the task's record; <paramref name="texts"/> gives each program's text by its name in the result.</summary>
    public void Add(TaskResult fresh, IReadOnlyDictionary<string, string> texts)
    {
        foreach (var r in fresh.Ranked) _texts.TryAdd(r.Program, texts[r.Program]);
        var ranked = (_byTask.TryGetValue(fresh.Task.Id, out var old) ? old.Ranked.Concat(fresh.Ranked) : fresh.Ranked)
            .DistinctBy(r => _texts[r.Program], StringComparer.Ordinal)
            .OrderBy(r => r.Score).ThenBy(r => _texts[r.Program], StringComparer.Ordinal)
            .ToList();
        var kept = ranked.Take(Keep)
            .Concat(TaskResult.Answering(fresh.Task, ranked, MaxAttempts, (r, k) => k < r.Test.Count ? r.Test[k].Output : null, r => r.Score)).ToHashSet();
        _byTask[fresh.Task.Id] = new TaskResult(fresh.Task, [.. ranked.Where(kept.Contains)]);
    }

    public TaskResult? For(string taskId) => _byTask.GetValueOrDefault(taskId);

    /// <summary>The text of the task's best program so far, or null.</summary>
    public string? Best(string taskId) => For(taskId) is { Ranked: [var best, ..] } ? _texts[best.Program] : null;

    /// <summary>The text of a program the ledger has seen, by its name in a result.</summary>
    public string Text(string name) => _texts[name];

    /// <summary>Tasks whose best program gets every demonstration right.</summary>
    public int SolvedDemonstrations => _byTask.Values.Count(r => r.Ranked.Count > 0 && r.Ranked[0].Score.SolvesDemonstrations);

    /// <summary>Tasks solved by the ARC rule within <paramref name="attempts"/> (tasks without test outputs never count).</summary>
    public int SolvedTest(int attempts) => _byTask.Values.Count(r => r.Solved(attempts));

    /// <summary>Every task's current record.</summary>
    public IEnumerable<TaskResult> Results => _byTask.Values;

    /// <summary>Whether every test output of <paramref name="task"/> is known (evaluation data may withhold them).</summary>
    public static bool HasTestOutputs(ArcTask task) => task.Test.Count > 0 && task.Test.All(e => e.Output is not null);
}
