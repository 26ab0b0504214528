using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// Hands an iteration's sampling shards to the cluster as <see cref="SampleShardJob"/>s (any node,
/// this one included, takes them) and waits until the store has each one. A shard whose job ended
/// without storing it (it failed, or its run was paused) is fired again, at most
/// <see cref="MaxFirings"/> times; one whose node died is fired again by Quartz's recovery.
/// </summary>
internal sealed class ClusterShards(IRunStore store, ISchedulerFactory schedulers, ILogger<ClusterShards> logger) : IShardDispatcher
{
    public const int MaxFirings = 3;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(long runId, int iteration, IReadOnlyList<int> shards, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var firings = shards.ToDictionary(s => s, _ => 1);
        foreach (var shard in shards) await SampleShardJob.FireAsync(scheduler, runId, iteration, shard, cancellationToken);
        var waiting = shards.ToHashSet();
        while (true)
        {
            await Task.Delay(Poll, cancellationToken);
            try
            {
                waiting.ExceptWith(await StoredAsync(runId, iteration, cancellationToken));
                if (waiting.Count == 0) return;
                foreach (var shard in waiting.ToList())
                {
                    if (await scheduler.Exists(SampleShardJob.KeyOf(runId, iteration, shard), cancellationToken)) continue;
                    // Its job is gone: stored since the look above, or ended without storing it.
                    if ((await StoredAsync(runId, iteration, cancellationToken)).Contains(shard)) continue;
                    if (firings[shard]++ == MaxFirings)
                        throw new InvalidOperationException($"run {runId}: sampling shard {shard} of iteration {iteration} failed {MaxFirings} times (the nodes' logs say why)");
                    logger.LogWarning("run {RunId} iteration {Iteration}: shard {Shard} ended without being stored; firing it again", runId, iteration, shard);
                    await SampleShardJob.FireAsync(scheduler, runId, iteration, shard, cancellationToken);
                }
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                logger.LogWarning("run {RunId}: database unavailable while waiting for shards ({Message}); still waiting", runId, e.Message);
            }
        }
    }

    private async Task<HashSet<int>> StoredAsync(long runId, int iteration, CancellationToken cancellationToken) =>
        (await store.StepsAsync(runId, cancellationToken)).Where(s => s.Iteration == iteration && s.Phase == LoopPhases.Sample).Select(s => s.Shard).ToHashSet();
}
