using ArcSynth.Synthesis.Store;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// When a task's search stops: after <see cref="LoopSettings.SearchPatience"/> iterations in a row that
/// found no better program for it (more demonstrations right, or the same nearer to them; a shorter
/// program is not better here, so a task solved on its demonstrations stops too). Its programs stay
/// in the ledger, its attempts and the library as they were. Read from the stored programs alone, so
/// a resumed run or another node decides the same.
/// </summary>
internal static class Patience
{
    /// <summary>Whether <paramref name="earlier"/> (a task's programs of iterations before <paramref name="iteration"/>) show it has run out of patience; never at 0.</summary>
    public static bool Exhausted(IEnumerable<ProgramRecord> earlier, int iteration, int patience)
    {
        if (patience == 0) return false;
        var lastBetter = -1;
        (int Exact, double Distance)? best = null;
        foreach (var p in earlier.Where(p => p.Iteration < iteration).OrderBy(p => p.Iteration))
            if (best is not { } b || p.Exact > b.Exact || (p.Exact == b.Exact && p.MeanDistance < b.Distance))
            {
                best = (p.Exact, p.MeanDistance);
                lastBetter = p.Iteration;
            }
        return iteration - 1 - lastBetter >= patience;
    }
}
