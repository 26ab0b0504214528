namespace ArcSynth.Data.Search;

/// <summary>
/// The programs of one task's search, best first, one per behaviour: a program whose demonstration
/// outputs equal an earlier one's is kept only if it is shorter, in that one's place, and a
/// behaviour once seen is never admitted again after it was dropped for capacity.
/// </summary>
internal sealed class Frontier(int capacity)
{
    private static readonly Comparer<SearchCandidate> Order = Comparer<SearchCandidate>.Create((a, b) =>
    {
        var c = a.Score.CompareTo(b.Score);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    });

    private readonly SortedSet<SearchCandidate> _ranked = new(Order);
    private readonly Dictionary<ulong, SearchCandidate?> _byBehaviour = [];

    public int Count => _ranked.Count;

    public SearchCandidate? Best => _ranked.Count == 0 ? null : _ranked.Min;

    /// <summary>Admits the candidate if its behaviour is new, or if it is shorter than the program kept for it; returns whether it was admitted.</summary>
    public bool Offer(SearchCandidate candidate)
    {
        if (_byBehaviour.TryGetValue(candidate.Behaviour, out var kept))
        {
            if (kept is null || candidate.Score.Length >= kept.Score.Length) return false;
            _ranked.Remove(kept);
        }
        _ranked.Add(candidate);
        _byBehaviour[candidate.Behaviour] = candidate;
        if (_ranked.Count > capacity)
        {
            var worst = _ranked.Max!;
            _ranked.Remove(worst);
            _byBehaviour[worst.Behaviour] = null;
        }
        return true;
    }

    /// <summary>Whether <paramref name="candidate"/> is one of the best <paramref name="count"/> programs.</summary>
    public bool AmongBest(SearchCandidate candidate, int count)
    {
        foreach (var c in _ranked)
        {
            if (count-- == 0) return false;
            if (c == candidate) return true;
        }
        return false;
    }

    /// <summary>The best <paramref name="count"/> programs, best first.</summary>
    public List<SearchCandidate> Top(int count) => _ranked.Take(count).ToList();

    /// <summary>The next parent: of the best <paramref name="breadth"/>, the least rank + spread x expansions (the better on a tie).</summary>
    public SearchCandidate? NextParent(int breadth, double spread)
    {
        SearchCandidate? pick = null;
        var least = double.MaxValue;
        var rank = 0;
        foreach (var c in _ranked)
        {
            if (rank >= breadth) break;
            var cost = rank++ + spread * c.Expansions;
            if (cost < least) (least, pick) = (cost, c);
        }
        return pick;
    }

    /// <summary>Every program kept, best first.</summary>
    public IEnumerable<SearchCandidate> All => _ranked;
}
