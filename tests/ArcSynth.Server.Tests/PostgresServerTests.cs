using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArcSynth.Storage;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Server.Tests;

/// <summary>The server on a real PostgreSQL database: the store, Quartz's clustered job store and their migrations.</summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task A_run_completes_through_the_clustered_job_store()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var server = await ServiceHarness.StartAsync(db.ConnectionString);
        var health = await server.Http.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.True(health.GetProperty("clustered").GetBoolean());
        Assert.StartsWith("PostgreSQL database arcsynth_t_", health.GetProperty("store").GetString());

        var runId = await server.StartRunAsync(ServiceHarness.SmallRun("evaluation", tasks: 4, iterations: 2));
        await server.WaitForStatusAsync(runId, "Completed");
        var chart = await server.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/chart");
        Assert.Equal(2, chart.GetArrayLength());
        Assert.Equal(4, chart[1].GetProperty("evaluation").GetProperty("tasks").GetInt32());
        // The finished run's job leaves Quartz's tables (just after the loop marks the run Completed).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await server.Http.GetFromJsonAsync<JsonElement>("/api/jobs")).GetArrayLength() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the completed run's job is still in the scheduler after 10 s");
            await Task.Delay(100);
        }
    }

    [PostgresFact]
    public async Task A_database_that_goes_down_gives_503_and_the_service_recovers_when_it_returns()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var server = await ServiceHarness.StartAsync(db.ConnectionString);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/api/runs")).StatusCode);

        await db.SetReachableAsync(false);
        var down = await server.Http.GetAsync("/api/runs");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var problem = await down.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The database is unavailable", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.GetAsync("/api/health")).StatusCode);

        await db.SetReachableAsync(true);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        while ((status = (await server.Http.GetAsync("/api/runs")).StatusCode) != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"still {status} 20 s after the database returned");
            await Task.Delay(250);
        }
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/api/health")).StatusCode);
    }

    [PostgresFact]
    public async Task A_job_store_schema_newer_than_the_code_is_refused_at_start()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await (await ServiceHarness.StartAsync(db.ConnectionString)).DisposeAsync();
        await db.ExecuteAsync("UPDATE quartz_schema_version SET version = version + 1");
        var error = await Assert.ThrowsAsync<StoreException>(() => ServiceHarness.StartAsync(db.ConnectionString));
        Assert.Contains("has job store schema version 2, newer than this ArcSynth knows (1)", error.Message);
    }
}
