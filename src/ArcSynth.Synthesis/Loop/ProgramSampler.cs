using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Values;
using ArcSynth.Model.Sampling;
using ArcSynth.Model.Tokenization;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// Draws programs for a task from the model: the prompt is the task's demonstrations alone (never a
/// test output), each stream decoded under the DSL grammar so that what comes out parses and
/// type-checks. Streams that do not finish within the token budget are counted, not returned.
/// </summary>
public sealed class ProgramSampler(Gpt model, SequenceBuilder sequences, Func<ITokenConstraint> grammar, SamplingSettings settings)
{
    private readonly Generator _generator = new(model);
    private readonly ProgramTokenizer _tokenizer = new(sequences.Vocabulary);

    /// <summary>Up to <paramref name="count"/> programs named <c>{prefix}k{i}_{taskId}</c>, and how many streams gave none.</summary>
    public (IReadOnlyList<FunctionDef> Programs, int Failed) Sample(string taskId, IReadOnlyList<(Grid Input, Grid Output)> demonstrations, int count, string prefix, Random random,
        CancellationToken cancellation)
    {
        var (prompt, _) = sequences.Prompt(demonstrations);
        var streams = Enumerable.Range(0, count).Select(_ => grammar()).ToArray();
        var sampled = _generator.Sample(prompt, streams, settings, random, cancellation);
        var programs = new List<FunctionDef>();
        var failed = 0;
        for (var i = 0; i < sampled.Count; i++)
        {
            if (sampled[i] is not { } tokens)
            {
                failed++;
                continue;
            }
            try
            {
                programs.Add(_tokenizer.DecodeProgram(tokens, $"{prefix}k{i}_{taskId}"));
            }
            catch (ProgramException)
            {
                // The grammar should make this impossible; a program that still fails to parse counts as failed.
                failed++;
            }
        }
        return (programs, failed);
    }
}
