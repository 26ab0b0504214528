using ArcSynth.Storage;
using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using ArcSynth.Synthesis.Store;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Storage.Tests;

public sealed class SqliteRunStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-store-").FullName;

    private string DbPath => Path.Combine(_folder, "nested", "arcsynth.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static ProgramRecord Program(long run, string task, string text, int exact) =>
        new(0, run, 0, task, text, "sample", null, exact, 3, 0.25, 4, exact > 0, exact / 3.0, "[[[1,2],[3,4]],null]");

    [Fact]
    public async Task Runs_steps_programs_results_and_iterations_round_trip()
    {
        await using var store = await SqlRunStore.OpenAsync(new SqliteDialect(DbPath));
        var run = await store.CreateRunAsync("default", "{\"iterations\":3}", "builtin-160");
        var results = new[] { new TaskResultRecord(run, 0, "007bbfb7", "training", true, null, "def f(I):\n    return I\n", "[[[[1]]]]") };
        await store.CompleteStepAsync(new StepRecord(run, 0, "sample", 2, "{}", default), [Program(run, "007bbfb7", "a", 3), Program(run, "00d62c1b", "b", 0)], results);
        await store.SaveIterationAsync(new IterationRecord(run, 0, 20, 0.5, 7, 1.25, 1, 0, 2, 1, 3, new Dictionary<string, double> { ["sample"] = 1.5 }, DateTimeOffset.UtcNow, 1, 2, 5));

        var stored = await store.GetRunAsync(run);
        Assert.Equal(("default", "builtin-160", RunStatus.Running), (stored!.Name, stored.RegistryVersion, stored.Status));
        var step = Assert.Single(await store.StepsAsync(run));
        Assert.Equal(("sample", 2), (step.Phase, step.Shard));
        var programs = await store.ProgramsAsync(run);
        Assert.Equal(["a", "b"], programs.Select(p => p.Text));
        Assert.True(programs[0].InBuffer);
        Assert.Equal("b", Assert.Single(await store.ProgramsAsync(run, taskId: "00d62c1b")).Text);
        Assert.Equal("a", (await store.GetProgramAsync(programs[0].Id))!.Text);
        var result = Assert.Single(await store.TaskResultsAsync(run));
        Assert.True(result.SolvedDemonstrations);
        Assert.Null(result.SolvedTest);
        var iteration = Assert.Single(await store.IterationsAsync(run));
        Assert.Equal((1, 2, (int?)5), (iteration.SolvedBySample, iteration.SolvedAfterSearch, iteration.OriginalSolved));
        Assert.Equal((20, 7, 1.5), (iteration.Samples, iteration.BufferSize, iteration.PhaseSeconds["sample"]));

        Assert.True(await store.TransitionRunAsync(run, RunStatus.Running, RunStatus.Completed));
        Assert.Equal(RunStatus.Completed, (await store.ListRunsAsync()).Single().Status);
    }

    [Fact]
    public async Task A_step_that_fails_midway_leaves_nothing_behind_and_a_step_completes_once()
    {
        await using var store = await SqlRunStore.OpenAsync(new SqliteDialect(DbPath));
        var run = await store.CreateRunAsync("r", "{}", "v");
        Assert.True(await store.CompleteStepAsync(new StepRecord(run, 0, "sample", 0, "{}", default), [Program(run, "t", "a", 1)], []));
        // A result without its split breaks a NOT NULL constraint after the program was inserted: the whole transaction rolls back.
        var broken = new TaskResultRecord(run, 0, "t", null!, false, null, null, "[]");
        await Assert.ThrowsAnyAsync<Exception>(() => store.CompleteStepAsync(new StepRecord(run, 0, "sample", 1, "{}", default), [Program(run, "t", "b", 1)], [broken]));
        // The same step again (a node that took over a shard another finished) writes nothing.
        Assert.False(await store.CompleteStepAsync(new StepRecord(run, 0, "sample", 0, "{}", default), [Program(run, "t", "c", 1)], []));
        Assert.Equal(["a"], (await store.ProgramsAsync(run)).Select(p => p.Text));
        Assert.Equal([0], (await store.StepsAsync(run)).Select(s => s.Shard));
    }

    [Fact]
    public async Task Reopening_keeps_the_data_and_a_newer_schema_is_refused()
    {
        await using (var store = await SqlRunStore.OpenAsync(new SqliteDialect(DbPath)))
            await store.CreateRunAsync("kept", "{}", "v");
        await using (var again = await SqlRunStore.OpenAsync(new SqliteDialect(DbPath)))
            Assert.Equal("kept", (await again.ListRunsAsync()).Single().Name);

        await using (var connection = new SqliteConnection($"Data Source={DbPath}"))
        {
            connection.Open();
            using var bump = connection.CreateCommand();
            bump.CommandText = $"UPDATE schema_version SET version = {Migrations.Latest + 1}";
            bump.ExecuteNonQuery();
        }
        var error = await Assert.ThrowsAsync<StoreException>(() => SqlRunStore.OpenAsync(new SqliteDialect(DbPath)));
        Assert.Contains("newer than this ArcSynth knows", error.Message);
        Assert.Contains(DbPath, error.Message);
    }

    [Fact]
    public async Task Accepted_primitives_are_kept_in_order_and_a_replaced_one_moves_the_version_on()
    {
        await using var store = await SqlRunStore.OpenAsync(new SqliteDialect(DbPath));
        Assert.Equal(0, await store.PrimitivesVersionAsync());
        var first = await store.AddPrimitiveAsync("a.cs", "class A {}", checkedAt: 0);
        var second = await store.AddPrimitiveAsync("b.cs", "class B {}", checkedAt: first);
        Assert.True(second > first);
        // Checked against a registry that had seen a.cs (and left it out, say): a.cs is replaced.
        var replaced = await store.AddPrimitiveAsync("a.cs", "class A2 {}", checkedAt: second);
        Assert.Equal(replaced, await store.PrimitivesVersionAsync());
        Assert.Equal([("b.cs", "class B {}"), ("a.cs", "class A2 {}")], (await store.PrimitivesAsync()).Select(p => (p.FileName, p.Source)));
    }

    [Fact]
    public async Task A_name_stored_after_the_registry_a_source_was_checked_against_refuses_it_and_keeps_the_first()
    {
        await using var store = await SqlRunStore.OpenAsync(new SqliteDialect(DbPath));
        var version = await store.PrimitivesVersionAsync();
        await store.AddPrimitiveAsync("a.cs", "class A {}", checkedAt: version);
        // A second process checked its a.cs against the same registry (version), before the first was stored.
        var conflict = await Assert.ThrowsAsync<ArcSynth.Primitives.Library.PrimitiveConflictException>(() => store.AddPrimitiveAsync("a.cs", "class A2 {}", checkedAt: version));
        Assert.Contains("a.cs was accepted by another submission at the same moment", conflict.Message);
        Assert.Equal([("a.cs", "class A {}")], (await store.PrimitivesAsync()).Select(p => (p.FileName, p.Source)));
    }
}
