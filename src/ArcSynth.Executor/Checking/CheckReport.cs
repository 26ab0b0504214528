namespace ArcSynth.Executor.Checking;

/// <summary>Every line of a check, in program order, with the count of programs that solved their task.</summary>
/// <param name="Warnings">Problems that did not stop the check (a program whose task is missing, a file-level parse error).</param>
public sealed record CheckReport(IReadOnlyList<CheckLine> Lines, int Solved, int Total, IReadOnlyList<string> Warnings);
