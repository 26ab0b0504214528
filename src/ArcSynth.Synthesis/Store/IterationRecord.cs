namespace ArcSynth.Synthesis.Store;

/// <summary>The figures of one finished meta-iteration; phase times in seconds.</summary>
/// <param name="TrainLoss">The mean loss of the last quarter of the iteration's training updates; 0 where it made none.</param>
/// <param name="SolvedBySample">Target tasks whose demonstrations a sample of this iteration got all right.</param>
/// <param name="SolvedAfterSearch">Target tasks whose demonstrations only this iteration's guided search got all right, no sample.</param>
/// <param name="OriginalSolved">Tasks of the original data whose demonstrations a sample of the trained model got all right (the forgetting probe); null where no probe ran.</param>
public sealed record IterationRecord(
    long RunId, int Iteration, int Samples, double ValidShare, int BufferSize, double TrainLoss,
    int SolvedDemonstrations, int SolvedTest, int Tasks, int CompressedPrograms, int LinesSaved,
    IReadOnlyDictionary<string, double> PhaseSeconds, DateTimeOffset CompletedAt, int SolvedBySample = 0, int SolvedAfterSearch = 0, int? OriginalSolved = null);
