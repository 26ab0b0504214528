using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArcSynth.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Tests.Shared;

/// <summary>
/// The ArcSynth server running in this test process on a free loopback port, with the project's
/// seed programs and the real ARC data, over a fresh SQLite file or the given PostgreSQL database.
/// </summary>
internal sealed class ServiceHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownFolder;

    private readonly string _database;

    private ServiceHarness(WebApplication app, string? ownFolder, Uri address, string database)
    {
        _app = app;
        _ownFolder = ownFolder;
        _database = database;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Starts a server; <paramref name="home"/> (kept afterwards) lets a second server take over the first one's checkpoints.</summary>
    public static async Task<ServiceHarness> StartAsync(string? database = null, string? home = null)
    {
        var folder = home ?? Directory.CreateTempSubdirectory("arcsynth-server-").FullName;
        var options = new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = database,
            Home = folder,
            SeedsFile = RepositoryFile("seeds/training.py"),
        };
        var warnings = database ?? folder;
        var app = await ArcSynthServer.CreateAsync(options, logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(new NodeWarnings(warnings)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var harness = new ServiceHarness(app, home is null ? folder : null, new Uri(address), warnings);
        await harness.WaitUntilHealthyAsync();
        return harness;
    }

    /// <summary>Waits (at most 30 s) for /api/health to answer 200: the scheduler starts just after the web server.</summary>
    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = (await Http.GetAsync("/api/health")).StatusCode) != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"/api/health still answers {(int)status} 30 s after start");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// A small real run of the CodeIt loop: the first <paramref name="tasks"/> tasks of ARC-AGI-1's
    /// <paramref name="split"/>, a tiny model and budgets that take seconds on 2 cores.
    /// </summary>
    public static object SmallRun(string split = "training", int tasks = 8, int iterations = 2) => new
    {
        name = "small", tasks = $"arc-agi-1/{split}",
        settings = new
        {
            targetLimit = tasks, iterations, originalMutations = 60, samplesPerTask = 4, maxProgramTokens = 64, shardTasks = 4,
            embedding = 32, layers = 1, heads = 2, pretrainSteps = 4, trainSteps = 2, batchSize = 2, timeoutMs = 200,
            searchBudget = 100, searchTimeoutMs = 2000, recallSamples = 2, recallTasks = 2,
        },
    };

    /// <summary>Starts <see cref="SmallRun"/> (or <paramref name="request"/>) through the API; returns the run's id.</summary>
    public async Task<long> StartRunAsync(object? request = null)
    {
        var response = await Http.PostAsJsonAsync("/api/runs", request ?? SmallRun());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>
    /// Waits (at most <paramref name="seconds"/>) until the run's status is <paramref name="status"/>; returns the run.
    /// A 503 is waited through: the API answers it while the database is out of reach, as in the outage tests.
    /// </summary>
    public async Task<JsonElement> WaitForStatusAsync(long runId, string status, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var last = "unknown (the API answered 503)"; // the run as last read, so that a timeout says why
        while (true)
        {
            using var response = await Http.GetAsync($"/api/runs/{runId}");
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                response.EnsureSuccessStatusCode();
                var run = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (run.GetProperty("status").GetString() == status) return run;
                last = run.ToString();
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {runId} is still {last} after {seconds} s, not {status}; the servers' last warnings:{Environment.NewLine}{NodeWarnings.Of(_database)}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownFolder is not null) Directory.Delete(_ownFolder, recursive: true);
    }

    /// <summary>A file of this repository, found from the test binary upwards.</summary>
    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
