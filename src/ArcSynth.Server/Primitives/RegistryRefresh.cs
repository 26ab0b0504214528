using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Primitives;

/// <summary>
/// Before a run's loop starts on this node, brings <see cref="PrimitiveCatalog"/> up to the store's
/// primitives, so the run uses every primitive accepted so far on any node of the cluster.
/// </summary>
internal sealed class RegistryRefresh(PrimitiveCatalog catalog, ILogger<RegistryRefresh> logger) : IJobListener
{
    public string Name => "primitive-registry-refresh";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await catalog.RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            // The run's job meets the outage itself and fires again later, refreshing then.
            logger.LogWarning("could not refresh the primitive registry: {Message}", e.Message);
        }
    }
}
