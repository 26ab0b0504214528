using ArcSynth.Primitives.Library;

namespace ArcSynth.Cli.Commands;

/// <summary>The one registry a command works with: the built-in primitives, <c>dsl/contrib/</c> and those accepted into the store.</summary>
internal static class Registries
{
    /// <summary>The repository's contrib folder, from the working directory (where ./arcsynth runs).</summary>
    public static string ContribFolder => Path.Combine(Environment.CurrentDirectory, "dsl", "contrib");

    /// <summary>Loads the registry; files that no longer pass their checks are reported on <paramref name="error"/> and left out.</summary>
    public static async Task<PrimitiveLibrary.Loaded> LoadAsync(IPrimitiveStore store, TextWriter error, CancellationToken cancellationToken)
    {
        var loaded = await PrimitiveLibrary.LoadAsync(store, ContribFolder, cancellationToken);
        foreach (var e in loaded.Errors) error.WriteLine($"arcsynth: primitive left out: {e}");
        return loaded;
    }
}
