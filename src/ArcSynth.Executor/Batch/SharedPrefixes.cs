using ArcSynth.Dsl.Values;

namespace ArcSynth.Executor.Batch;

/// <summary>
/// The values of program lines on the inputs of one batch, shared by programs that begin with the
/// same lines. A one-call mutant, or a sampled program that shares its first lines with another,
/// resumes where the two part instead of computing the common start again: two programs whose
/// first k canonical lines are the same compute the same first k values on the same input, and
/// values are immutable. A line is a node of a trie over canonical lines (<see cref="Path"/>); a
/// value is kept only while programs that pass through it remain to run, so the store does not keep
/// a batch's intermediate sets alive. One instance serves one batch.
/// </summary>
internal sealed class SharedPrefixes
{
    private readonly Dictionary<(int Parent, string Line), int> _trie = [];
    private readonly Dictionary<(int Group, int Node), int> _demand = [];
    private readonly Dictionary<(int Task, int Example, int Node), Entry> _values = [];
    private readonly Lock _lock = new();

    private sealed class Entry(Value value, int remaining)
    {
        public readonly Value Value = value;
        public int Remaining = remaining;
    }

    /// <summary>The trie node of each of a program's lines (its canonical lines, the return left out).</summary>
    public int[] Path(IReadOnlyList<string> canonicalLines)
    {
        var path = new int[canonicalLines.Count - 1];
        var node = -1;
        for (var k = 0; k < path.Length; k++)
        {
            if (!_trie.TryGetValue((node, canonicalLines[k]), out var next)) _trie[(node, canonicalLines[k])] = next = _trie.Count;
            path[k] = node = next;
        }
        return path;
    }

    /// <summary>
    /// Counts the programs of the batch that pass through each node on each input of a group of
    /// tasks: a task when programs run on their own task, one group for all when every program runs
    /// on every task (the count is then the same for all, and kept once).
    /// </summary>
    public void Expect(IEnumerable<(int Group, int[] Path)> runs)
    {
        foreach (var (group, path) in runs)
            foreach (var node in path) _demand[(group, node)] = _demand.GetValueOrDefault((group, node)) + 1;
    }

    /// <summary>The values of the longest start of <paramref name="path"/> known on this input, each counted as used.</summary>
    public Value[] Known(int task, int example, int[] path)
    {
        List<Value>? known = null;
        lock (_lock)
        {
            foreach (var node in path)
            {
                if (!_values.TryGetValue((task, example, node), out var entry)) break;
                (known ??= []).Add(entry.Value);
                if (--entry.Remaining == 0) _values.Remove((task, example, node));
            }
        }
        return known is null ? [] : [.. known];
    }

    /// <summary>
    /// Keeps the values a run computed after the known ones, for the programs that still need them;
    /// the lines it never reached (it failed before them) are counted as used, so that values kept
    /// for it are let go now rather than when the batch ends.
    /// </summary>
    public void Keep(int group, int task, int example, int[] path, int knownCount, ReadOnlySpan<Value?> lines)
    {
        lock (_lock)
        {
            for (var k = knownCount; k < path.Length; k++)
            {
                // Demand only falls along a path: once no other program needs a line, none needs the next.
                var demand = _demand.GetValueOrDefault((group, path[k]));
                if (demand < 2) break;
                var key = (task, example, path[k]);
                var found = _values.TryGetValue(key, out var entry);
                if (lines[k] is { } value && !found) _values[key] = new Entry(value, demand - 1);
                else if (found && --entry!.Remaining == 0) _values.Remove(key);
            }
        }
    }
}
