using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArcSynth.Tests.Shared;
using Npgsql;

namespace ArcSynth.Server.Tests;

/// <summary>/api/primitives: hostile submissions are refused while the service keeps serving; an accepted one is used by the next run.</summary>
public sealed class PrimitiveApiTests
{
    [Fact]
    public async Task Hostile_submissions_are_refused_the_service_keeps_serving_and_a_sound_one_enters_the_next_run()
    {
        await using var server = await ServiceHarness.StartAsync();
        (string File, string Source, string Reason)[] hostile =
        [
            ("loop.cs", PrimitiveSources.GridToGrid("hostile", "while (true) { }"), "TimeoutError"),
            ("bomb.cs", PrimitiveSources.GridToGrid("hostile", "var l = new System.Collections.Generic.List<int> { 1 }; while (true) l.AddRange(l);"), "LimitExceeded"),
            ("read.cs", PrimitiveSources.GridToGrid("hostile", """return Int.Of(System.IO.File.ReadAllText("/etc/hostname").Length);"""), "System.IO"),
            ("reflect.cs", PrimitiveSources.GridToGrid("hostile", """var t = grid.GetType().Assembly.GetType("System.IO.File"); return grid;"""), "reflection"),
            ("state.cs", PrimitiveSources.GridToGrid("hostile", "Calls++; return grid;", members: "private static int Calls;"), "static field Calls"),
            ("storm.cs", PrimitiveSources.GridToGrid("hostile", "while (true) { try { throw new System.Exception(); } catch (System.Exception) { } }"), "TimeoutError"),
        ];
        foreach (var (file, source, reason) in hostile)
        {
            var response = await server.Http.PostAsJsonAsync("/api/primitives", new { fileName = file, source });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var errors = problem.GetProperty("errors").GetProperty("source").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Contains(errors, e => e.StartsWith(file + ":", StringComparison.Ordinal) && e.Contains(reason, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/api/health")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Http.PostAsJsonAsync("/api/primitives", new { fileName = "../x.cs", source = "x" })).StatusCode);

        var accepted = await server.Http.PostAsJsonAsync("/api/primitives", new { fileName = "same.cs", source = PrimitiveSources.GridToGrid("samegrid", "return grid;") });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var registry = await server.Http.GetFromJsonAsync<JsonElement>("/api/primitives");
        Assert.Contains("samegrid", registry.GetProperty("version").GetString());
        Assert.Contains(registry.GetProperty("primitives").EnumerateArray(), p => p.GetProperty("name").GetString() == "samegrid" && p.GetProperty("origin").GetString() == "Submitted");

        var runId = await server.StartRunAsync(ServiceHarness.SmallRun("training", tasks: 2, iterations: 1));
        var run = await server.WaitForStatusAsync(runId, "Completed");
        Assert.Contains("samegrid", run.GetProperty("registryVersion").GetString());
    }

    private static async Task<Dictionary<string, string>> OriginsAsync(ServiceHarness server) =>
        (await server.Http.GetFromJsonAsync<JsonElement>("/api/primitives")).GetProperty("primitives").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("origin").GetString()!);

    [PostgresFact]
    public async Task A_primitive_accepted_through_one_node_is_listed_and_used_by_a_second_from_the_database_alone()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        // The nodes of a cluster share one home folder (the run's checkpoints); the primitives live in the database only.
        var home = Directory.CreateTempSubdirectory("arcsynth-home-").FullName;
        try
        {
            await using var first = await ServiceHarness.StartAsync(db.ConnectionString, home);
            var early = await first.Http.PostAsJsonAsync("/api/primitives", new { fileName = "early.cs", source = PrimitiveSources.GridToGrid("earlygrid", "return grid;") });
            Assert.Equal(HttpStatusCode.Created, early.StatusCode);
            Assert.Empty(Directory.GetFiles(home, "*.cs", SearchOption.AllDirectories));
            // Sources that get into the database some other way are checked again at load: these are left out, and nothing stops.
            await db.ExecuteAsync("INSERT INTO primitives (file_name, source, accepted_at) VALUES ('broken.cs', 'public static class {', 0)");
            await db.ExecuteAsync($"INSERT INTO primitives (file_name, source, accepted_at) VALUES ('spin.cs', '{PrimitiveSources.GridToGrid("spin", "while (true) { }")}', 0)");

            // A second node: it has the primitive from the database.
            await using var second = await ServiceHarness.StartAsync(db.ConnectionString, home);
            var origins = await OriginsAsync(second);
            Assert.Equal("Submitted", origins["earlygrid"]);
            Assert.False(origins.ContainsKey("spin"));
            Assert.Equal("BuiltIn", origins["hmirror"]);

            // One accepted through the first while the second is up: the second lists it, and its next run (whose
            // steps either node takes) uses both.
            var late = await first.Http.PostAsJsonAsync("/api/primitives", new { fileName = "late.cs", source = PrimitiveSources.GridToGrid("lategrid", "return grid;") });
            Assert.Equal(HttpStatusCode.Created, late.StatusCode);
            Assert.Equal("Submitted", (await OriginsAsync(second))["lategrid"]);
            var runId = await second.StartRunAsync(ServiceHarness.SmallRun("training", tasks: 2, iterations: 1));
            var run = await second.WaitForStatusAsync(runId, "Completed");
            Assert.EndsWith("(+earlygrid, +lategrid)", run.GetProperty("registryVersion").GetString());
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [PostgresFact]
    public async Task A_name_another_node_stores_while_this_one_stores_it_is_refused_with_409_and_the_reason()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var server = await ServiceHarness.StartAsync(db.ConnectionString);
        var source = PrimitiveSources.GridToGrid("racegrid", "return grid;");
        // The other node: checked the same name against the same registry, and is storing it now (not committed yet).
        await using var other = new NpgsqlConnection(db.ConnectionString);
        await other.OpenAsync();
        await using var storing = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO primitives (file_name, source, accepted_at) VALUES ('racegrid.cs', @source, 0)", other, storing))
        {
            insert.Parameters.AddWithValue("source", source);
            await insert.ExecuteNonQueryAsync();
        }
        var submission = server.Http.PostAsJsonAsync("/api/primitives", new { fileName = "race.cs", source });
        // This node's insert waits on the other's row of the unique name; then the other commits first.
        await WaitForALockWaitAsync(db);
        await storing.CommitAsync();

        var response = await submission;
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("racegrid.cs was accepted by another submission at the same moment",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("Submitted", (await OriginsAsync(server))["racegrid"]);
    }

    [PostgresFact]
    public async Task Two_nodes_accepting_the_same_name_at_once_accept_it_once_and_refuse_the_other_clearly()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var first = await ServiceHarness.StartAsync(db.ConnectionString);
        await using var second = await ServiceHarness.StartAsync(db.ConnectionString);
        for (var round = 0; round < 3; round++)
        {
            var name = $"twice{round}";
            var source = PrimitiveSources.GridToGrid(name, "return grid;");
            var responses = await Task.WhenAll(
                first.Http.PostAsJsonAsync("/api/primitives", new { fileName = "a.cs", source }),
                second.Http.PostAsJsonAsync("/api/primitives", new { fileName = "b.cs", source }));
            var codes = responses.Select(r => r.StatusCode).Order().ToList();
            // Refused at the check when the other had committed by then (400: the name exists), else at the insert (409).
            Assert.True(codes is [HttpStatusCode.Created, HttpStatusCode.BadRequest or HttpStatusCode.Conflict], $"round {round}: {string.Join(", ", codes)}");
            var refused = responses.Single(r => r.StatusCode != HttpStatusCode.Created);
            Assert.Contains(name, await refused.Content.ReadAsStringAsync());
            var listed = (await second.Http.GetFromJsonAsync<JsonElement>("/api/primitives")).GetProperty("primitives").EnumerateArray();
            Assert.Single(listed, p => p.GetProperty("name").GetString() == name);
        }
    }

    /// <summary>Waits until a session of the test's database waits for a lock (at most 30 s).</summary>
    private static async Task WaitForALockWaitAsync(PostgresTestDatabase db)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no session waited for the other's row within 30 s");
            await Task.Delay(20);
        }
    }
}
