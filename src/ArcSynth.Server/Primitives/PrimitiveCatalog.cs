using ArcSynth.Dsl.Registry;
using ArcSynth.Primitives.Compiling;
using ArcSynth.Primitives.Library;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Server.Primitives;

/// <summary>
/// The registry runs on this node use, and submissions to it. It is the built-in primitives,
/// <c>dsl/contrib/</c> and the store's accepted sources (<see cref="PrimitiveLibrary.LoadAsync"/>),
/// loaded again whenever the store's primitive version moved on: at start, when the registry is
/// listed, before a run is created and before a run's loop starts here (<see cref="RegistryRefresh"/>),
/// so a primitive accepted on any node of the cluster is used by the next run on every node. A stored
/// source that no longer passes its checks is left out with the reason logged. Submissions are
/// checked one at a time; a hostile one is refused or stopped by the checks, never run unbudgeted.
/// </summary>
public sealed class PrimitiveCatalog(IPrimitiveStore store, ServerOptions options, ILogger<PrimitiveCatalog> logger)
{
    private readonly SemaphoreSlim _loading = new(1, 1);

    // The built-in registry until the first refresh (ArcSynthServer refreshes before serving); no store is at version -1.
    private PrimitiveLibrary.Loaded _current = new(PrimitiveRegistry.BuiltIn, $"{PrimitiveRegistry.BuiltIn.Version}", -1, [], []);

    /// <summary>The registry as last loaded, with its version and where each primitive comes from.</summary>
    public PrimitiveLibrary.Loaded Current => _current;

    public PrimitiveRegistry Registry => _current.Registry;

    public string Version => _current.Version;

    /// <summary>Loads the registry again when the store's primitives changed since the last load.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            await RefreshLockedAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Checks <paramref name="source"/> (named <paramref name="fileName"/> in messages) and, when accepted, keeps it in the store and loads it.</summary>
    public async Task<SubmissionResult> SubmitAsync(string fileName, string source, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            // Checked against the newest registry of the cluster, so a name another node accepted is refused here too.
            await RefreshLockedAsync(cancellationToken);
            var result = await PrimitiveLibrary.AddAsync(store, fileName, source, _current, cancellationToken);
            if (result.Accepted) await RefreshLockedAsync(cancellationToken);
            return result;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task RefreshLockedAsync(CancellationToken cancellationToken)
    {
        if (await store.PrimitivesVersionAsync(cancellationToken) == _current.StoreVersion) return;
        var loaded = await PrimitiveLibrary.LoadAsync(store, options.ContribFolder, cancellationToken);
        foreach (var e in loaded.Errors) logger.LogWarning("primitive left out: {Reason}", e.ToString());
        logger.LogInformation("primitive registry {Version}", loaded.Version);
        _current = loaded;
    }
}
