using System.Net.Http.Json;
using System.Text.Json;
using ArcSynth.Storage.Postgres;
using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Cli.Tests;

public sealed class PrimitiveAddCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-add-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Write(string name, string body)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, PrimitiveSources.Successor(Path.GetFileNameWithoutExtension(name), body));
        return path;
    }

    [Fact]
    public async Task An_accepted_primitive_is_kept_in_the_homes_store_a_server_on_it_lists_and_runs_it_and_a_hostile_one_is_refused()
    {
        var home = Path.Combine(_folder, "home");
        var accepted = CliRun.Of("primitive", "add", Write("successor.cs", "return Int.Of(((Int)x).V + 1);"), "--home", home);
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.Contains("accepted successor(x: Integer) -> Integer", accepted.Output);
        Assert.Contains($"in SQLite file {HomeFolder.Database(home)}", accepted.Output);
        Assert.False(Directory.Exists(Path.Combine(home, "primitives")));

        var hostile = CliRun.Of("primitive", "add", Write("leak.cs", """return Int.Of(System.IO.File.ReadAllText("/etc/hostname").Length);"""), "--home", home);
        Assert.Equal(1, hostile.ExitCode);
        Assert.Matches(@"leak\.cs:9:\d+: .*System\.IO", hostile.Error);
        Assert.Equal(2, CliRun.Of("primitive", "add", Path.Combine(_folder, "missing.cs"), "--home", home).ExitCode);
        await using (var store = await SqlRunStore.OpenAsync(new SqliteDialect(HomeFolder.Database(home))))
            Assert.Equal(["successor.cs"], (await store.PrimitivesAsync()).Select(p => p.FileName));

        // Another process on the same store: a server started on the home folder lists it and its runs use it.
        await using var server = await ServiceHarness.StartAsync(home: home);
        var registry = await server.Http.GetFromJsonAsync<JsonElement>("/api/primitives");
        Assert.Contains(registry.GetProperty("primitives").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "successor" && p.GetProperty("origin").GetString() == "Submitted");
        var runId = await server.StartRunAsync(ServiceHarness.SmallRun("training", tasks: 2, iterations: 1));
        var run = await server.WaitForStatusAsync(runId, "Completed");
        Assert.Contains("+successor", run.GetProperty("registryVersion").GetString());
    }

    [PostgresFact]
    public async Task With_db_the_primitive_is_kept_in_that_postgresql_database_and_not_in_the_home()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var home = Path.Combine(_folder, "home");
        var accepted = CliRun.Of("primitive", "add", Write("successor.cs", "return Int.Of(((Int)x).V + 1);"), "--home", home, "--db", db.ConnectionString);
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.Contains("in PostgreSQL database arcsynth_t_", accepted.Output);
        Assert.False(File.Exists(HomeFolder.Database(home)));
        await using (var store = await SqlRunStore.OpenAsync(new PostgresDialect(db.ConnectionString)))
            Assert.Equal(["successor.cs"], (await store.PrimitivesAsync()).Select(p => p.FileName));

        // A second time the name is taken: refused, with the reason.
        var again = CliRun.Of("primitive", "add", Write("successor.cs", "return Int.Of(((Int)x).V + 1);"), "--db", db.ConnectionString);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("'successor' is already a primitive", again.Error);
        var unreachable = CliRun.Of("primitive", "add", Write("other.cs", "return x;"), "--db", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2");
        Assert.Equal(CommandLine.UsageError, unreachable.ExitCode);
        Assert.Contains("cannot be reached", unreachable.Error);
    }
}
