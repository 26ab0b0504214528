using System.Collections.Concurrent;
using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Running;
using ArcSynth.Executor.Scoring;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Executor.Batch;

/// <summary>
/// Runs many programs on the inputs of many tasks, on every core, under limits. Programs with the
/// same canonical form run once; outcomes are cached by canonical program and input, so a program
/// seen again (in a later batch, or on a task sharing an input) is not run again.
/// </summary>
public sealed class BatchExecutor(PrimitiveRegistry registry, Limits limits, int threads, int cacheCapacity = 1 << 20)
{
    private readonly ConcurrentDictionary<(string Program, Grid Input), ExampleOutcome> _cache = new();

    /// <summary>Executions actually run (cache misses), over the executor's life.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    private long _executions;

    /// <summary>Every program on every task: returns one result per task, programs ranked best first.</summary>
    public IReadOnlyList<TaskResult> Run(IReadOnlyList<FunctionDef> programs, IReadOnlyList<ArcTask> tasks, CancellationToken cancellation = default)
    {
        var distinct = Distinct(programs);
        var units = (from t in Enumerable.Range(0, tasks.Count) from p in Enumerable.Range(0, distinct.Count) select (Task: t, Program: p)).ToArray();
        var results = new ProgramOnTask?[tasks.Count, distinct.Count];
        Workers.For(units.Length, threads, i =>
        {
            var (t, p) = units[i];
            var program = distinct[p];
            var task = tasks[t];
            var train = task.Train.Select(e => Outcome(program, e.Input)).ToList();
            var test = task.Test.Select(e => Outcome(program, e.Input)).ToList();
            results[t, p] = new ProgramOnTask(program.Name, program.Aliases, Score(program, task, train), train, test);
        }, cancellation);
        return tasks.Select((task, t) => new TaskResult(task,
            Enumerable.Range(0, distinct.Count).Select(p => results[t, p]!).OrderBy(r => r.Score).ThenBy(r => r.Program, StringComparer.Ordinal).ToList())).ToList();
    }

    private sealed record DistinctProgram(string Name, List<string> Aliases, string Canonical, CompiledProgram? Program, string? Failure, int Length);

    private List<DistinctProgram> Distinct(IReadOnlyList<FunctionDef> programs)
    {
        var byForm = new Dictionary<string, DistinctProgram>(StringComparer.Ordinal);
        var order = new List<DistinctProgram>();
        foreach (var f in programs)
        {
            var canonical = CanonicalForm.Of(f);
            if (byForm.TryGetValue(canonical, out var seen))
            {
                seen.Aliases.Add(f.Name);
                continue;
            }
            CompiledProgram? compiled = null;
            string? failure = null;
            try { compiled = CompiledProgram.Compile(f, registry); }
            catch (ProgramException e) { failure = string.Join("; ", e.Diagnostics); }
            var d = new DistinctProgram(f.Name, [], canonical, compiled, failure, f.Body.Count + 1);
            byForm[canonical] = d;
            order.Add(d);
        }
        return order;
    }

    private ExampleOutcome Outcome(DistinctProgram program, Grid input)
    {
        if (program.Program is null) return ProgramRunner.NotRun(program.Failure!);
        var key = (program.Canonical, input);
        if (_cache.TryGetValue(key, out var cached)) return cached;
        Interlocked.Increment(ref _executions);
        var outcome = ProgramRunner.Run(program.Program, input, limits);
        if (_cache.Count >= cacheCapacity) _cache.Clear();
        _cache[key] = outcome;
        return outcome;
    }

    private static ProgramScore Score(DistinctProgram program, ArcTask task, List<ExampleOutcome> train)
    {
        var exact = 0;
        var distance = 0.0;
        for (var k = 0; k < task.Train.Count; k++)
        {
            var expected = task.Train[k].Output!;
            if (train[k].Matches(expected)) exact++;
            distance += GridDistance.Of(train[k].Output, expected);
        }
        return new ProgramScore(exact, task.Train.Count, task.Train.Count == 0 ? 1 : distance / task.Train.Count, program.Length);
    }
}
