using ArcSynth.Dsl.Registry;
using ArcSynth.Primitives.Compiling;

namespace ArcSynth.Primitives.Library;

/// <summary>
/// The primitives researchers added, and the one registry they make with the built-in ones. Files
/// in the repository's <c>dsl/contrib/</c> come first, then the sources accepted into the store (in
/// the order accepted), each compiled and checked again at load. Primitives are only ever appended,
/// so existing token ids stay valid.
/// </summary>
public static class PrimitiveLibrary
{
    /// <summary>
    /// A loaded registry: its version (built-in version plus one per loaded file, with the added names),
    /// the store's <see cref="IPrimitiveStore.PrimitivesVersionAsync"/> it was read at, the primitives
    /// added to the built-in ones, and the files left out because they failed their checks, with why.
    /// </summary>
    public sealed record Loaded(PrimitiveRegistry Registry, string Version, long StoreVersion, IReadOnlyList<AddedPrimitive> Added, IReadOnlyList<SubmissionError> Errors)
    {
        public PrimitiveOrigin OriginOf(string name) => Added.FirstOrDefault(a => a.Name == name)?.Origin ?? PrimitiveOrigin.BuiltIn;
    }

    /// <summary>A primitive added to the built-in ones, and where it comes from.</summary>
    public sealed record AddedPrimitive(string Name, PrimitiveOrigin Origin);

    /// <summary>
    /// The registry every process on <paramref name="store"/> uses: the built-in primitives, then
    /// <paramref name="contribFolder"/>'s files, then the store's accepted sources. A source that no
    /// longer passes its checks, or that fails in any way while being checked, is left out with the
    /// reason in <see cref="Loaded.Errors"/>; nothing it does stops the load.
    /// </summary>
    public static async Task<Loaded> LoadAsync(IPrimitiveStore store, string? contribFolder, CancellationToken cancellationToken = default)
    {
        var stored = await store.PrimitivesAsync(cancellationToken);
        var contrib = contribFolder is not null && Directory.Exists(contribFolder)
            ? Directory.GetFiles(contribFolder, "*.cs").Order(StringComparer.Ordinal).Select(f => (File: f, Source: File.ReadAllText(f), Origin: PrimitiveOrigin.Contrib))
            : [];
        var registry = PrimitiveRegistry.BuiltIn;
        var errors = new List<SubmissionError>();
        var added = new List<AddedPrimitive>();
        foreach (var (file, source, origin) in contrib.Concat(stored.Select(s => (File: s.FileName, s.Source, Origin: PrimitiveOrigin.Submitted))))
        {
            SubmissionResult result;
            try
            {
                result = SubmissionCompiler.Compile(source, file, registry);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A stored source is only as trustworthy as whoever can write the database.
                errors.Add(new SubmissionError(file, 0, 0, $"could not be checked: {e.GetType().Name}: {e.Message}"));
                continue;
            }
            if (!result.Accepted)
            {
                errors.AddRange(result.Errors);
                continue;
            }
            registry = registry.With(result.Primitives);
            added.AddRange(result.Primitives.Select(p => new AddedPrimitive(p.Name, origin)));
        }
        var version = added.Count == 0 ? $"{registry.Version}" : $"{registry.Version} (+{string.Join(", +", added.Select(a => a.Name))})";
        return new Loaded(registry, version, stored.Count == 0 ? 0 : stored[^1].Sequence, added, errors);
    }

    /// <summary>
    /// Checks <paramref name="source"/> (named <paramref name="fileName"/> in its errors) against
    /// <paramref name="current"/> and, when accepted, keeps it in <paramref name="store"/> as its first
    /// primitive's name with <c>.cs</c>; nothing is stored otherwise. Reload to use it. Throws
    /// <see cref="PrimitiveConflictException"/> when another process stored that name since <paramref name="current"/> was loaded.
    /// </summary>
    public static async Task<SubmissionResult> AddAsync(IPrimitiveStore store, string fileName, string source, Loaded current, CancellationToken cancellationToken = default)
    {
        // Compiling and running the examples is CPU work that must not hold the caller's thread.
        var result = await Task.Run(() => SubmissionCompiler.Compile(source, fileName, current.Registry), cancellationToken);
        if (result.Accepted) await store.AddPrimitiveAsync(result.Primitives[0].Name + ".cs", source, current.StoreVersion, cancellationToken);
        return result;
    }
}
