using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Values;
using ArcSynth.Model.Tokenization;

namespace ArcSynth.Model.Training;

/// <summary>
/// Turns (demonstrations, program) into what the model reads: the task's tokens (demonstrations
/// only, within the task budget, cuts marked), <c>&lt;program&gt;</c>, the program's tokens, <c>&lt;eos&gt;</c>.
/// The task budget is the context less <see cref="MaxProgramTokens"/>, so a sampled program always
/// has room.
/// </summary>
public sealed class SequenceBuilder(Vocabulary vocabulary, int contextLength, int maxProgramTokens)
{
    private readonly TaskEncoder _tasks = new(vocabulary);
    private readonly ProgramTokenizer _programs = new(vocabulary);

    public int MaxProgramTokens => maxProgramTokens;

    public Vocabulary Vocabulary => vocabulary;

    /// <summary>The prompt for a task: its tokens and <c>&lt;program&gt;</c>; how many pairs the budget cut.</summary>
    public (int[] Tokens, int CutPairs) Prompt(IReadOnlyList<(Grid Input, Grid Output)> demonstrations)
    {
        var encoded = _tasks.Encode(demonstrations, null, contextLength - maxProgramTokens - 1);
        return ([.. encoded.Tokens, vocabulary.Id("<program>")], encoded.CutPairs);
    }

    /// <summary>
    /// The training sequence, or null when the program's tokens exceed <see cref="MaxProgramTokens"/>
    /// or it has more lines than the vocabulary has variables (the search's edits can grow a program that long).
    /// </summary>
    public TrainingSequence? Sequence(IReadOnlyList<(Grid Input, Grid Output)> demonstrations, FunctionDef program)
    {
        if (program.Body.Count > Vocabulary.MaxVariables) return null;
        var body = _programs.Encode(program);
        if (body.Count + 1 > maxProgramTokens) return null;
        var (prompt, _) = Prompt(demonstrations);
        return new TrainingSequence([.. prompt, .. body, vocabulary.Id("<eos>")], prompt.Length);
    }

    /// <summary>
    /// The prompt of infilling a line (omnidirectional editing): a task's <see cref="Prompt"/>, the program
    /// with that line's value masked by <c>&lt;fill&gt;</c> (<see cref="ProgramTokenizer.EncodeMasked"/>),
    /// then <c>&lt;fill&gt;</c> again, after which the model writes the value and the line's end. Null where
    /// the masked program leaves the value no room within <see cref="MaxProgramTokens"/>.
    /// </summary>
    public int[]? InfillPrompt(int[] prompt, IReadOnlyList<int> masked, int valueTokens = 1) =>
        masked.Count + 1 + valueTokens > maxProgramTokens ? null : [.. prompt, .. masked, vocabulary.Id("<fill>")];

    /// <summary>
    /// The training sequence of infilling line <paramref name="line"/> of <paramref name="program"/>:
    /// <see cref="InfillPrompt"/>, then the line's value and end, the loss on those alone; null as for <see cref="Sequence"/>.
    /// </summary>
    public TrainingSequence? Infill(IReadOnlyList<(Grid Input, Grid Output)> demonstrations, FunctionDef program, int line)
    {
        if (program.Body.Count > Vocabulary.MaxVariables) return null;
        var (masked, value) = _programs.EncodeMasked(program, line);
        if (InfillPrompt(Prompt(demonstrations).Tokens, masked, value.Count) is not { } prompt) return null;
        return new TrainingSequence([.. prompt, .. value], prompt.Length);
    }
}
