using ArcSynth.Storage.Postgres;
using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Storage.Tests;

/// <summary>
/// A run's status moves only as <see cref="RunTransitions"/> allows, each move a conditional write from
/// the status its writer expects, so that a stop, a pause and a failure cannot overwrite one another.
/// </summary>
public sealed class RunTransitionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-transitions-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Only_the_lifecycle_s_moves_are_allowed()
    {
        var allowed = Enum.GetValues<RunStatus>().SelectMany(from => Enum.GetValues<RunStatus>().Select(to => (from, to)))
            .Where(m => RunTransitions.IsAllowed(m.from, m.to)).ToList();
        Assert.Equal(
        [
            (RunStatus.Running, RunStatus.Paused), (RunStatus.Running, RunStatus.Cancelled), (RunStatus.Running, RunStatus.Completed), (RunStatus.Running, RunStatus.Failed),
            (RunStatus.Paused, RunStatus.Running), (RunStatus.Paused, RunStatus.Cancelled),
            (RunStatus.Failed, RunStatus.Running),
        ], allowed);
    }

    [Fact]
    public async Task Every_move_is_made_only_from_the_expected_status_in_SQLite()
    {
        await using var store = await SqlRunStore.OpenAsync(new SqliteDialect(Path.Combine(_folder, "arcsynth.db")));
        await WalkEveryMoveAsync(store);
    }

    [PostgresFact]
    public async Task Every_move_is_made_only_from_the_expected_status_in_PostgreSQL()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var store = await SqlRunStore.OpenAsync(new PostgresDialect(db.ConnectionString));
        await WalkEveryMoveAsync(store);
    }

    [PostgresFact]
    public async Task Of_a_pause_and_a_failure_written_at_once_exactly_one_wins_and_stays()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var store = await SqlRunStore.OpenAsync(new PostgresDialect(db.ConnectionString));
        for (var round = 0; round < 20; round++)
        {
            var run = await store.CreateRunAsync("race", "{}", "v");
            var moves = await Task.WhenAll(
                Task.Run(() => store.TransitionRunAsync(run, RunStatus.Running, RunStatus.Paused)),
                Task.Run(() => store.TransitionRunAsync(run, RunStatus.Running, RunStatus.Failed)));
            Assert.Equal(1, moves.Count(m => m));
            Assert.Equal(moves[0] ? RunStatus.Paused : RunStatus.Failed, (await store.GetRunAsync(run))!.Status);
        }
    }

    /// <summary>
    /// For every pair of statuses: a run brought to the first (each is one move from Running, where a run starts)
    /// moves to the second when that is allowed, and is refused otherwise; and a move from a status the run
    /// is not in writes nothing.
    /// </summary>
    private static async Task WalkEveryMoveAsync(SqlRunStore store)
    {
        foreach (var from in Enum.GetValues<RunStatus>())
            foreach (var to in Enum.GetValues<RunStatus>())
            {
                var run = await RunInAsync(store, from);
                if (RunTransitions.IsAllowed(from, to))
                {
                    Assert.True(await store.TransitionRunAsync(run, from, to), $"{from} -> {to}");
                    Assert.Equal(to, (await store.GetRunAsync(run))!.Status);
                }
                else
                {
                    await Assert.ThrowsAsync<ArgumentException>(() => store.TransitionRunAsync(run, from, to));
                    Assert.Equal(from, (await store.GetRunAsync(run))!.Status);
                }
                // Expecting any other status than the run's: nothing is written, whatever the move.
                foreach (var expected in Enum.GetValues<RunStatus>().Where(s => s != from && RunTransitions.IsAllowed(s, to)))
                {
                    var other = await RunInAsync(store, from);
                    Assert.False(await store.TransitionRunAsync(other, expected, to), $"{expected} -> {to} of a {from} run");
                    Assert.Equal(from, (await store.GetRunAsync(other))!.Status);
                }
            }
    }

    private static async Task<long> RunInAsync(SqlRunStore store, RunStatus status)
    {
        var run = await store.CreateRunAsync("r", "{}", "v");
        if (status != RunStatus.Running) Assert.True(await store.TransitionRunAsync(run, RunStatus.Running, status));
        return run;
    }
}
