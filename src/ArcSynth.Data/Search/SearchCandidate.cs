using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Running;
using ArcSynth.Executor.Scoring;

namespace ArcSynth.Data.Search;

/// <summary>
/// A program the guided search ran on a task's demonstrations: its outcomes, its score (exact pairs,
/// then mean relative distance, then length), a hash of its behaviour (all its demonstration
/// outputs, and its test-input outputs where the demonstrations are all right), and the value of each of its lines on each demonstration input, from which an edit of
/// it resumes instead of computing its unchanged first lines again.
/// </summary>
internal sealed class SearchCandidate(int id, FunctionDef program, CompiledProgram compiled, bool fromPool,
    ExampleOutcome[]? train, Value?[][]? lines, ProgramScore score, ulong behaviour)
{
    /// <summary>Creation order: ties of score go to the earlier program.</summary>
    public int Id { get; } = id;

    public FunctionDef Program { get; } = program;

    public CompiledProgram Compiled { get; } = compiled;

    /// <summary>Whether the program came with the pool (a seed or a sample) rather than from an edit.</summary>
    public bool FromPool { get; } = fromPool;

    /// <summary>Its outcomes on the demonstrations; null for a pool program recalled from <see cref="PoolMemo"/> until they are run again.</summary>
    public ExampleOutcome[]? Train { get; set; } = train;

    /// <summary>Its outcomes on the test inputs, once run (at once for a program that gets every demonstration right).</summary>
    public ExampleOutcome[]? Test { get; set; }

    /// <summary>
    /// Whether it gets every demonstration right and answers every test input with a grid that keeps the
    /// demonstrations' invariants (<see cref="DemonstrationInvariants"/>): an answer worth an attempt.
    /// </summary>
    public bool Answers { get; init; }

    /// <summary>
    /// Per demonstration, each line's value (null from the line that failed on); empty arrays when the program's lines do not
    /// map one to one onto its compiled steps; null where they are not kept (a pool program recalled from <see cref="PoolMemo"/>, an
    /// edit ranked below the programs the search expands) until it is run again.
    /// </summary>
    public Value?[][]? Lines { get; set; } = lines;

    public ProgramScore Score { get; } = score;

    public ulong Behaviour { get; } = behaviour;

    /// <summary>Whether it returned a grid on every demonstration (where its outcomes are known).</summary>
    public bool Valid => Train?.All(o => o.Output is not null) == true;

    /// <summary>How many times the search expanded it.</summary>
    public int Expansions { get; set; }

    /// <summary>Its one-name changes in the order the search tries them (made at its first expansion), and how many were taken.</summary>
    public List<LocalEdit>? Neighbours { get; set; }

    public int NextNeighbour { get; set; }

    /// <summary>Per line, the best score of a child that changed that line alone (a one-name change or an infilled value); null until one ran.</summary>
    public ProgramScore?[]? LineBest { get; set; }

    /// <summary>Records <paramref name="child"/>, which changed line <paramref name="line"/> alone.</summary>
    public void Changed(int line, ProgramScore child)
    {
        LineBest ??= new ProgramScore?[Program.Body.Count];
        if (LineBest[line] is not { } best || child.CompareTo(best) < 0) LineBest[line] = child;
    }

    /// <summary>The line whose change came closest so far (the best child's), or null before any ran.</summary>
    public int? BestLine()
    {
        int? line = null;
        for (var k = 0; k < (LineBest?.Length ?? 0); k++)
            if (LineBest![k] is { } score && (line is not { } l || score.CompareTo(LineBest[l]!.Value) < 0)) line = k;
        return line;
    }
}
