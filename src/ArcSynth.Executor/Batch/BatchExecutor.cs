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
/// turns the cache off, for one-shot runs that would only pay for it. Within a batch, programs
/// that begin with the same lines share those lines' values (<see cref="SharedPrefixes"/>); a time
/// limit then covers the lines a program computed itself.
/// </summary>
public sealed class BatchExecutor(PrimitiveRegistry registry, Limits limits, int threads, int cacheCapacity = 1 << 20)
{
    private readonly ConcurrentDictionary<(string Program, Grid Input), ExampleOutcome> _cache = new();

    /// <summary>Executions actually run (cache misses), over the executor's life.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>The lines of the programs of all executions, over the executor's life.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Of <see cref="Lines"/>, those not computed because a program with the same first lines had computed them on the same input.</summary>
    public long LinesReused => Interlocked.Read(ref _linesReused);

    private long _executions;
    private long _lines;
    private long _linesReused;
    private int _cached;

    /// <summary>Every program on every task: returns one result per task, programs ranked best first.</summary>
    public IReadOnlyList<TaskResult> Run(IReadOnlyList<FunctionDef> programs, IReadOnlyList<ArcTask> tasks, CancellationToken cancellation = default)
    {
        var prefixes = new SharedPrefixes();
        var distinct = Distinct(programs, perTask: false, prefixes);
        var pairs = (from t in Enumerable.Range(0, tasks.Count) from p in Enumerable.Range(0, distinct.Count) select (t, p)).ToList();
        return RunPairs(distinct, tasks, pairs, prefixes, everyTask: true, cancellation);
    }

    /// <summary>
    /// Each program on the task its name ends with (<c>solve_&lt;taskid&gt;</c>), as <c>dsl check</c>
    /// pairs them; programs naming no given task are left out. One result per task that has programs.
    /// </summary>
    public IReadOnlyList<TaskResult> RunOnOwnTasks(IReadOnlyList<FunctionDef> programs, IReadOnlyDictionary<string, ArcTask> tasks, CancellationToken cancellation = default)
    {
        var prefixes = new SharedPrefixes();
        var distinct = Distinct(programs.Where(f => tasks.ContainsKey(f.TaskId)).ToList(), perTask: true, prefixes);
        var taskList = distinct.Select(d => d.TaskId).Distinct().Select(id => tasks[id]).ToList();
        var index = taskList.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var pairs = distinct.Select((d, p) => (index[d.TaskId], p)).ToList();
        return RunPairs(distinct, taskList, pairs, prefixes, everyTask: false, cancellation);
    }

    /// <summary>
    /// Runs each (task, program) pair on its task's inputs and ranks each task's programs. The unit of
    /// work is one example, not one pair, so that a program that is slow on every example of its task
    /// spreads over all cores instead of holding one thread while the others finish the batch and wait.
    /// </summary>
    private List<TaskResult> RunPairs(List<DistinctProgram> programs, IReadOnlyList<ArcTask> tasks, List<(int Task, int Program)> pairs, SharedPrefixes prefixes, bool everyTask, CancellationToken cancellation)
    {
        // Programs of one task that share their first lines run one after another, so that the
        // common start is still kept when the next one needs it; results do not depend on the order.
        var order = Enumerable.Range(0, pairs.Count)
            .OrderBy(i => pairs[i].Task)
            .ThenBy(i => programs[pairs[i].Program].Path, PathOrder.Instance)
            .ToArray();
        prefixes.Expect(everyTask
            ? programs.Select(p => (0, p.Path))
            : pairs.Select(pair => (pair.Task, programs[pair.Program].Path)));
        var inputs = tasks.Select(t => t.Train.Concat(t.Test).Select(e => e.Input).ToArray()).ToArray();
        var firstItem = new int[pairs.Count + 1];
        for (var i = 0; i < pairs.Count; i++) firstItem[i + 1] = firstItem[i] + inputs[pairs[i].Task].Length;
        var outcomes = new ExampleOutcome[firstItem[^1]];
        var items = new (int Pair, int Example)[outcomes.Length];
        var next = 0;
        foreach (var i in order)
            for (var e = 0; e < firstItem[i + 1] - firstItem[i]; e++) items[next++] = (i, e);
        Workers.For(items.Length, threads, k =>
        {
            var (i, e) = items[k];
            var (t, p) = pairs[i];
            outcomes[firstItem[i] + e] = Outcome(programs[p], everyTask ? 0 : t, t, e, inputs[t][e], prefixes);
        }, cancellation);
        var byTask = pairs.Select((pair, i) =>
        {
            var program = programs[pair.Program];
            var task = tasks[pair.Task];
            var train = outcomes[firstItem[i]..(firstItem[i] + task.Train.Count)];
            var test = outcomes[(firstItem[i] + task.Train.Count)..firstItem[i + 1]];
            return (pair.Task, Result: new ProgramOnTask(program.Name, program.Aliases, Score(program, task, train), train, test));
        }).ToLookup(r => r.Task, r => r.Result);
        return tasks.Select((task, t) => Ranked(task, byTask[t])).ToList();
    }

    /// <summary>Orders trie paths lexicographically, so that programs with a common start sort together.</summary>
    private sealed class PathOrder : IComparer<int[]>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(int[]? a, int[]? b) => a.AsSpan().SequenceCompareTo(b);
    }

    private static TaskResult Ranked(ArcTask task, IEnumerable<ProgramOnTask> results) =>
        new(task, results.OrderBy(r => r.Score).ThenBy(r => r.Program, StringComparer.Ordinal).ToList());

    private sealed class DistinctProgram(string name, List<string> aliases, string canonical, int[] path)
    {
        public string Name { get; } = name;
        public List<string> Aliases { get; } = aliases;
        public string Canonical { get; } = canonical;
        /// <summary>The trie node of each line (<see cref="SharedPrefixes.Path"/>).</summary>
        public int[] Path { get; } = path;
        /// <summary>Lines and the return: the length a score breaks ties with.</summary>
        public int Length => Path.Length + 1;
        public CompiledProgram? Program { get; private set; }
        public string? Failure { get; private set; }

        public string TaskId => Name[(Name.LastIndexOf('_') + 1)..];

        public void Compile(FunctionDef source, PrimitiveRegistry registry)
        {
            try { Program = CompiledProgram.Compile(source, registry); }
            catch (ProgramException e) { Failure = string.Join("; ", e.Diagnostics); }
        }
    }

    /// <summary>
    /// The programs with one canonical form merged (the later ones become aliases of the first);
    /// <paramref name="perTask"/> merges only programs that also name the same task, since each then
    /// runs on its own task's inputs.
    /// </summary>
    private List<DistinctProgram> Distinct(IReadOnlyList<FunctionDef> programs, bool perTask, SharedPrefixes prefixes)
    {
        var byForm = new Dictionary<string, DistinctProgram>(StringComparer.Ordinal);
        var order = new List<DistinctProgram>();
        var sources = new List<FunctionDef>();
        // Canonical forms and compilations cost tens of microseconds a program: both run on every
        // core; only merging the forms and growing the trie of lines is sequential.
        var canonicalLines = new List<string>[programs.Count];
        Workers.For(programs.Count, threads, i => canonicalLines[i] = CanonicalForm.Lines(programs[i]));
        for (var n = 0; n < programs.Count; n++)
        {
            var f = programs[n];
            var lines = canonicalLines[n];
            var canonical = string.Join("\n", lines);
            var key = perTask ? f.TaskId + "\n" + canonical : canonical;
            if (byForm.TryGetValue(key, out var seen))
            {
                seen.Aliases.Add(f.Name);
                continue;
            }
            var d = new DistinctProgram(f.Name, [], canonical, prefixes.Path(lines));
            byForm[key] = d;
            order.Add(d);
            sources.Add(f);
        }
        Workers.For(order.Count, threads, i => order[i].Compile(sources[i], registry));
        return order;
    }

    private ExampleOutcome Outcome(DistinctProgram program, int group, int task, int example, Grid input, SharedPrefixes prefixes)
    {
        if (program.Program is null) return ProgramRunner.NotRun(program.Failure!);
        var key = (program.Canonical, input);
        if (cacheCapacity > 0 && _cache.TryGetValue(key, out var cached)) return cached;
        Interlocked.Increment(ref _executions);
        var known = prefixes.Known(task, example, program.Path);
        Interlocked.Add(ref _lines, program.Path.Length);
        Interlocked.Add(ref _linesReused, known.Length);
        var lines = new Value?[program.Path.Length];
        var outcome = ProgramRunner.Run(program.Program, input, limits, known, lines);
        prefixes.Keep(group, task, example, program.Path, known.Length, lines);
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

    private static ProgramScore Score(DistinctProgram program, ArcTask task, ExampleOutcome[] train)
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
