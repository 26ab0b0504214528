using System.Globalization;
using ArcSynth.Server.Runs;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// One step of a run (pretraining, a sampling shard, training, compression or the record of an
/// iteration), done by whichever node of the cluster fires it first (<see cref="CodeItLoop.RunStepAsync"/>).
/// It requests recovery, so the step of a node that died mid-way is fired again on another node; the
/// store keeps only the first completion of a step, so nothing is counted twice. The run's job waits
/// for it (<see cref="ClusterSteps"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class StepJob(IRunStore store, ServerOptions options, Primitives.PrimitiveCatalog catalog, LiveProgress live,
    IHostApplicationLifetime lifetime, ILogger<StepJob> logger) : IJob
{
    public const string Group = "steps";
    private const string RunIdKey = "runId";
    private const string IterationKey = "iteration";
    private const string PhaseKey = "phase";
    private const string ShardKey = "shard";

    public static JobKey KeyOf(long runId, int iteration, string phase, int shard) => new($"run-{runId}-i{iteration}-{phase}-{shard}", Group);

    public static TriggerKey TriggerOf(long runId, int iteration, string phase, int shard) => new(KeyOf(runId, iteration, phase, shard).Name, Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var runId = long.Parse(data.GetString(RunIdKey)!, CultureInfo.InvariantCulture);
        var iteration = int.Parse(data.GetString(IterationKey)!, CultureInfo.InvariantCulture);
        var phase = data.GetString(PhaseKey)!;
        var shard = int.Parse(data.GetString(ShardKey)!, CultureInfo.InvariantCulture);
        var node = context.Scheduler.SchedulerInstanceId;
        // Stopped as soon as the node begins to stop, before Quartz shuts down under it (see RunJob).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var watch = StopWhenNotRunningAsync(runId, stop);
        try
        {
            // A paused or cancelled run's steps wait for its next start, which hands them out again.
            if (await store.GetRunAsync(runId, stop.Token) is not { Status: RunStatus.Running }) return;
            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: started on {Node}", runId, iteration, phase, shard, node);
            var loop = new CodeItLoop(store, options.Home, catalog.Registry, live.For(runId)) { Node = node };
            var stored = await loop.RunStepAsync(runId, iteration, phase, shard, stop.Token);
            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: {Outcome} by {Node}", runId, iteration, phase, shard, stored ? "stored" : "not stored (done already, or its run stopped)", node);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Shutting down, or the run was paused or cancelled: the run's job hands the step out again when it goes on.
            logger.LogInformation("run {RunId} iteration {Iteration} {Phase} {Shard}: stopped on {Node}", runId, iteration, phase, shard, node);
        }
        catch (Exception e)
        {
            // The run's job sees the step missing and fires it again, up to its limit.
            logger.LogWarning(e, "run {RunId} iteration {Iteration} {Phase} {Shard} failed on {Node}", runId, iteration, phase, shard, node);
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }
    }

    /// <summary>Stops the step (cancels <paramref name="stop"/>) once its run is no longer running: paused or cancelled from any node.</summary>
    private async Task StopWhenNotRunningAsync(long runId, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                if (await store.GetRunAsync(runId, stop.Token) is not { Status: RunStatus.Running }) await stop.CancelAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                // The database will tell once it is back; the step's own writes fail meanwhile anyway.
            }
        }
    }

    /// <summary>Fires the step now on any node (a firing already waiting for it is replaced).</summary>
    public static async Task FireAsync(IScheduler scheduler, long runId, int iteration, string phase, int shard, CancellationToken cancellationToken)
    {
        var key = KeyOf(runId, iteration, phase, shard);
        var job = JobBuilder.Create<StepJob>().WithIdentity(key).RequestRecovery()
            .UsingJobData(RunIdKey, runId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(IterationKey, iteration.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(PhaseKey, phase)
            .UsingJobData(ShardKey, shard.ToString(CultureInfo.InvariantCulture))
            .WithDescription($"{phase} {shard} of iteration {iteration} of run {runId}").Build();
        var trigger = TriggerBuilder.Create().WithIdentity(TriggerOf(runId, iteration, phase, shard)).StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }
}
