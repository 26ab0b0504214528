using ArcSynth.Dsl.Registry;
using ArcSynth.Primitives.Compiling;
using ArcSynth.Primitives.Library;

namespace ArcSynth.Server.Primitives;

/// <summary>
/// The registry runs started by this server use, and submissions to it: an accepted primitive is
/// stored in the home folder and the registry reloaded, so the next run uses it at once. Submissions
/// are checked one at a time; a hostile one is refused or stopped by the checks, never run unbudgeted.
/// </summary>
public sealed class PrimitiveCatalog(ServerOptions options)
{
    private readonly SemaphoreSlim _submitting = new(1, 1);
    private (PrimitiveRegistry Registry, string Version) _current = (options.Registry, options.RegistryVersion);

    public PrimitiveRegistry Registry => _current.Registry;

    public string Version => _current.Version;

    /// <summary>Checks <paramref name="source"/> (named <paramref name="fileName"/> in messages) and, when accepted, adds it.</summary>
    public async Task<SubmissionResult> SubmitAsync(string fileName, string source, CancellationToken cancellationToken)
    {
        await _submitting.WaitAsync(cancellationToken);
        var folder = Directory.CreateTempSubdirectory("arcsynth-submission-");
        try
        {
            var path = Path.Combine(folder.FullName, Path.GetFileName(fileName));
            await File.WriteAllTextAsync(path, source, cancellationToken);
            // Compiling and running the examples is CPU work that must not hold a request thread's context.
            var result = await Task.Run(() => PrimitiveLibrary.Add(options.Home, path, Registry), cancellationToken);
            if (result.Accepted)
            {
                var loaded = PrimitiveLibrary.Load(options.Home, options.ContribFolder);
                _current = (loaded.Registry, loaded.Version);
            }
            return result with { Errors = result.Errors.Select(e => e with { File = Path.GetFileName(fileName) }).ToList() };
        }
        finally
        {
            folder.Delete(recursive: true);
            _submitting.Release();
        }
    }
}
