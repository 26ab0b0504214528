using ArcSynth.Dsl.Registry;
using ArcSynth.Synthesis.Phases;
using ArcSynth.Synthesis.Search;
using ArcSynth.Synthesis.Store;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// The CodeIt loop. Before iteration 0 the model trains on the original data (seeds and their
/// mutations); then each meta-iteration samples programs for every target task from its
/// demonstrations, searches from them and the seeds (<see cref="ShardSearch"/>), runs and scores
/// what it sampled and found, relabels every program that gave a valid grid with what it
/// really produced (hindsight) into the prioritized replay buffer, retrains on buffer samples mixed
/// with the original data, compresses the programs of solved tasks, and records its figures.
/// Every step is one transaction of the store; <see cref="RunAsync"/> on an existing run skips the
/// steps already completed and rebuilds the ledger and buffer from the stored programs, so a run
/// killed at any moment resumes where it stopped and loses no completed work.
/// Every step can be done by any node that shares the store and the home folder
/// (<see cref="RunStepAsync"/>, handed out by an <see cref="IStepDispatcher"/>): sampling is split
/// into shards of target tasks that depend only on the iteration's starting checkpoint and the seed,
/// and the ledger and buffer are read back from the store in one canonical order, so a run gives
/// the same results however its steps were spread.
/// </summary>
public sealed class CodeItLoop(IRunStore store, string home, PrimitiveRegistry registry, IProgress<LoopProgress>? progress = null, IStepDispatcher? steps = null)
{
    private static readonly ILoopPhase Pretrain = new PretrainPhase();

    /// <summary>Each iteration's phases, in order.</summary>
    private static readonly ILoopPhase[] Iteration = [new SamplePhase(), new TrainPhase(), new RecallPhase(), new CompressPhase(), new RecordPhase()];

    private static readonly Dictionary<string, ILoopPhase> ByName = Iteration.Prepend(Pretrain).ToDictionary(p => p.Name, StringComparer.Ordinal);

    private RunContext? _run;

    /// <summary>This process as the store's steps name the node that completed them.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// Runs (or resumes) a running run to the end: each step of its plan that the store does not have yet,
    /// here one after the other or, with a dispatcher, handed to the nodes of a cluster; then marks it Completed.
    /// The loop writes no other status: when it stops (cancelled, or on an error), whoever runs it knows
    /// why and moves the run (<see cref="RunTransitions"/>): a pause, a failure, or a node that stops and
    /// leaves the run Running for the next one.
    /// </summary>
    public async Task RunAsync(long runId, CancellationToken cancellation = default)
    {
        var status = (await store.GetRunAsync(runId, cancellation) ?? throw new ArgumentException($"no run {runId} in the store")).Status;
        if (status != RunStatus.Running) throw new InvalidOperationException($"run {runId} is {status}, not running");
        var run = _run = await RunContext.LoadAsync(store, home, registry, progress, Node, runId, cancellation);
        var done = (await store.StepsAsync(runId, cancellation)).Select(s => (s.Iteration, s.Phase, s.Shard)).ToHashSet();
        foreach (var (iteration, phase) in Plan(run.Settings))
        {
            var shards = phase.Steps(run);
            var pending = Enumerable.Range(0, shards).Where(shard => !done.Contains((iteration, phase.Name, shard))).ToList();
            if (pending.Count == 0) continue;
            if (steps is null)
                foreach (var shard in pending) await RunStepAsync(runId, iteration, phase.Name, shard, cancellation);
            else
            {
                run.Report(iteration, phase.Name, shards - pending.Count, shards, $"{pending.Count} of {shards} handed out");
                await steps.RunAsync(runId, iteration, phase.Name, pending, (shard, c) => RunStepAsync(runId, iteration, phase.Name, shard, c), cancellation);
            }
        }
        await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Completed, cancellation);
    }

    /// <summary>A run's phases in the order they are done: pretraining, then each iteration's sampling shards, training, forgetting probe, compression and record.</summary>
    private static IEnumerable<(int Iteration, ILoopPhase Phase)> Plan(LoopSettings settings)
    {
        yield return (0, Pretrain);
        for (var it = 0; it < settings.Iterations; it++)
            foreach (var phase in Iteration)
                yield return (it, phase);
    }

    /// <summary>
    /// Does one step of a run and stores it as one transaction. Any node can: a step reads only the
    /// store, the run's data and the home folder's checkpoints. Steps of the same run done one after
    /// the other by one loop reuse what the earlier ones loaded. Returns false when the step was
    /// already stored (by another node), true when this call stored it.
    /// </summary>
    public async Task<bool> RunStepAsync(long runId, int iteration, string phase, int shard, CancellationToken cancellation = default)
    {
        if (!ByName.TryGetValue(phase, out var step)) throw new ArgumentException($"a run has no phase '{phase}'", nameof(phase));
        if (_run?.RunId != runId) _run = await RunContext.LoadAsync(store, home, registry, progress, Node, runId, cancellation);
        return await step.RunAsync(_run, iteration, shard, cancellation);
    }
}
