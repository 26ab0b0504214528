using System.Globalization;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// One sampling shard of a run's iteration, done by whichever node of the cluster fires it first
/// (<see cref="CodeItLoop.SampleShardAsync"/>). It requests recovery, so the shard of a node that
/// died mid-way is fired again on another node; the store keeps only the first completion of a
/// step, so nothing is counted twice. The run's node waits for it (<see cref="ClusterShards"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SampleShardJob(IRunStore store, ServerOptions options, Primitives.PrimitiveCatalog catalog, ILogger<SampleShardJob> logger) : IJob
{
    public const string Group = "shards";
    private const string RunIdKey = "runId";
    private const string IterationKey = "iteration";
    private const string ShardKey = "shard";

    public static JobKey KeyOf(long runId, int iteration, int shard) => new($"run-{runId}-i{iteration}-s{shard}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var (runId, iteration, shard) = (long.Parse(data.GetString(RunIdKey)!, CultureInfo.InvariantCulture),
            int.Parse(data.GetString(IterationKey)!, CultureInfo.InvariantCulture), int.Parse(data.GetString(ShardKey)!, CultureInfo.InvariantCulture));
        var node = context.Scheduler.SchedulerInstanceId;
        try
        {
            // A paused or cancelled run's shards wait for its next start, which hands them out again.
            if (await store.GetRunAsync(runId, cancellationToken) is not { Status: RunStatus.Running }) return;
            logger.LogInformation("run {RunId} iteration {Iteration} shard {Shard}: sampling on {Node}", runId, iteration, shard, node);
            var loop = new CodeItLoop(store, options.Home, catalog.Registry) { Node = node };
            var stored = await loop.SampleShardAsync(runId, iteration, shard, cancellationToken);
            logger.LogInformation("run {RunId} iteration {Iteration} shard {Shard}: {Outcome} by {Node}", runId, iteration, shard, stored ? "stored" : "already stored, dropped", node);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down or interrupted: the run's node hands the shard out again.
        }
        catch (Exception e)
        {
            // The run's node sees the shard missing and fires it again, up to its limit.
            logger.LogWarning(e, "run {RunId} iteration {Iteration} shard {Shard} failed on {Node}", runId, iteration, shard, node);
        }
    }

    /// <summary>Fires the shard now on any node (a firing already waiting for it is replaced).</summary>
    public static async Task FireAsync(IScheduler scheduler, long runId, int iteration, int shard, CancellationToken cancellationToken)
    {
        var key = KeyOf(runId, iteration, shard);
        var job = JobBuilder.Create<SampleShardJob>().WithIdentity(key).RequestRecovery()
            .UsingJobData(RunIdKey, runId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(IterationKey, iteration.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(ShardKey, shard.ToString(CultureInfo.InvariantCulture))
            .WithDescription($"sampling shard {shard} of iteration {iteration} of run {runId}").Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group).StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }
}
