using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArcSynth.Storage;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Server.Tests;

/// <summary>The server on a real PostgreSQL database: the store, Hangfire.PostgreSql's job storage and their migrations.</summary>
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
        // The finished run's job is no longer waiting or executing (just after the loop marks the run Completed).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await server.Http.GetFromJsonAsync<JsonElement>("/api/jobs")).EnumerateArray().Any(j => j.GetProperty("group").GetString() == "runs"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the completed run's job is still in the scheduler after 10 s");
            await Task.Delay(100);
        }
    }

    [PostgresFact]
    public async Task Two_runs_at_once_on_one_node_whose_threads_both_wait_on_runs_still_finish()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var server = await ServiceHarness.StartAsync(db.ConnectionString);
        // Both scheduler threads hold a run's job: each takes its own steps back and does them itself.
        var first = await server.StartRunAsync(ServiceHarness.SmallRun("training", tasks: 4, iterations: 1));
        var second = await server.StartRunAsync(ServiceHarness.SmallRun("evaluation", tasks: 4, iterations: 1));
        await server.WaitForStatusAsync(first, "Completed");
        await server.WaitForStatusAsync(second, "Completed");
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
        var health = await server.Http.GetAsync("/api/health");
        Assert.True(health.StatusCode == HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
    }

    [PostgresFact]
    public async Task A_run_that_meets_a_database_outage_finishes_after_the_database_returns()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var server = await ServiceHarness.StartAsync(db.ConnectionString);
        var runId = await server.StartRunAsync(ServiceHarness.SmallRun("training", tasks: 8, iterations: 6));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await server.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("progress").GetProperty("completedSteps").GetInt32() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the run made no progress in 60 s");
            await Task.Delay(50);
        }
        await db.SetReachableAsync(false);
        await Task.Delay(3000);
        await db.SetReachableAsync(true);
        // The loop's next write failed; the run is started again from its last completed step.
        var run = await server.WaitForStatusAsync(runId, "Completed", seconds: 150);
        Assert.Equal(1 + 6 * (2 + 4), run.GetProperty("progress").GetProperty("completedSteps").GetInt32());
    }

    [PostgresFact]
    public async Task A_database_that_still_has_quartz_tables_loses_them_and_gets_hangfire_schema_at_start()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await (await ServiceHarness.StartAsync(db.ConnectionString)).DisposeAsync();
        // The database as the Quartz.NET build left it: its tables (two of them here) and the schema version before the drop.
        await db.ExecuteAsync("CREATE TABLE qrtz_job_details (sched_name TEXT NOT NULL, job_name TEXT NOT NULL, job_group TEXT NOT NULL, PRIMARY KEY (sched_name, job_name, job_group))");
        await db.ExecuteAsync("CREATE TABLE qrtz_triggers (sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, job_name TEXT NOT NULL, job_group TEXT NOT NULL, " +
                              "PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group))");
        await db.ExecuteAsync("CREATE TABLE quartz_schema_version (version INTEGER NOT NULL)");
        await db.ExecuteAsync($"UPDATE schema_version SET version = {Storage.Sql.Migrations.Latest - 1}");

        await using var server = await ServiceHarness.StartAsync(db.ConnectionString);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz%' OR table_name = 'quartz_schema_version'"));
        Assert.Equal((long)Storage.Sql.Migrations.Latest, await db.ScalarAsync<long>("SELECT MAX(version) FROM schema_version"));
        Assert.True(await db.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'") == 1);
        var runId = await server.StartRunAsync(ServiceHarness.SmallRun("evaluation", tasks: 2, iterations: 1));
        await server.WaitForStatusAsync(runId, "Completed");
    }
}
