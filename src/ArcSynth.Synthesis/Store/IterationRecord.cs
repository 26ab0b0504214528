namespace ArcSynth.Synthesis.Store;

/// <summary>The figures of one finished meta-iteration; phase times in seconds.</summary>
public sealed record IterationRecord(
    long RunId, int Iteration, int Samples, double ValidShare, int BufferSize, double TrainLoss,
    int SolvedDemonstrations, int SolvedTest, int Tasks, int CompressedPrograms, int LinesSaved,
    IReadOnlyDictionary<string, double> PhaseSeconds, DateTimeOffset CompletedAt);
