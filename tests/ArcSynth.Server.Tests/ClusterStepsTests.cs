using ArcSynth.Server.Scheduling;
using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArcSynth.Server.Tests;

/// <summary>
/// How the run's job waits for its steps: a stop is a stop whatever it surfaces as, and a step fails the run
/// only when it failed on every firing. The job storage is Hangfire's in memory with no server, so no node
/// takes the steps and each is taken back and done on the waiting thread (after <see cref="ClusterSteps.TakeBackAfter"/>).
/// </summary>
public sealed class ClusterStepsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-steps-").FullName;
    private SqlRunStore _store = null!;
    private readonly InMemoryStorage _jobs = new();
    private ClusterSteps _steps = null!;
    private long _run;

    public async Task InitializeAsync()
    {
        _store = await SqlRunStore.OpenAsync(new SqliteDialect(Path.Combine(_folder, "arcsynth.db")));
        _run = await _store.CreateRunAsync("r", "{}", "v");
        _steps = new ClusterSteps(_store, new BackgroundJobClient(_jobs), new RunJobs(_jobs), NullLogger<ClusterSteps>.Instance);
    }

    public async Task DisposeAsync()
    {
        _jobs.Dispose();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_stop_that_a_query_surfaces_wrapped_is_a_cancellation_not_a_failure()
    {
        using var stop = new CancellationTokenSource();
        var wait = _steps.RunAsync(_run, 0, "sample", [0], (_, _) =>
        {
            // A cancellation in the middle of a query, surfacing wrapped as the driver's or the job storage's exception.
            stop.Cancel();
            throw new InvalidOperationException("the operation was canceled while the transaction committed", new OperationCanceledException());
        }, stop.Token);
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.IsType<InvalidOperationException>(thrown.InnerException);
    }

    [Fact]
    public async Task A_step_that_fails_here_is_fired_again_and_fails_the_run_only_on_every_firing()
    {
        var tries = 0;
        var wait = _steps.RunAsync(_run, 0, "sample", [0], (_, _) =>
        {
            tries++;
            throw new InvalidDataException("a step that fails on its own merits");
        }, CancellationToken.None);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => wait);
        Assert.Contains($"failed {ClusterSteps.MaxFirings} times", thrown.Message);
        Assert.Equal(ClusterSteps.MaxFirings, tries);
    }
}
