using System.Text.Json;
using ArcSynth.Dsl.Registry;
using ArcSynth.Primitives.Compiling;

namespace ArcSynth.Primitives.Library;

/// <summary>
/// The primitives researchers added, and the one registry they make with the built-in ones. Files
/// in the repository's <c>dsl/contrib/</c> come first, then those accepted into a home folder
/// (<c>HOME/primitives/</c>, in the order <c>registry.json</c> lists them), each compiled and checked
/// again at load. Primitives are only ever appended, so existing token ids stay valid.
/// </summary>
public static class PrimitiveLibrary
{
    private const string Manifest = "registry.json";

    /// <summary>A loaded registry: its version (built-in version plus one per accepted file) and the files that failed their checks, with why.</summary>
    public sealed record Loaded(PrimitiveRegistry Registry, string Version, IReadOnlyList<string> Added, IReadOnlyList<SubmissionError> Errors);

    private sealed record ManifestFile(int Version, List<string> Files);

    public static string Folder(string home) => Path.Combine(home, "primitives");

    /// <summary>The built-in registry extended with <paramref name="contribFolder"/>'s files and the home's accepted ones.</summary>
    public static Loaded Load(string home, string? contribFolder)
    {
        var registry = PrimitiveRegistry.BuiltIn;
        var errors = new List<SubmissionError>();
        var added = new List<string>();
        var files = (contribFolder is not null && Directory.Exists(contribFolder) ? Directory.GetFiles(contribFolder, "*.cs").Order(StringComparer.Ordinal).ToList() : new List<string>())
            .Concat(ReadManifest(home).Files.Select(f => Path.Combine(Folder(home), f)));
        foreach (var file in files)
        {
            var result = SubmissionCompiler.Compile(File.ReadAllText(file), file, registry);
            if (!result.Accepted)
            {
                errors.AddRange(result.Errors);
                continue;
            }
            registry = registry.With(result.Primitives);
            added.AddRange(result.Primitives.Select(p => p.Name));
        }
        return new Loaded(registry, Describe(registry, added), added, errors);
    }

    /// <summary>
    /// Checks <paramref name="sourceFile"/> against <paramref name="current"/> and, when accepted,
    /// stores it in the home folder and bumps the manifest's version. Nothing is stored otherwise.
    /// </summary>
    public static SubmissionResult Add(string home, string sourceFile, PrimitiveRegistry current)
    {
        var source = File.ReadAllText(sourceFile);
        var result = SubmissionCompiler.Compile(source, sourceFile, current);
        if (!result.Accepted) return result;
        var folder = Directory.CreateDirectory(Folder(home)).FullName;
        var manifest = ReadManifest(home);
        var name = result.Primitives[0].Name + ".cs";
        var staging = Path.Combine(folder, name + ".saving");
        File.WriteAllText(staging, source);
        File.Move(staging, Path.Combine(folder, name), overwrite: true);
        var updated = new ManifestFile(manifest.Version + 1, [.. manifest.Files.Where(f => f != name), name]);
        File.WriteAllText(Path.Combine(folder, Manifest + ".saving"), JsonSerializer.Serialize(updated));
        File.Move(Path.Combine(folder, Manifest + ".saving"), Path.Combine(folder, Manifest), overwrite: true);
        return result;
    }

    private static ManifestFile ReadManifest(string home)
    {
        var path = Path.Combine(Folder(home), Manifest);
        if (!File.Exists(path)) return new ManifestFile(0, []);
        try
        {
            return JsonSerializer.Deserialize<ManifestFile>(File.ReadAllText(path)) ?? new ManifestFile(0, []);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a primitive manifest ({e.Message})", e);
        }
    }

    private static string Describe(PrimitiveRegistry registry, IReadOnlyList<string> added) =>
        added.Count == 0 ? $"{registry.Version}" : $"{registry.Version} (+{string.Join(", +", added)})";
}
