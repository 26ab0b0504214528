namespace ArcSynth.Executor.Scoring;

/// <summary>
/// A program's score on a task's demonstrations, ordered best first: more pairs exactly right,
/// then smaller mean grid distance, then a shorter program.
/// </summary>
public readonly record struct ProgramScore(int Exact, int Pairs, double MeanDistance, int Length) : IComparable<ProgramScore>
{
    /// <summary>Whether every demonstration pair is exactly right.</summary>
    public bool SolvesDemonstrations => Exact == Pairs && Pairs > 0;

    /// <summary>What one line of a program costs against the share of demonstrations it gets right, in <see cref="Fit"/>.</summary>
    public const double LinePrice = 0.02;

    /// <summary>
    /// The share of demonstrations exactly right less <see cref="LinePrice"/> a line: one of the two
    /// orders the attempts take turns between (the ranking is the other). A long program that gets the
    /// demonstrations right is often fitted to them (a colour swapped just where they need it), and a
    /// shorter one that gets fewer, or is farther from them, generalizes as often.
    /// </summary>
    public double Fit => (Pairs == 0 ? 0 : (double)Exact / Pairs) - LinePrice * Length;

    /// <summary>Negative when this score is better than <paramref name="other"/>.</summary>
    public int CompareTo(ProgramScore other)
    {
        var c = other.Exact.CompareTo(Exact);
        if (c != 0) return c;
        c = MeanDistance.CompareTo(other.MeanDistance);
        return c != 0 ? c : Length.CompareTo(other.Length);
    }

    public override string ToString() => $"{Exact}/{Pairs} exact, mean distance {MeanDistance:F3}, {Length} lines";
}
