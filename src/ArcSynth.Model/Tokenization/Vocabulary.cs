using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Model.Tokenization;

/// <summary>
/// The domain vocabulary: special and structure tokens, grid colours, sizes and positions, the
/// program language's punctuation, variables, digits and constants, then one token per primitive in
/// the registry's order. Ids only ever grow: <see cref="Extend"/> appends the primitives a newer
/// registry adds and keeps every existing id, so a trained model's embeddings stay valid.
/// As a dictionary it maps each token to its id, as the vocabularies of Microsoft.ML.Tokenizers do.
/// </summary>
public sealed class Vocabulary : IReadOnlyDictionary<string, int>
{
    public const int MaxVariables = 99;
    public const int MaxSide = 30;

    private readonly List<string> _tokens;
    private readonly Dictionary<string, int> _ids;

    private Vocabulary(List<string> tokens)
    {
        _tokens = tokens;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
            if (!_ids.TryAdd(tokens[i], i)) throw new ArgumentException($"token '{tokens[i]}' appears twice in the vocabulary");
    }

    /// <summary>The tokens every vocabulary starts with, in a fixed order.</summary>
    private static IEnumerable<string> Fixed()
    {
        // "<fill>" (infilling: the masked line, and where its value is written) holds the place of a "<bos>"
        // that no sequence ever used, so every id, and every stored checkpoint, stays as it was.
        string[] specials = ["<pad>", "<fill>", "<eos>", "<task>", "<input>", "<output>", "<test>", "<cut>", "<program>", "<grid>", "<sparse>", "<row>"];
        string[] punctuation = ["\n", "=", "(", ")", ",", "return", "-"];
        return specials
            .Concat(Enumerable.Range(0, 10).Select(c => $"c{c}"))
            .Concat(Enumerable.Range(1, MaxSide).Select(n => $"n{n}"))
            .Concat(Enumerable.Range(0, MaxSide).Select(p => $"p{p}"))
            .Concat(punctuation)
            .Concat(Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(["I", "O"])
            .Concat(Enumerable.Range(1, MaxVariables).Select(v => $"x{v}"))
            .Concat(DslConstants.All.Select(c => c.Name));
    }

    /// <summary>A vocabulary for the registry's primitives.</summary>
    public static Vocabulary For(PrimitiveRegistry registry) => new([.. Fixed(), .. registry.All.Select(p => p.Name)]);

    /// <summary>This vocabulary with the registry's primitives it lacks appended; existing ids unchanged.</summary>
    public Vocabulary Extend(PrimitiveRegistry registry) => new([.. _tokens, .. registry.All.Select(p => p.Name).Where(n => !_ids.ContainsKey(n))]);

    public int Count => _tokens.Count;

    public int Id(string token) => _ids.TryGetValue(token, out var id) ? id : throw new KeyError($"'{token}' is not in the vocabulary");

    public bool TryId(string token, out int id) => _ids.TryGetValue(token, out id);

    public int this[string token] => Id(token);

    public IEnumerable<string> Keys => _tokens;

    public IEnumerable<int> Values => Enumerable.Range(0, _tokens.Count);

    public bool ContainsKey(string token) => _ids.ContainsKey(token);

    public bool TryGetValue(string token, [MaybeNullWhen(false)] out int id) => _ids.TryGetValue(token, out id);

    /// <summary>The tokens with their ids, in id order.</summary>
    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => _tokens.Select((t, i) => KeyValuePair.Create(t, i)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string Token(int id) => (uint)id < (uint)_tokens.Count ? _tokens[id] : throw new KeyError($"token id {id} is not in the vocabulary of {Count}");

    /// <summary>The tokens as a JSON list, id order (saved beside checkpoints).</summary>
    public string ToJson() => JsonSerializer.Serialize(_tokens);

    public static Vocabulary FromJson(string json) =>
        new(JsonSerializer.Deserialize<List<string>>(json) ?? throw new FormatException("a vocabulary is a JSON list of tokens"));

    /// <summary>A token or id the vocabulary does not have.</summary>
    public sealed class KeyError(string message) : KeyNotFoundException(message);
}
