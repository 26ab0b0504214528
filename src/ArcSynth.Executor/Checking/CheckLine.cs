using ArcSynth.Dsl.Values;

namespace ArcSynth.Executor.Checking;

/// <summary>One program on one example: <c>arcsynth dsl check</c>'s JSON line.</summary>
public sealed record CheckLine(string Program, string Task, string Split, int Index, Grid? Output, string? Error, bool Correct);
