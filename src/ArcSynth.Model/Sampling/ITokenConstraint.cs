namespace ArcSynth.Model.Sampling;

/// <summary>What one sampled stream may emit next; the DSL grammar implements it so that every sample parses and type-checks.</summary>
public interface ITokenConstraint
{
    /// <summary>Sets mask[id] to whether token id may come next.</summary>
    void AllowedTokens(Span<bool> mask);

    void Advance(int token);

    /// <summary>Whether the stream has ended (no token may follow).</summary>
    bool IsComplete { get; }
}
