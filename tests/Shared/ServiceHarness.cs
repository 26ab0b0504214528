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
    private readonly string _folder;

    private ServiceHarness(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static async Task<ServiceHarness> StartAsync(string? database = null)
    {
        var folder = Directory.CreateTempSubdirectory("arcsynth-server-").FullName;
        var options = new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = database,
            SqlitePath = Path.Combine(folder, "arcsynth.db"),
            SeedsFile = RepositoryFile("seeds/training.py"),
            Threads = 2,
        };
        var app = await ArcSynthServer.CreateAsync(options, logging => logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var harness = new ServiceHarness(app, folder, new Uri(address));
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

    /// <summary>Starts a run on the first <paramref name="perFolder"/> tasks of ARC-AGI-1 training and evaluation; returns its id.</summary>
    public async Task<long> StartRunAsync(int perFolder = 8, int iterations = 2, int budget = 10)
    {
        var response = await Http.PostAsJsonAsync("/api/runs", new
        {
            name = "test", tasks = new[] { "arc-agi-1/training", "arc-agi-1/evaluation" }, tasksPerFolder = perFolder, iterations, budget,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Waits (at most <paramref name="seconds"/>) until the run's status is <paramref name="status"/>; returns the run.</summary>
    public async Task<JsonElement> WaitForStatusAsync(long runId, string status, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = await Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
            if (run.GetProperty("status").GetString() == status) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {runId} is still {run.GetProperty("status")} after {seconds} s, not {status}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A file of this repository, found from the test binary upwards.</summary>
    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
