using System.Diagnostics;
using ArcSynth.Dsl.Registry;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Synthesis.Tests;

/// <summary>A pause (or a stopping node) reaches the sampler: a run stops within a second or two, not at the end of its shard.</summary>
public sealed class LoopCancellationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-cancel-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_pause_in_the_middle_of_sampling_a_shard_stops_the_loop_within_two_seconds()
    {
        var home = Path.Combine(_folder, "home");
        await using var store = await TinyLoop.OpenAsync(home);
        // One shard of sixteen tasks, hundreds of streams each: sampling alone takes far longer than the bound
        // below, and each token step (all of a task's streams at once) stays short, as in a real run.
        var settings = TinyLoop.Settings() with { Iterations = 1, TargetLimit = 16, ShardTasks = 16, SamplesPerTask = 200 };
        var run = await store.CreateRunAsync("cancel", settings.ToJson(), "builtin");
        using var pause = new CancellationTokenSource();
        var paused = new Stopwatch();
        var scheduled = 0;
        var sampling = new OnReport(p =>
        {
            if (p.Phase != LoopPhases.Sample || Interlocked.Exchange(ref scheduled, 1) == 1) return;
            // Well into the first task's streams. A thread of its own: the sampler and the other test
            // classes keep the thread pool busy, and a pool callback could come after the shard's end.
            new Thread(() =>
            {
                Thread.Sleep(500);
                paused.Start();
                pause.Cancel();
            }) { IsBackground = true }.Start();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CodeItLoop(store, home, PrimitiveRegistry.BuiltIn, sampling).RunAsync(run, pause.Token));
        paused.Stop();
        Assert.True(paused.Elapsed > TimeSpan.Zero, "the loop ended before the pause");
        Assert.True(paused.Elapsed < TimeSpan.FromSeconds(2), $"the loop stopped {paused.Elapsed.TotalSeconds:F1} s after the pause");
        // Nothing of the shard was stored, and the run is still Running for whoever goes on with it.
        Assert.DoesNotContain(await store.StepsAsync(run), s => s.Phase == LoopPhases.Sample);
        Assert.Equal(RunStatus.Running, (await store.GetRunAsync(run))!.Status);
    }

    /// <summary>Progress handled on the reporting thread, as it happens (Progress&lt;T&gt; posts it elsewhere, later).</summary>
    private sealed class OnReport(Action<LoopProgress> report) : IProgress<LoopProgress>
    {
        public void Report(LoopProgress value) => report(value);
    }
}
