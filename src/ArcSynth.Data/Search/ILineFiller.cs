using ArcSynth.Dsl.Language.Syntax;

namespace ArcSynth.Data.Search;

/// <summary>
/// Proposes new values for one line of a program, given the rest of it and one task (the model's
/// infilling, seed 000's omnidirectional editing): an edit of the guided search. One filler serves
/// one task's search, on that search's thread.
/// </summary>
public interface ILineFiller
{
    /// <summary>Up to <paramref name="count"/> values for line <paramref name="line"/> of <paramref name="program"/>, drawn with <paramref name="random"/>.</summary>
    IReadOnlyList<Expr> Fill(FunctionDef program, int line, int count, Random random);
}
