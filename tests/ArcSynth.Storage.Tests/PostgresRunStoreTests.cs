using ArcSynth.Storage.Postgres;
using ArcSynth.Storage.Sql;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Storage.Tests;

/// <summary>The run store on a real PostgreSQL database (./test.sh starts one).</summary>
public sealed class PostgresRunStoreTests
{
    private static ProgramRecord Program(long run, string task, string text, int exact) =>
        new(0, run, 1, task, text, "mutation", null, exact, 3, 0.5, 6, exact > 0, exact / 3.0, "[[[0,1]],null]");

    [PostgresFact]
    public async Task Runs_steps_programs_results_and_iterations_round_trip()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var store = await SqlRunStore.OpenAsync(new PostgresDialect(db.ConnectionString));
        var run = await store.CreateRunAsync("pg", "{}", "builtin-160");
        await store.CompleteStepAsync(new StepRecord(run, 1, "sample", 0, "{}", default),
            [Program(run, "007bbfb7", "a", 3), Program(run, "00d62c1b", "b", 0)],
            [new TaskResultRecord(run, 1, "007bbfb7", "training", true, true, "a", "[]"), new TaskResultRecord(run, 1, "00d62c1b", "evaluation", false, null, null, "[]")]);
        await store.SaveIterationAsync(new IterationRecord(run, 1, 40, 0.75, 3, 2.5, 1, 1, 2, 0, 0, new Dictionary<string, double> { ["sample"] = 0.5 }, DateTimeOffset.UtcNow));

        var programs = await store.ProgramsAsync(run);
        Assert.Equal(["a", "b"], programs.Select(p => p.Text));
        Assert.Equal("b", Assert.Single(await store.ProgramsAsync(run, taskId: "00d62c1b")).Text);
        Assert.Equal(2, (await store.ProgramsAsync(run, iteration: 1)).Count);
        Assert.Empty(await store.ProgramsAsync(run, iteration: 2));
        Assert.Equal("a", (await store.GetProgramAsync(programs[0].Id))!.Text);
        var results = await store.TaskResultsAsync(run);
        Assert.Equal([true, null], results.Select(r => r.SolvedTest));
        // An iteration without a forgetting probe reads null there, on PostgreSQL as on SQLite.
        var iteration = Assert.Single(await store.IterationsAsync(run));
        Assert.Equal((40, (int?)null), (iteration.Samples, iteration.OriginalSolved));
        Assert.True(await store.TransitionRunAsync(run, RunStatus.Running, RunStatus.Paused));
        Assert.Equal(RunStatus.Paused, (await store.GetRunAsync(run))!.Status);
    }

    [PostgresFact]
    public async Task Several_processes_opening_a_new_database_at_once_migrate_it_once()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var opens = Enumerable.Range(0, 4).Select(_ => Task.Run(() => SqlRunStore.OpenAsync(new PostgresDialect(db.ConnectionString))));
        foreach (var store in await Task.WhenAll(opens)) await store.DisposeAsync();
        await using var again = await SqlRunStore.OpenAsync(new PostgresDialect(db.ConnectionString));
        Assert.Empty(await again.ListRunsAsync());
    }

    [PostgresFact]
    public async Task A_newer_schema_is_refused_naming_the_database()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await (await SqlRunStore.OpenAsync(new PostgresDialect(db.ConnectionString))).DisposeAsync();
        await db.ExecuteAsync($"UPDATE schema_version SET version = {Migrations.Latest + 1}");
        var error = await Assert.ThrowsAsync<StoreException>(() => SqlRunStore.OpenAsync(new PostgresDialect(db.ConnectionString)));
        Assert.Contains("newer than this ArcSynth knows", error.Message);
        Assert.Contains("PostgreSQL database arcsynth_t_", error.Message);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_unavailable_not_a_crash()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var dialect = new PostgresDialect("Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2");
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => SqlRunStore.OpenAsync(dialect));
        Assert.Contains("127.0.0.1:1 cannot be reached", error.Message);
    }

    [Fact]
    public void A_malformed_connection_string_names_the_problem()
    {
        var error = Assert.Throws<StoreException>(() => new PostgresDialect("Host=x;Colour=blue"));
        Assert.Contains("colour", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
