using System.Diagnostics;
using ArcSynth.Data.Search.Enumeration;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Running;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Data.Search;

/// <summary>
/// Per-task best-first search over typed edits, guided by the demonstrations. It runs its pool (the
/// seeds, and in the loop the model's samples) on the task's demonstration inputs, after the short programs
/// a bottom-up enumeration finds there (<see cref="GuidedSearchSettings.EnumerationCalls"/>), keeps a frontier of
/// one program per behaviour ranked as the executor ranks (exact pairs, then mean distance relative
/// to the input's own, then length), and repeatedly expands the best few with a batch of edits
/// (<see cref="ProgramEditor"/>) until the budget is spent or, once a program gets every
/// demonstration right, until there is one such program per attempt, each answering the test
/// inputs otherwise, or a quarter of the budget later. Test inputs are run only for the programs the attempts are chosen from, and test outputs read only to score them.
/// One task's search runs on one thread and depends only on the settings and the task, so results
/// are the same for any number of threads; tasks run in parallel. With a <paramref name="memo"/>, a
/// pool program that an earlier search of the task ran (under the same limits) is not run again.
/// </summary>
public sealed class GuidedSearch(PrimitiveRegistry registry, Limits limits, GuidedSearchSettings settings, PoolMemo? memo = null)
{
    /// <summary>Consecutive edits that may fail to give a new program before a task's search gives up.</summary>
    private const int MaxBarrenEdits = 2000;

    /// <summary>Infilling serves programs ranked this high in the frontier when they are expanded the second time.</summary>
    private const int InfilledParents = 4;

    private readonly ProgramEditor _editor = new(registry, settings.Edits);

    /// <summary>The limits of programs on the demonstrations: the search's, with the shorter of the two time limits and the smaller of the two container limits.</summary>
    private readonly Limits _demonstrationLimits = OnDemonstrations(limits, settings);

    /// <summary>The bottom-up enumeration every task's search starts with, under the same limits; null when the settings turn it off.</summary>
    private readonly ValueEnumerator? _enumerator = settings.EnumerationCalls > 0
        ? new ValueEnumerator(registry, OnDemonstrations(limits, settings), settings.EnumerationCalls) : null;

    private static Limits OnDemonstrations(Limits limits, GuidedSearchSettings settings) => limits with
    {
        Timeout = limits.Timeout is { } t && t < settings.DemonstrationTimeout ? t : settings.DemonstrationTimeout,
        MaxContainerSize = Math.Min(limits.MaxContainerSize, settings.DemonstrationMaxContainer),
    };

    /// <summary>The input returned unchanged: always in the pool, so that the frontier is never empty and edits can build a program from nothing.</summary>
    private static readonly FunctionDef Identity = ProgramParser.ParseFunction("def identity(I):\n    return I\n");

    /// <summary>Searches every task from the same seeds on <paramref name="threads"/> threads, yielding outcomes in task order as they are ready.</summary>
    public IEnumerable<GuidedOutcome> Run(IReadOnlyList<FunctionDef> seeds, IReadOnlyList<ArcTask> tasks, int threads, CancellationToken cancellation = default) =>
        Run(tasks, _ => seeds, threads, cancellation);

    /// <summary>Searches every task from its own pool on <paramref name="threads"/> threads, yielding outcomes in task order as they are ready.</summary>
    /// <remarks>With <paramref name="fillerOf"/>, each task's search also takes the values its filler writes for a line (infilling).</remarks>
    public IEnumerable<GuidedOutcome> Run(IReadOnlyList<ArcTask> tasks, Func<ArcTask, IReadOnlyList<FunctionDef>> poolOf, int threads, CancellationToken cancellation = default,
        Func<ArcTask, ILineFiller?>? fillerOf = null)
    {
        var outcomes = tasks.Select(_ => new TaskCompletionSource<GuidedOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var worker = new Thread(() =>
        {
            try { Workers.For(tasks.Count, threads, i => outcomes[i].SetResult(Search(tasks[i], poolOf(tasks[i]), cancellation, fillerOf?.Invoke(tasks[i]))), cancellation); }
            catch (Exception e) { foreach (var o in outcomes) o.TrySetException(e); }
        }) { IsBackground = true };
        worker.Start();
        foreach (var o in outcomes) yield return o.Task.GetAwaiter().GetResult();
        worker.Join();
    }

    /// <summary>One task's search from <paramref name="pool"/>, on the calling thread; with <paramref name="filler"/>, infilling is one of its edits.</summary>
    public GuidedOutcome Search(ArcTask task, IReadOnlyList<FunctionDef> pool, CancellationToken cancellation = default, ILineFiller? filler = null)
    {
        var clock = Stopwatch.StartNew();
        var runner = new DemonstrationRunner(task, registry, _demonstrationLimits, limits);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var pooled = new List<SearchCandidate>();
        var remembered = memo?.For(task.Id, _demonstrationLimits);
        // The enumeration's programs start every other path beside the pool (the attempts and hindsight see
        // them all; unlike the pool's, they are the search's own finds). In every path, its near misses took
        // the top of the frontier from the seeds' and lost tasks that only edits of a seed solve.
        var enumerated = new List<SearchCandidate>();
        if (_enumerator is not null)
            foreach (var program in _enumerator.Programs(task, new FunctionPrior(pool)))
                if (tried.Add(CanonicalForm.Of(program)) && runner.Run(program, fromPool: false) is { } e)
                    enumerated.Add(e);
        foreach (var program in pool.Prepend(Identity))
        {
            var canonical = CanonicalForm.Of(program);
            if (!tried.Add(canonical)) continue;
            var key = PoolMemo.Key(canonical);
            SearchCandidate? c;
            if (remembered?.GetValueOrDefault(key) is { } run) c = runner.Recall(program, run);
            else if ((c = runner.Run(program, fromPool: true)) is not null) remembered?.TryAdd(key, DemonstrationRunner.Remember(c));
            if (c is not null) pooled.Add(c);
        }
        // Everything every restart kept: the attempts and hindsight choose from it, and the stop rule reads it.
        var found = new Frontier(settings.Capacity);
        foreach (var c in enumerated.Concat(pooled)) found.Offer(c);
        var spent = 0;
        var barren = 0;
        var infilled = 0;
        // One edit of the parent: run unless it failed or was tried before (then false); a change of one line alone tells the parent how close that line's changes come.
        bool Try(Frontier frontier, SearchCandidate parent, FunctionDef? edited, int? line)
        {
            if (edited is null || !tried.Add(CanonicalForm.Of(edited)))
            {
                barren++;
                return false;
            }
            spent++;
            barren = 0;
            if (runner.Run(edited with { Name = $"search{spent}_{task.Id}" }, fromPool: false, parent) is not { } child) return true;
            if (line is { } l) parent.Changed(l, child.Score);
            // Only the best few are expanded, and a program that does not enter them almost never does later:
            // its line values go (run again if it is ever edited). Kept for every program, they held gigabytes
            // where edits build large sets (7d1f7ee8: the product of a 600-cell object with itself).
            if (!frontier.Offer(child) || !frontier.AmongBest(child, settings.Breadth)) child.Lines = null;
            found.Offer(child);
            return true;
        }
        // Once a program gets every demonstration right and its test answers keep the demonstrations'
        // invariants, more search looks for others like it that answer the test inputs otherwise: they
        // give the other attempts, for the first one's answer is often wrong. It stops at one such
        // program per attempt, or a quarter of the budget later. Programs that get the demonstrations
        // right with answers that break an invariant (a colour the task never uses) do not count: their
        // answers are nearly always wrong, so the search goes on with its whole budget.
        var end = settings.Budget;
        for (var restart = 0; restart < settings.Restarts && spent < end && barren < MaxBarrenEdits; restart++)
        {
            // Each restart walks its own random path from the pool (and every other one from the enumeration's
            // programs too), with an equal share of the budget; what earlier ones tried is not tried again.
            var random = new Random(SeedFor(task.Id) + restart);
            var frontier = new Frontier(settings.Capacity);
            foreach (var c in restart % 2 == 0 ? enumerated.Concat(pooled) : pooled)
            {
                (c.Expansions, c.Neighbours, c.NextNeighbour, c.LineBest) = (0, null, 0, null);
                frontier.Offer(c);
            }
            var share = Math.Min(end, (int)((long)settings.Budget * (restart + 1) / settings.Restarts));
            barren = 0;
            while (spent < share && barren < MaxBarrenEdits)
            {
                if (found.All.TakeWhile(c => c.Score.SolvesDemonstrations).Count(c => c.Answers) is var answering and > 0)
                {
                    if (answering >= settings.Attempts) return Outcome(task, runner, found, spent, infilled, clock.Elapsed);
                    end = Math.Min(end, spent + settings.Budget / 4);
                    share = Math.Min(share, end);
                }
                if (spent >= share) break;
                cancellation.ThrowIfCancellationRequested();
                var parent = frontier.NextParent(settings.Breadth, settings.Spread)!;
                parent.Expansions++;
                var donors = frontier.Top(settings.Breadth).Select(c => c.Program).ToList();
                parent.Neighbours ??= Shuffled(_editor.Neighbours(parent.Program), random);
                // Infilling, for the best few programs, once each, at a program's second expansion (its first tried
                // one-name changes): the filler rewrites the line whose changes came closest to the demonstrations.
                // Only these, for the model's lines cost about a hundred edits each: at every second expansion, the
                // default run's search spent 94% of its time in the model, ten times its time without.
                if (filler is not null && settings.InfillLines > 0 && parent.Expansions == 2 && frontier.Top(InfilledParents).Contains(parent)
                    && parent.BestLine() is { } line)
                    foreach (var value in filler.Fill(parent.Program, line, settings.InfillLines, random))
                    {
                        if (spent >= share) break;
                        if (Try(frontier, parent, _editor.Replace(parent.Program, line, value), line)) infilled++;
                    }
                for (var b = 0; b < settings.Batch && spent < share; b++)
                {
                    if (random.NextDouble() < settings.LocalShare && parent.NextNeighbour < parent.Neighbours.Count)
                    {
                        var edit = parent.Neighbours[parent.NextNeighbour++];
                        Try(frontier, parent, _editor.Apply(parent.Program, edit), edit.Line);
                    }
                    else Try(frontier, parent, _editor.Edit(parent.Program, donors, random), null);
                }
            }
        }
        return Outcome(task, runner, found, spent, infilled, clock.Elapsed);
    }

    private GuidedOutcome Outcome(ArcTask task, DemonstrationRunner runner, Frontier frontier, int spent, int infilled, TimeSpan elapsed)
    {
        // The best few, and below them each program that gives a test input one of its first answers:
        // the attempts are distinct answers, and many programs can share one.
        var all = frontier.All.ToList();
        var kept = all.Take(settings.Attempts * 4)
            .Concat(TaskResult.Answering(task, all, settings.Attempts, (c, k) => runner.OnTestInputs(c)[k].Output, c => c.Score)).ToHashSet();
        var ranked = all.Where(kept.Contains)
            .Select(c => new ProgramOnTask(c.Program.Name, [], c.Score, runner.OnDemonstrations(c), runner.OnTestInputs(c)))
            .ToList();
        var best = frontier.Best!;
        var found = frontier.All.Where(c => !c.FromPool && c.Valid).Select(c => c.Program).ToList();
        return new GuidedOutcome(task.Id, spent, best.Program, best.Score, new TaskResult(task, ranked), found, elapsed, infilled);
    }

    private static List<T> Shuffled<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }

    /// <summary>The task's own random seed: the settings' seed mixed with a stable hash of its id (FNV-1a).</summary>
    private int SeedFor(string taskId)
    {
        var h = 2166136261u ^ (uint)settings.Seed;
        foreach (var ch in taskId) h = (h ^ ch) * 16777619u;
        return (int)(h & int.MaxValue);
    }
}
