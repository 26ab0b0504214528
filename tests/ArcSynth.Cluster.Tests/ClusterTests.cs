using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArcSynth.Tests.Shared;
using Xunit.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ArcSynth.Cluster.Tests;

/// <summary>
/// Workers sharing Hangfire.PostgreSql's job storage, and the faults a cluster must survive, each on
/// real processes on loopback and bounded in time: every run must end with exactly the work of
/// the same run done by one process (<see cref="SingleProcess"/>), each step stored once.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task Workers_share_the_sampling_shards_and_the_run_equals_a_single_process_run()
    {
        await using var cluster = await TestCluster.CreateAsync();
        await cluster.StartServerAsync();
        var (_, first) = await cluster.StartWorkerAsync();
        var (_, second) = await cluster.StartWorkerAsync();
        var runId = await cluster.StartRunAsync(SingleProcess.Settings());
        await cluster.WaitForCompletionAsync(runId);

        await using var store = await cluster.OpenAsync();
        var byNode = (await store.StepsAsync(runId)).Where(s => s.Phase == "sample").GroupBy(Node).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join(", ", byNode.Select(n => $"{n.Key}: {n.Value} shards")));
        Assert.True(byNode.ContainsKey(first) || byNode.ContainsKey(second), $"no worker sampled a shard:\n{cluster.Logs}");
        await cluster.AssertSameAsSingleProcessAsync(runId);
    }

    [PostgresFact]
    public async Task A_worker_killed_mid_shard_loses_nothing_and_another_node_does_its_shard_once()
    {
        await using var cluster = await TestCluster.CreateAsync();
        await cluster.StartServerAsync();
        var (victim, node) = await cluster.StartWorkerAsync();
        var runId = await cluster.StartRunAsync(SingleProcess.Settings());
        // The other worker joins only once the victim has been killed mid-shard: with it there from the
        // start, the two workers and the server race for each shard, and the victim could end the run
        // with none (it did, once in CI).
        var started = await victim.WaitForLineAsync(l => l.Contains(" sample ", StringComparison.Ordinal) && l.Contains($"started on {node}", StringComparison.Ordinal), TimeSpan.FromSeconds(120), "of the victim starting a shard");
        victim.Kill();
        await cluster.StartWorkerAsync();
        var (iteration, shard) = ShardOf(started);
        output.WriteLine($"killed {node} while it sampled iteration {iteration} shard {shard}");
        await cluster.WaitForCompletionAsync(runId);

        await using var store = await cluster.OpenAsync();
        var step = (await store.StepsAsync(runId)).Single(s => s.Phase == "sample" && s.Iteration == iteration && s.Shard == shard);
        Assert.NotEqual(node, Node(step));
        output.WriteLine($"taken over by {Node(step)}");
        await cluster.AssertSameAsSingleProcessAsync(runId);
    }

    [RestartablePostgresFact]
    public async Task PostgreSQL_restarted_mid_run_the_nodes_reconnect_and_the_run_equals_a_single_process_run()
    {
        var (server, clusterName) = TestServices.RestartablePostgres;
        await using var cluster = await TestCluster.CreateAsync(server);
        await cluster.StartServerAsync();
        await cluster.StartWorkerAsync();
        var runId = await cluster.StartRunAsync(SingleProcess.Settings());
        await WaitForStepsAsync(cluster, runId, atLeast: 3);
        var clock = Stopwatch.StartNew();
        using (var restart = Process.Start(new ProcessStartInfo("pg_ctlcluster", [.. clusterName.Split(' '), "restart"]) { RedirectStandardError = true })!)
        {
            await restart.WaitForExitAsync();
            Assert.True(restart.ExitCode == 0, await restart.StandardError.ReadToEndAsync());
        }
        output.WriteLine($"PostgreSQL cluster {clusterName} restarted in {clock.ElapsedMilliseconds} ms");
        await cluster.WaitForCompletionAsync(runId);
        await cluster.AssertSameAsSingleProcessAsync(runId);
    }

    [PostgresFact]
    public async Task The_server_killed_during_training_is_replaced_and_the_run_resumes_from_its_last_checkpoint()
    {
        await using var cluster = await TestCluster.CreateAsync();
        var first = await cluster.StartServerAsync();
        var runId = await cluster.StartRunAsync(SingleProcess.Settings(trainSteps: 40));
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (Live(await cluster.RunAsync(runId)) is not { Iteration: 0, Phase: "train" })
        {
            Assert.True(DateTime.UtcNow < deadline, $"run {runId} never trained iteration 0 in 120 s:\n{cluster.Logs}");
            await Task.Delay(20);
        }
        first.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        await using (var store = await cluster.OpenAsync())
            Assert.DoesNotContain(await store.StepsAsync(runId), s => s.Phase == "train");
        Assert.True(File.Exists(Path.Combine(cluster.Home, "runs", $"{runId}", "checkpoints", "pretrain", "model.safetensors")));
        await cluster.StartServerAsync();
        await cluster.WaitForCompletionAsync(runId);

        await using var after = await cluster.OpenAsync();
        var steps = await after.StepsAsync(runId);
        // What was stored before the kill stayed, and was not done again: training started over from pretraining's checkpoint.
        Assert.True(steps.Single(s => s.Phase == "pretrain").CompletedAt < killedAt);
        Assert.True(steps.Single(s => s.Phase == "train" && s.Iteration == 0).CompletedAt > killedAt);
        await cluster.AssertSameAsSingleProcessAsync(runId);
    }

    [PostgresFact]
    public async Task Readers_under_load_while_a_run_writes_get_no_errors()
    {
        await using var cluster = await TestCluster.CreateAsync();
        await cluster.StartServerAsync();
        await cluster.StartWorkerAsync();
        var runId = await cluster.StartRunAsync(SingleProcess.Settings());
        string[] paths = ["/api/runs", $"/api/runs/{runId}", $"/api/runs/{runId}/iterations", $"/api/runs/{runId}/chart", $"/api/runs/{runId}/tasks",
            $"/api/runs/{runId}/programs", "/api/jobs", "/api/health"];
        // One untimed pass first: the figures are of a warm server, not of its first JIT compilations; then
        // the readers start once pretraining is stored, while the shards and training write.
        foreach (var path in paths) (await cluster.Http.GetAsync(path)).EnsureSuccessStatusCode();
        await WaitForStepsAsync(cluster, runId, atLeast: 1);
        const int readers = 8, maxEach = 300;
        var latencies = new List<double>();
        var failures = new List<string>();
        var stepsBefore = (await cluster.RunAsync(runId)).GetProperty("progress").GetProperty("completedSteps").GetInt32();
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = cluster.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            for (var i = 0; i < maxEach && !enough.IsCancellationRequested; i++)
            {
                var path = paths[(reader + i) % paths.Length];
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                lock (latencies)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode) failures.Add($"{path}: {(int)response.StatusCode}");
                }
            }
        })));
        var stepsDuring = (await cluster.RunAsync(runId)).GetProperty("progress").GetProperty("completedSteps").GetInt32() - stepsBefore;
        latencies.Sort();
        var figures = $"{latencies.Count} GETs by {readers} concurrent readers over {paths.Length} endpoints while run {runId} stored {stepsDuring} steps: " +
                      $"p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms";
        output.WriteLine(figures);
        Directory.CreateDirectory(Path.Combine(NodeProcess.RepositoryRoot, "TestResults"));
        await File.WriteAllTextAsync(Path.Combine(NodeProcess.RepositoryRoot, "TestResults", "api-load.txt"), figures + "\n");
        Assert.Empty(failures);
        Assert.True(stepsDuring > 0, $"the run stored nothing while the readers read: {figures}");
        await cluster.WaitForCompletionAsync(runId);
    }

    private static string Node(ArcSynth.Synthesis.Store.StepRecord step) => JsonNode.Parse(step.StateJson)!["node"]!.GetValue<string>();

    /// <summary>The iteration and shard of a "run R iteration I sample S: started on N" line.</summary>
    private static (int Iteration, int Shard) ShardOf(string line)
    {
        var words = line[line.IndexOf("iteration ", StringComparison.Ordinal)..].Split(' ', ':');
        return (int.Parse(words[1]), int.Parse(words[3]));
    }

    private static (int Iteration, string Phase)? Live(JsonElement run) =>
        run.GetProperty("progress").GetProperty("live") is { ValueKind: JsonValueKind.Object } live
            ? (live.GetProperty("iteration").GetInt32(), live.GetProperty("phase").GetString()!) : null;

    private static async Task WaitForStepsAsync(TestCluster cluster, long runId, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await cluster.RunAsync(runId)).GetProperty("progress").GetProperty("completedSteps").GetInt32() < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"run {runId} has not {atLeast} steps after 120 s:\n{cluster.Logs}");
            await Task.Delay(50);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
