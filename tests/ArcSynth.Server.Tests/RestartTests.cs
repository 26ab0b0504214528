using System.Net.Http.Json;
using System.Text.Json;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Server.Tests;

/// <summary>A run outlives the server that ran it: stopped mid-run, the next server (same state) finishes it from its last completed step.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("arcsynth-home-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public Task A_run_stopped_with_the_server_resumes_on_the_next_start_in_the_embedded_default() => StopMidRunAndFinishAsync(null);

    [PostgresFact]
    public async Task A_run_handed_back_by_a_stopping_node_is_finished_by_the_next_one_through_the_clustered_store()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await StopMidRunAndFinishAsync(db.ConnectionString);
    }

    private async Task StopMidRunAndFinishAsync(string? database)
    {
        long runId;
        int stepsBefore;
        await using (var first = await ServiceHarness.StartAsync(database, _home))
        {
            runId = await first.StartRunAsync(ServiceHarness.SmallRun("training", tasks: 8, iterations: 4));
            stepsBefore = await WaitForStepsAsync(first, runId, atLeast: 3);
        }
        await using var second = await ServiceHarness.StartAsync(database, _home);
        var run = await second.WaitForStatusAsync(runId, "Completed");
        var steps = await second.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/iterations");
        Assert.Equal([0, 1, 2, 3], steps.EnumerateArray().Select(i => i.GetProperty("iteration").GetInt32()));
        // Every step ran once: the second server went on from where the first stopped, it did not start over.
        Assert.Equal(1 + 4 * (2 + 4), run.GetProperty("progress").GetProperty("completedSteps").GetInt32());
        Assert.True(stepsBefore >= 3);
    }

    private static async Task<int> WaitForStepsAsync(ServiceHarness server, long runId, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await server.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
            var steps = run.GetProperty("progress").GetProperty("completedSteps").GetInt32();
            if (steps >= atLeast && run.GetProperty("status").GetString() == "Running") return steps;
            Assert.True(DateTime.UtcNow < deadline, $"run {runId} has {steps} steps after 60 s");
            await Task.Delay(50);
        }
    }
}
