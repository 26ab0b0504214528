namespace ArcSynth.Synthesis.Store;

/// <summary>
/// A task after an iteration: whether its demonstrations are solved, whether its test outputs are
/// (the ARC rule, null when the task has no known test outputs), the best program, and the
/// predicted attempts per test input as JSON.
/// </summary>
public sealed record TaskResultRecord(
    long RunId, int Iteration, string TaskId, string Split, bool SolvedDemonstrations, bool? SolvedTest,
    string? BestProgram, string PredictionsJson);
