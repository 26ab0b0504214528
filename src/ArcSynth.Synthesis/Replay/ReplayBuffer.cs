namespace ArcSynth.Synthesis.Replay;

/// <summary>
/// The prioritized replay buffer: one entry per output signature (the same task inputs and
/// outputs), keeping the shortest program for it, sampled in proportion to
/// <c>priority + <see cref="Floor"/></c> so that a relabeled program that solves none of its real
/// task still comes back now and then, and one that solves it all comes back most.
/// </summary>
public sealed class ReplayBuffer
{
    /// <summary>The weight every entry has on top of its priority.</summary>
    public const double Floor = 0.1;

    private readonly Dictionary<string, int> _bySignature = new(StringComparer.Ordinal);
    private readonly List<ReplayEntry> _entries = [];

    public int Count => _entries.Count;

    public IReadOnlyList<ReplayEntry> Entries => _entries;

    /// <summary>Adds an entry; one with a known signature replaces the old only when its program is shorter. Returns whether the buffer changed.</summary>
    public bool Add(ReplayEntry entry)
    {
        if (_bySignature.TryGetValue(entry.Signature, out var at))
        {
            var old = _entries[at];
            if (entry.Length > old.Length || (entry.Length == old.Length && string.CompareOrdinal(entry.Program, old.Program) >= 0)) return false;
            _entries[at] = entry with { Priority = Math.Max(entry.Priority, old.Priority) };
            return true;
        }
        _bySignature[entry.Signature] = _entries.Count;
        _entries.Add(entry);
        return true;
    }

    /// <summary><paramref name="n"/> entries drawn with replacement in proportion to their weight; the same random state gives the same draw.</summary>
    public IReadOnlyList<ReplayEntry> Sample(int n, Random random)
    {
        if (_entries.Count == 0 || n <= 0) return [];
        var cumulative = new double[_entries.Count];
        var total = 0.0;
        for (var i = 0; i < _entries.Count; i++) cumulative[i] = total += _entries[i].Priority + Floor;
        var draws = new ReplayEntry[n];
        for (var k = 0; k < n; k++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble() * total);
            draws[k] = _entries[at < 0 ? Math.Min(~at, _entries.Count - 1) : at];
        }
        return draws;
    }
}
