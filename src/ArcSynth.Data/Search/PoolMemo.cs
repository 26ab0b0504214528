using System.Collections.Concurrent;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Search;

/// <summary>
/// What each pool program did on each task's demonstrations, kept across searches of the same tasks
/// (the loop's iterations), so that a program a task's pool held before is not run there again. Every
/// iteration of the loop starts each task's search from the same seeds, and running arc-dsl's 400
/// solvers on a task is about a third of a search of 9,600 candidates. Their line values are not kept
/// (400 programs a task would not fit in memory); the search computes them again for a remembered
/// program it edits. A program that timed out stays timed out. Searches of different tasks may use it
/// on different threads; every search that uses it must run under the same demonstration limits.
/// </summary>
public sealed class PoolMemo
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, PoolRun?>> _byTask = new(StringComparer.Ordinal);
    private Limits? _limits;

    /// <summary>Programs remembered, over every task.</summary>
    public int Count => _byTask.Values.Sum(t => t.Count);

    /// <summary>The memo of one task's pool under <paramref name="limits"/> (by canonical form; null for a program that does not compile).</summary>
    internal ConcurrentDictionary<string, PoolRun?> For(string taskId, Limits limits)
    {
        var bound = Interlocked.CompareExchange(ref _limits, limits, null) ?? limits;
        if (bound != limits) throw new InvalidOperationException($"a pool memo filled under {bound} cannot serve a search under {limits}: outcomes depend on the limits");
        return _byTask.GetOrAdd(taskId, _ => new ConcurrentDictionary<string, PoolRun?>(StringComparer.Ordinal));
    }
}
