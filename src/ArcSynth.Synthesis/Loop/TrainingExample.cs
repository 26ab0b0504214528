using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Synthesis.Loop;

/// <summary>A program with the demonstrations it solves: what the model learns to write from.</summary>
public sealed record TrainingExample(IReadOnlyList<(Grid Input, Grid Output)> Demonstrations, FunctionDef Program);
