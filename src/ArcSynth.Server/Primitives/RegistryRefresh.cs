using Microsoft.Extensions.Logging;

namespace ArcSynth.Server.Primitives;

/// <summary>
/// Before a run's loop or one of its steps starts on this node, brings <see cref="PrimitiveCatalog"/> up to
/// the store's primitives, so the run uses every primitive accepted so far on any node of the cluster.
/// </summary>
internal sealed class RegistryRefresh(PrimitiveCatalog catalog, ILogger<RegistryRefresh> logger)
{
    public async Task BeforeJobAsync(CancellationToken cancellationToken)
    {
        try
        {
            await catalog.RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            // The job meets the outage itself and goes on later, refreshing then.
            logger.LogWarning("could not refresh the primitive registry: {Message}", e.Message);
        }
    }
}
