using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ArcSynth.Storage.Postgres;
using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Cluster.Tests;

/// <summary>
/// A cluster on this machine: <c>arcsynth serve</c> and <c>arcsynth worker</c> processes on one
/// PostgreSQL database and one home folder (the shared volume of docker-compose), with a short
/// invisibility timeout so that the jobs of a dead node go to another within seconds. Everything is killed at the end.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    /// <summary>Seconds before a job whose node stopped renewing it (every fifth of this) is taken by another node.</summary>
    private const string InvisibilityTimeout = "10";

    private readonly List<NodeProcess> _nodes = [];
    private readonly PostgresTestDatabase _database;

    private TestCluster(PostgresTestDatabase database)
    {
        _database = database;
        Home = Directory.CreateTempSubdirectory("arcsynth-cluster-").FullName;
    }

    /// <summary>A cluster on a fresh database of <paramref name="server"/> (default: ARCSYNTH_TEST_DB's), no node started yet.</summary>
    public static async Task<TestCluster> CreateAsync(string? server = null) => new(await PostgresTestDatabase.CreateAsync(server));

    public string Database => _database.ConnectionString;

    public string Home { get; }

    public HttpClient Http { get; private set; } = new();

    public NodeProcess? Server { get; private set; }

    /// <summary>Starts a server (replacing the client of any earlier one) and waits until it answers /api/health.</summary>
    public async Task<NodeProcess> StartServerAsync()
    {
        var port = FreePort();
        Server = Add(NodeProcess.Start("serve", "--urls", $"http://127.0.0.1:{port}", "--db", Database, "--home", Home, "--invisibility-timeout", InvisibilityTimeout));
        Http.Dispose();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await Server.WaitForLineAsync(l => l.Contains("serving on"), TimeSpan.FromSeconds(60), "'serving on'");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await HealthyAsync())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"/api/health is not 200 after 30 s:\n{Server.Output}");
            await Task.Delay(100);
        }
        return Server;
    }

    /// <summary>Starts a worker and waits until it joined; returns it with its node name (its Hangfire server's name).</summary>
    public async Task<(NodeProcess Process, string Node)> StartWorkerAsync()
    {
        var worker = Add(NodeProcess.Start("worker", "--db", Database, "--home", Home, "--invisibility-timeout", InvisibilityTimeout));
        var joined = await worker.WaitForLineAsync(l => l.Contains("joined the cluster"), TimeSpan.FromSeconds(60), "'joined the cluster'");
        return (worker, joined.Split(' ')[2]);
    }

    public async Task<long> StartRunAsync(object settings)
    {
        var response = await Http.PostAsJsonAsync("/api/runs", new { name = "cluster", tasks = "arc-agi-1/training", settings });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public async Task<JsonElement> RunAsync(long runId) => await Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");

    /// <summary>Waits (at most <paramref name="seconds"/>) for the run to complete, reading the store (a server may be down meanwhile).</summary>
    public async Task WaitForCompletionAsync(long runId, int seconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                await using var store = await OpenAsync();
                var run = await store.GetRunAsync(runId);
                if (run!.Status == RunStatus.Completed) return;
                Assert.True(run.Status == RunStatus.Running, $"run {runId} is {run.Status}:\n{Logs}");
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ArcSynth.Storage.StoreUnavailableException)
            {
                // PostgreSQL restarting: look again.
            }
            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not complete within {seconds} s:\n{Logs}");
            await Task.Delay(250);
        }
    }

    public Task<SqlRunStore> OpenAsync() => SqlRunStore.OpenAsync(new PostgresDialect(Database));

    /// <summary>Asserts that the run did exactly the work of the same settings run by one process.</summary>
    public async Task AssertSameAsSingleProcessAsync(long runId)
    {
        await using var store = await OpenAsync();
        (await SingleProcess.ReferenceAsync(store, runId)).AssertSameAs(await RunOutcome.ReadAsync(store, runId));
    }

    /// <summary>What every node printed, for a failing assertion's message.</summary>
    public string Logs => string.Join("\n", _nodes.Select((n, i) => $"--- node {i}:\n{n.Output}"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var node in _nodes) node.Dispose();
        try
        {
            await _database.DisposeAsync();
        }
        finally
        {
            Directory.Delete(Home, recursive: true);
        }
    }

    private NodeProcess Add(NodeProcess node)
    {
        _nodes.Add(node);
        return node;
    }

    private async Task<bool> HealthyAsync()
    {
        try
        {
            return (await Http.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What a run produced, without timings and ids: equal for two runs exactly when they did the same work.</summary>
internal sealed record RunOutcome(IReadOnlyList<string> Iterations, IReadOnlyList<string> Programs, IReadOnlyList<string> Steps)
{
    public static async Task<RunOutcome> ReadAsync(IRunStore store, long runId)
    {
        var iterations = (await store.IterationsAsync(runId)).Select(i =>
            $"{i.Iteration}: samples {i.Samples}, valid {i.ValidShare:R}, buffer {i.BufferSize}, loss {i.TrainLoss:R}, solved {i.SolvedDemonstrations}/{i.SolvedTest} of {i.Tasks}, compressed {i.CompressedPrograms} ({i.LinesSaved} lines)").ToList();
        var programs = (await store.ProgramsAsync(runId)).Select(p =>
            $"{p.Iteration} {p.TaskId} {p.Source} exact {p.Exact} buffer {p.InBuffer} priority {p.Priority:R}\n{p.Text}").Order(StringComparer.Ordinal).ToList();
        var steps = (await store.StepsAsync(runId)).Select(s => $"{s.Iteration} {s.Phase} {s.Shard}").Order(StringComparer.Ordinal).ToList();
        return new RunOutcome(iterations, programs, steps);
    }

    /// <summary>Asserts that <paramref name="actual"/> did exactly this run's work.</summary>
    public void AssertSameAs(RunOutcome actual)
    {
        Assert.Equal(Steps, actual.Steps);
        Assert.Equal(Iterations, actual.Iterations);
        Assert.Equal(Programs.Count, actual.Programs.Count);
        Assert.Equal(Programs, actual.Programs);
    }
}

/// <summary>
/// Settings small enough for a test and the same run done by one <c>arcsynth run</c> process on
/// SQLite, the reference a cluster's run must equal. Each reference is run once per settings.
/// </summary>
internal static class SingleProcess
{
    private static readonly ConcurrentDictionary<string, Task<RunOutcome>> References = new();

    /// <summary>8 ARC-AGI-1 training tasks, one shard each, 2 iterations of a tiny model.</summary>
    public static object Settings(int trainSteps = 2) => new
    {
        targetLimit = 8, iterations = 2, originalMutations = 60, samplesPerTask = 8, maxProgramTokens = 64, shardTasks = 1,
        embedding = 32, layers = 1, heads = 2, pretrainSteps = 4, trainSteps, batchSize = 2,
        // Time limits that no program of these tasks comes near (the runs compare a cluster's programs
        // with one process's, so a program must not time out in one and not the other on a loaded machine).
        timeoutMs = 2000, searchBudget = 100, searchTimeoutMs = 2000, recallSamples = 2, recallTasks = 2,
        // Test-time training on (off by default), so that a cluster's adapted samples are checked against one process's too.
        adaptSteps = 2,
    };

    /// <summary>The outcome of <paramref name="runId"/>'s settings (as the cluster stored them) run by one process.</summary>
    public static async Task<RunOutcome> ReferenceAsync(IRunStore cluster, long runId)
    {
        var settings = (await cluster.GetRunAsync(runId))!.ConfigJson;
        return await References.GetOrAdd(settings, RunAsync);
    }

    private static async Task<RunOutcome> RunAsync(string settings)
    {
        var home = Directory.CreateTempSubdirectory("arcsynth-reference-").FullName;
        var file = Path.Combine(home, "settings.json");
        await File.WriteAllTextAsync(file, settings);
        using var run = NodeProcess.Start("run", "--home", home, "--settings", file);
        Assert.True(await run.WaitForExitAsync(TimeSpan.FromMinutes(5)) == 0, run.Output);
        await using var store = await SqlRunStore.OpenAsync(new SqliteDialect(HomeFolder.Database(home)));
        var outcome = await RunOutcome.ReadAsync(store, (await store.ListRunsAsync()).Single().Id);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(home, recursive: true);
        return outcome;
    }
}
