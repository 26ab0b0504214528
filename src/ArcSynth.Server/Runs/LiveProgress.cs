using System.Collections.Concurrent;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Server.Runs;

/// <summary>
/// The jobs executing in this process (Quartz's in-memory store lists no firings), and what their
/// loops last reported, per run: the phase and how far through it.
/// </summary>
public sealed class LiveProgress
{
    private readonly ConcurrentDictionary<long, LoopProgress> _latest = new();
    private readonly ConcurrentDictionary<Quartz.JobKey, byte> _executing = new();

    public void Executing(Quartz.JobKey job) => _executing[job] = 0;

    public void Done(Quartz.JobKey job) => _executing.TryRemove(job, out _);

    public bool IsExecuting(Quartz.JobKey job) => _executing.ContainsKey(job);

    /// <summary>Where run <paramref name="runId"/>'s loop reports, synchronously and in order.</summary>
    public IProgress<LoopProgress> For(long runId) => new Reporter(this, runId);

    public LoopProgress? Of(long runId) => _latest.TryGetValue(runId, out var p) ? p : null;

    public void Forget(long runId) => _latest.TryRemove(runId, out _);

    private sealed class Reporter(LiveProgress board, long runId) : IProgress<LoopProgress>
    {
        public void Report(LoopProgress value) => board._latest[runId] = value;
    }
}
