using System.Globalization;
using ArcSynth.Model.Tokenization;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;

namespace ArcSynth.Model.Checkpoints;

/// <summary>
/// A saved model, in one folder: <c>model.safetensors</c> (the weights, by PyTorch names),
/// <c>config.json</c> (GPT-2 style), <c>vocab.json</c> (the tokens in id order) and
/// <c>optimizer.safetensors</c> (AdamW's moments as <c>exp_avg.NAME</c> / <c>exp_avg_sq.NAME</c>,
/// its step in the metadata). Saving writes a sibling folder and renames it into place, so a crash
/// leaves the previous checkpoint whole.
/// </summary>
public static class Checkpoint
{
    public static void Save(string folder, Gpt model, Vocabulary vocabulary, AdamW? optimizer = null)
    {
        var full = Path.GetFullPath(folder);
        var staging = full + ".saving";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        Safetensors.Write(Path.Combine(staging, "model.safetensors"), Entries(model.Layout, model.Parameters, ""),
            new Dictionary<string, string> { ["format"] = "pt" });
        if (optimizer is not null)
            Safetensors.Write(Path.Combine(staging, "optimizer.safetensors"),
                Entries(model.Layout, optimizer.M, "exp_avg.").Concat(Entries(model.Layout, optimizer.V, "exp_avg_sq.")),
                new Dictionary<string, string> { ["step"] = optimizer.Step.ToString(CultureInfo.InvariantCulture) });
        File.WriteAllText(Path.Combine(staging, "config.json"), model.Config.ToJson());
        File.WriteAllText(Path.Combine(staging, "vocab.json"), vocabulary.ToJson());
        var old = full + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(full)) Directory.Move(full, old);
        Directory.Move(staging, full);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>Whether <paramref name="folder"/> holds a checkpoint to load, or its copy kept while a save replaced it.</summary>
    public static bool Exists(string folder) => Directory.Exists(folder) || Directory.Exists(folder + ".old");

    /// <summary>Loads a checkpoint folder; the optimizer is null when the folder has none.</summary>
    public static (Gpt Model, Vocabulary Vocabulary, AdamW? Optimizer) Load(string folder)
    {
        if (!Directory.Exists(folder) && Directory.Exists(folder + ".old")) folder += ".old";
        var configPath = Path.Combine(folder, "config.json");
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{folder}: no config.json; not a checkpoint folder", configPath);
        var config = ModelConfig.FromJson(File.ReadAllText(configPath), configPath);
        var vocabulary = Vocabulary.FromJson(File.ReadAllText(Path.Combine(folder, "vocab.json")));
        if (vocabulary.Count != config.VocabSize)
            throw new InvalidDataException($"{folder}: vocab.json has {vocabulary.Count} tokens but config.json says {config.VocabSize}");
        var model = new Gpt(config);
        var weightsPath = Path.Combine(folder, "model.safetensors");
        Fill(model.Layout, model.Parameters, Safetensors.Read(weightsPath).Tensors, "", weightsPath);
        AdamW? optimizer = null;
        var optimizerPath = Path.Combine(folder, "optimizer.safetensors");
        if (File.Exists(optimizerPath))
        {
            var (tensors, metadata) = Safetensors.Read(optimizerPath);
            optimizer = new AdamW(model.Layout.Size) { Step = int.Parse(metadata.GetValueOrDefault("step", "0"), CultureInfo.InvariantCulture) };
            Fill(model.Layout, optimizer.M, tensors, "exp_avg.", optimizerPath);
            Fill(model.Layout, optimizer.V, tensors, "exp_avg_sq.", optimizerPath);
        }
        return (model, vocabulary, optimizer);
    }

    private static IEnumerable<Safetensors.Entry> Entries(ParameterLayout layout, float[] buffer, string prefix) =>
        layout.Tensors.Select(t => new Safetensors.Entry(prefix + t.Name, t.Shape, buffer.AsMemory(t.Offset, t.Length)));

    private static void Fill(ParameterLayout layout, float[] buffer, IReadOnlyDictionary<string, Safetensors.Entry> tensors, string prefix, string path)
    {
        foreach (var (name, shape, offset, length) in layout.Tensors)
        {
            if (!tensors.TryGetValue(prefix + name, out var entry))
                throw new InvalidDataException($"{path}: tensor {prefix + name} is missing");
            if (!entry.Shape.SequenceEqual(shape))
                throw new InvalidDataException($"{path}: tensor {prefix + name} has shape [{string.Join(", ", entry.Shape)}], the config needs [{string.Join(", ", shape)}]");
            entry.Values.Span.CopyTo(buffer.AsSpan(offset, length));
        }
    }
}
