namespace ArcSynth.Primitives.Compiling;

/// <summary>Why a submission was refused, at its place in the file (line and column from 1).</summary>
public sealed record SubmissionError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
