using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Datasets;

/// <summary>Where a training program came from.</summary>
public enum ProgramSource { Seed, Mutation, Generation }

/// <summary>
/// A program and the task it defines: the inputs it was run on, and the outputs it really produced.
/// </summary>
/// <param name="InputsFrom">The ARC task whose inputs were used.</param>
/// <param name="Parent">The program it was mutated from, for a mutation.</param>
public sealed record GeneratedTask(string Program, ProgramSource Source, string? Parent, string InputsFrom, IReadOnlyList<(Grid Input, Grid Output)> Examples);
