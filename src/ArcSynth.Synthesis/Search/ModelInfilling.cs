using ArcSynth.Data.Search;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Model.Decoding;
using ArcSynth.Model.Sampling;
using ArcSynth.Model.Tokenization;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Search;

/// <summary>
/// The model as the guided search's line filler (infilling, seed 000's omnidirectional editing): the
/// model reads a task's demonstrations and a program with one line's value masked, and writes values
/// for that line under the grammar, over the names in scope there. Each search thread decodes with
/// its own activations over the model's shared weights (a task's search stays on one thread).
/// </summary>
internal sealed class ModelInfilling(Gpt model, SequenceBuilder sequences, PrimitiveRegistry registry, SamplingSettings settings)
{
    private readonly ThreadLocal<Generator> _generators = new(() => new Generator(new Gpt(model.Config, model.Parameters)));
    private readonly SequenceBuilder _sequences = sequences;
    private readonly SamplingSettings _settings = settings;
    private readonly ProgramTokenizer _tokenizer = new(sequences.Vocabulary);
    // Infilling reads programs of any length the vocabulary can name, longer than those the sampler writes.
    private readonly ProgramGrammar _grammar = new(sequences.Vocabulary, registry, Vocabulary.MaxVariables);

    /// <summary>A filler for <paramref name="task"/>'s search: its prompt holds the demonstrations alone, never a test output.</summary>
    public ILineFiller For(ArcTask task) => new Filler(this, _sequences.Prompt(task.Train.Select(e => (e.Input, e.Output!)).ToList()).Tokens);

    private sealed class Filler(ModelInfilling owner, int[] taskPrompt) : ILineFiller
    {
        /// <summary>The task's prompt run through the model once, at the first line asked for: every line of every program starts from it.</summary>
        private PromptCache? _task;

        public IReadOnlyList<Expr> Fill(FunctionDef program, int line, int count, Random random)
        {
            if (count <= 0 || program.Body.Count > Vocabulary.MaxVariables) return [];
            var (masked, _) = owner._tokenizer.EncodeMasked(program, line);
            var before = masked[..masked.IndexOf(owner._sequences.Vocabulary.Id("<fill>"))];
            if (owner._sequences.InfillPrompt(taskPrompt, masked) is not { } prompt || owner._grammar.Line(before) is not { } first) return [];
            List<ITokenConstraint> streams = [first, .. Enumerable.Range(1, count - 1).Select(_ => owner._grammar.Line(before)!)];
            var generator = owner._generators.Value!;
            _task ??= generator.Prefill(taskPrompt);
            var names = Names(program, line);
            var values = new List<Expr>();
            foreach (var tokens in generator.Sample(_task, prompt.AsSpan(taskPrompt.Length), streams, owner._settings, random))
                if (tokens is not null && Value(tokens, names) is { } value) values.Add(value);
            return values;
        }

        /// <summary>
        /// The program's own name for each renamed variable the line can read (x1 for the first line's
        /// target, ...), leaving out one that a later line reassigns before this one: the line cannot read it.
        /// </summary>
        private static Dictionary<string, string> Names(FunctionDef program, int line)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["I"] = program.Parameters[0].Name };
            for (var i = 0; i < line; i++)
                if (!program.Body.Skip(i + 1).Take(line - i - 1).Any(a => a.Target == program.Body[i].Target)) names[$"x{i + 1}"] = program.Body[i].Target;
            return names;
        }

        /// <summary>The value the tokens spell (without the line's end), in the program's names; null where it reads a name the line cannot.</summary>
        private Expr? Value(int[] tokens, Dictionary<string, string> names)
        {
            var text = new System.Text.StringBuilder();
            foreach (var id in tokens)
            {
                var token = owner._sequences.Vocabulary.Token(id);
                if (token == "\n") break;
                if (token.Length > 1 && token[0] == 'x' && char.IsAsciiDigit(token[1]) && !names.TryGetValue(token, out _)) return null;
                text.Append(token == "," ? ", " : names.GetValueOrDefault(token, token));
            }
            try
            {
                return ProgramParser.ParseFunction($"def infilled(I):\n    value = {text}\n    return value\n", "<infilled>").Body[0].Value;
            }
            catch (ProgramException)
            {
                return null;
            }
        }
    }
}
