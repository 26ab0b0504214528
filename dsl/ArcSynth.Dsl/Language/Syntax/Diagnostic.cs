namespace ArcSynth.Dsl.Language.Syntax;

/// <summary>A problem in a program, at a 1-based line and column of a file.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A program that cannot be parsed, checked or compiled; carries every diagnostic found.</summary>
public sealed class ProgramException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    /// <summary>Every problem found, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
