using ArcSynth.Data.Mutation;

namespace ArcSynth.Data.Datasets;

/// <summary>How a dataset is made.</summary>
/// <param name="Count">Tasks to keep, the seeds' own included.</param>
/// <param name="MutationShare">Share of candidates made by mutation; the rest are generated from the signatures.</param>
/// <param name="MaxLines">Longest generated program, in lines.</param>
/// <param name="BatchSize">Candidates made and run together; the result does not depend on it.</param>
public sealed record GenerationSettings(int Count, int Seed, double MutationShare = 0.5, int MaxLines = 6, int BatchSize = 512)
{
    public MutationWeights Weights { get; init; } = new();
}
