using System.Collections.Concurrent;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Server.Runs;

/// <summary>What the loops executing in this process last reported, per run: the phase and how far through it.</summary>
public sealed class LiveProgress
{
    private readonly ConcurrentDictionary<long, LoopProgress> _latest = new();

    /// <summary>Where run <paramref name="runId"/>'s loop reports, synchronously and in order.</summary>
    public IProgress<LoopProgress> For(long runId) => new Reporter(this, runId);

    public LoopProgress? Of(long runId) => _latest.TryGetValue(runId, out var p) ? p : null;

    public void Forget(long runId) => _latest.TryRemove(runId, out _);

    private sealed class Reporter(LiveProgress board, long runId) : IProgress<LoopProgress>
    {
        public void Report(LoopProgress value) => board._latest[runId] = value;
    }
}
