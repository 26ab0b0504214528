using System.Collections.Concurrent;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Search;

/// <summary>
/// What each pool program did on each task's demonstrations, kept across searches of the same tasks
/// (the loop's iterations), so that a program a task's pool held before is not run there again. Every
/// iteration of the loop starts each task's search from the same seeds, and running arc-dsl's 400
/// solvers on a task is about a third of a search of 9,600 candidates. Their outputs and line values
/// are not kept (for 400 programs on 400 tasks they would take gigabytes): the search runs a
/// remembered program again where it needs them, to edit it or to report it among its best. A
/// program that timed out stays timed out. Searches of different tasks may use it
/// on different threads; every search that uses it must run under the same demonstration limits.
/// </summary>
public sealed class PoolMemo
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ulong, PoolRun>> _byTask = new(StringComparer.Ordinal);
    private Limits? _limits;

    /// <summary>Programs remembered (those that compile), over every task.</summary>
    public int Count => _byTask.Values.Sum(t => t.Count);

    /// <summary>The memo of one task's pool under <paramref name="limits"/>, by <see cref="Key"/> (a program that does not compile is not kept: it fails again at once).</summary>
    internal ConcurrentDictionary<ulong, PoolRun> For(string taskId, Limits limits)
    {
        var bound = Interlocked.CompareExchange(ref _limits, limits, null) ?? limits;
        if (bound != limits) throw new InvalidOperationException($"a pool memo filled under {bound} cannot serve a search under {limits}: outcomes depend on the limits");
        return _byTask.GetOrAdd(taskId, _ => new ConcurrentDictionary<ulong, PoolRun>());
    }

    /// <summary>A program's key: a 64-bit hash (FNV-1a) of its canonical form, a few bytes where the form takes hundreds.</summary>
    internal static ulong Key(string canonical)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in canonical) h = (h ^ ch) * 1099511628211UL;
        return h;
    }
}
