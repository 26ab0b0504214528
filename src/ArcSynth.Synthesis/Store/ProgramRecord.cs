namespace ArcSynth.Synthesis.Store;

/// <summary>
/// A program scored on a task's demonstrations. <paramref name="Source"/> is its lineage kind (seed,
/// mutation, sample, compression, replay), <paramref name="ParentId"/> the program it came from if
/// any; <paramref name="OutputsJson"/> the outputs it produced on the task's inputs (train then test;
/// null entries where it failed), as JSON lists of rows. Id is assigned by the store (0 before).
/// </summary>
public sealed record ProgramRecord(
    long Id, long RunId, int Iteration, string TaskId, string Text, string Source, long? ParentId,
    int Exact, int Pairs, double MeanDistance, int Length, bool InBuffer, double Priority, string OutputsJson);
