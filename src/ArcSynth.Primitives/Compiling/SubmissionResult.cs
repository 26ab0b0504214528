using ArcSynth.Dsl.Registry;

namespace ArcSynth.Primitives.Compiling;

/// <summary>A checked submission: the primitives it adds when accepted, the reasons when not.</summary>
public sealed record SubmissionResult(IReadOnlyList<PrimitiveFunction> Primitives, IReadOnlyList<SubmissionError> Errors)
{
    public bool Accepted => Errors.Count == 0 && Primitives.Count > 0;
}
