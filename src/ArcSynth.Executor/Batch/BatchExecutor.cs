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
/// seen again (in a later batch, or on a task sharing an input) is not run again. A capacity of 0
/// turns the cache off, for one-shot runs that would only pay for it.
/// </summary>
public sealed class BatchExecutor(PrimitiveRegistry registry, Limits limits, int threads, int cacheCapacity = 1 << 20)
{
    private readonly ConcurrentDictionary<(string Program, Grid Input), ExampleOutcome> _cache = new();

    /// <summary>Executions actually run (cache misses), over the executor's life.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    private long _executions;
    private int _cached;

    /// <summary>Every program on every task: returns one result per task, programs ranked best first.</summary>
    public IReadOnlyList<TaskResult> Run(IReadOnlyList<FunctionDef> programs, IReadOnlyList<ArcTask> tasks, CancellationToken cancellation = default)
    {
        var distinct = Distinct(programs, perTask: false);
        var pairs = (from t in Enumerable.Range(0, tasks.Count) from p in Enumerable.Range(0, distinct.Count) select (t, p)).ToList();
        var ran = RunPairs(distinct, tasks, pairs, cancellation);
        return tasks.Select((task, t) => Ranked(task, ran.Where(r => r.Task == t).Select(r => r.Result))).ToList();
    }

    /// <summary>
    /// Each program on the task its name ends with (<c>solve_&lt;taskid&gt;</c>), as <c>dsl check</c>
    /// pairs them; programs naming no given task are left out. One result per task that has programs.
    /// </summary>
    public IReadOnlyList<TaskResult> RunOnOwnTasks(IReadOnlyList<FunctionDef> programs, IReadOnlyDictionary<string, ArcTask> tasks, CancellationToken cancellation = default)
    {
        var distinct = Distinct(programs.Where(f => tasks.ContainsKey(f.TaskId)).ToList(), perTask: true);
        var taskList = distinct.Select(d => d.TaskId).Distinct().Select(id => tasks[id]).ToList();
        var index = taskList.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var pairs = distinct.Select((d, p) => (index[d.TaskId], p)).ToList();
        var ran = RunPairs(distinct, taskList, pairs, cancellation);
        return taskList.Select((task, t) => Ranked(task, ran.Where(r => r.Task == t).Select(r => r.Result))).ToList();
    }

    private List<(int Task, ProgramOnTask Result)> RunPairs(List<DistinctProgram> programs, IReadOnlyList<ArcTask> tasks, List<(int Task, int Program)> pairs, CancellationToken cancellation)
    {
        var results = new ProgramOnTask[pairs.Count];
        Workers.For(pairs.Count, threads, i =>
        {
            var (t, p) = pairs[i];
            var program = programs[p];
            var task = tasks[t];
            var train = task.Train.Select(e => Outcome(program, e.Input)).ToList();
            var test = task.Test.Select(e => Outcome(program, e.Input)).ToList();
            results[i] = new ProgramOnTask(program.Name, program.Aliases, Score(program, task, train), train, test);
        }, cancellation);
        return pairs.Select((pair, i) => (pair.Task, results[i])).ToList();
    }

    private static TaskResult Ranked(ArcTask task, IEnumerable<ProgramOnTask> results) =>
        new(task, results.OrderBy(r => r.Score).ThenBy(r => r.Program, StringComparer.Ordinal).ToList());

    private sealed record DistinctProgram(string Name, List<string> Aliases, string Canonical, CompiledProgram? Program, string? Failure, int Length)
    {
        public string TaskId => Name[(Name.LastIndexOf('_') + 1)..];
    }

    /// <summary>
    /// The programs with one canonical form merged (the later ones become aliases of the first);
    /// <paramref name="perTask"/> merges only programs that also name the same task, since each then
    /// runs on its own task's inputs.
    /// </summary>
    private List<DistinctProgram> Distinct(IReadOnlyList<FunctionDef> programs, bool perTask)
    {
        var byForm = new Dictionary<string, DistinctProgram>(StringComparer.Ordinal);
        var order = new List<DistinctProgram>();
        foreach (var f in programs)
        {
            var canonical = CanonicalForm.Of(f);
            var key = perTask ? f.TaskId + "\n" + canonical : canonical;
            if (byForm.TryGetValue(key, out var seen))
            {
                seen.Aliases.Add(f.Name);
                continue;
            }
            CompiledProgram? compiled = null;
            string? failure = null;
            try { compiled = CompiledProgram.Compile(f, registry); }
            catch (ProgramException e) { failure = string.Join("; ", e.Diagnostics); }
            var d = new DistinctProgram(f.Name, [], canonical, compiled, failure, f.Body.Count + 1);
            byForm[key] = d;
            order.Add(d);
        }
        return order;
    }

    private ExampleOutcome Outcome(DistinctProgram program, Grid input)
    {
        if (program.Program is null) return ProgramRunner.NotRun(program.Failure!);
        var key = (program.Canonical, input);
        if (cacheCapacity > 0 && _cache.TryGetValue(key, out var cached)) return cached;
        Interlocked.Increment(ref _executions);
        var outcome = ProgramRunner.Run(program.Program, input, limits);
        if (cacheCapacity == 0) return outcome;
        // ConcurrentDictionary.Count takes every lock: the size is counted here instead.
        if (Interlocked.Increment(ref _cached) > cacheCapacity)
        {
            _cache.Clear();
            Interlocked.Exchange(ref _cached, 0);
        }
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
