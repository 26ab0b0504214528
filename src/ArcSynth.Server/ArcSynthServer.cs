using ArcSynth.Primitives.Library;
using ArcSynth.Server.Api;
using ArcSynth.Server.Primitives;
using ArcSynth.Server.Runs;
using ArcSynth.Server.Scheduling;
using ArcSynth.Storage.Sql;
using ArcSynth.Synthesis.Store;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Server;

/// <summary>
/// The ArcSynth service: the REST API under /api (OpenAPI document at /openapi/v1.json), the
/// dashboard at /, the Hangfire Dashboard at /hangfire, and a Hangfire server running the runs' steps.
/// State lives in PostgreSQL with Hangfire.PostgreSql (schema <c>hangfire</c>) when a database is given,
/// else in the SQLite file with Hangfire in memory.
/// </summary>
public static class ArcSynthServer
{
    /// <summary>Where the Hangfire Dashboard is served.</summary>
    public const string HangfireDashboardPath = "/hangfire";

    /// <summary>
    /// Opens the store (running its migrations, and Hangfire.PostgreSql's install scripts on PostgreSQL), builds
    /// the app and loads the primitive registry (built-in, contrib and the store's accepted ones); start it with
    /// <c>RunAsync</c> or <c>StartAsync</c>. Throws <see cref="Storage.StoreException"/> for a
    /// database newer than this code, <see cref="Storage.StoreUnavailableException"/> for one that cannot be reached.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(ServerOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var (store, jobs) = await OpenAsync(options, cancellationToken);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ArcSynthServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        AddNode(builder.Services, builder.Logging, options, store, jobs, logging);
        builder.Services.AddProblemDetails();
        // A query or route value that does not bind throws, so ApiErrors can answer 400 naming the parameter.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ApiErrors>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        var app = builder.Build();
        await app.Services.GetRequiredService<PrimitiveCatalog>().RefreshAsync(cancellationToken);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var dashboard = new EmbeddedFileProvider(typeof(ArcSynthServer).Assembly, "ArcSynth.Server.Dashboard");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = dashboard });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = dashboard });
        app.UseHangfireDashboard(HangfireDashboardPath, new DashboardOptions
        {
            Authorization = [new HangfireDashboardAccess(options.HangfireCredential)],
            AppPath = "/",
            DashboardTitle = "ArcSynth jobs",
        }, jobs);
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        HealthEndpoints.Map(api);
        RunEndpoints.Map(api);
        TaskEndpoints.Map(api);
        JobEndpoints.Map(api);
        PrimitiveEndpoints.Map(api);
        app.Lifetime.ApplicationStarted.Register(() => StartSweep(app));
        return app;
    }

    /// <summary>
    /// A worker: a Hangfire server on <see cref="ServerOptions.Database"/>'s job storage with no API or
    /// dashboard. It takes whatever jobs the cluster enqueues (runs' steps, and a run's loop whose node went
    /// away), with the same store, registry and home folder settings as a server.
    /// </summary>
    public static async Task<IHost> CreateWorkerAsync(ServerOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        if (options.Database is null) throw new ArgumentException("a worker joins the cluster of a PostgreSQL database: give its connection string");
        var (store, jobs) = await OpenAsync(options, cancellationToken);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = typeof(ArcSynthServer).Assembly.GetName().Name });
        AddNode(builder.Services, builder.Logging, options, store, jobs, logging);
        var host = builder.Build();
        await host.Services.GetRequiredService<PrimitiveCatalog>().RefreshAsync(cancellationToken);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => StartSweep(host));
        return host;
    }

    private static async Task<(SqlRunStore Store, JobStorage Jobs)> OpenAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        var store = await SqlRunStore.OpenAsync(SqlDialect.For(options.Database, options.Home), cancellationToken);
        try
        {
            return (store, await JobStorageFactory.CreateAsync(options, cancellationToken));
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>What every node runs: the store, the registry, and a Hangfire server (on PostgreSQL shared with the cluster, in memory otherwise) with the loop's jobs.</summary>
    private static void AddNode(IServiceCollection services, ILoggingBuilder loggingBuilder, ServerOptions options, SqlRunStore store, JobStorage jobs, Action<ILoggingBuilder>? logging)
    {
        loggingBuilder.AddSimpleConsole(o => o.SingleLine = true);
        loggingBuilder.AddFilter("Microsoft", LogLevel.Warning);
        logging?.Invoke(loggingBuilder);
        var node = NodeIdentity.ForThisProcess();
        services.AddSingleton(options);
        services.AddSingleton(node);
        // Made by factories, the store and the job storage are disposed with the host (closing connections, stopping the in-memory storage's thread).
        services.AddSingleton(_ => store);
        services.AddSingleton(_ => jobs);
        services.AddSingleton<IRunStore>(p => p.GetRequiredService<SqlRunStore>());
        services.AddSingleton<IPrimitiveStore>(p => p.GetRequiredService<SqlRunStore>());
        services.AddSingleton<LiveProgress>();
        services.AddSingleton<RunControl>();
        services.AddSingleton<RunJobs>();
        services.AddSingleton<ClusterSteps>();
        services.AddSingleton<PrimitiveCatalog>();
        services.AddSingleton<RegistryRefresh>();
        if (options.Database is { } connectionString) services.AddSingleton<ILoopLocks>(p => new PostgresLoopLocks(connectionString, p.GetRequiredService<ILogger<PostgresLoopLocks>>()));
        else services.AddSingleton<ILoopLocks, ProcessLoopLocks>();
        // Hangfire's settings are process-wide (GlobalConfiguration), and a test process runs several nodes: every node
        // sets the same ones here, and its storage and activator are its own services, which Hangfire's registrations
        // then use. AddHangfire's own configuration step would point the process-wide log provider and activator at this
        // node's services, which die with it; it is replaced by the configuration as set here.
        GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings().UseLogProvider(HangfireLogging.Provider);
        services.AddSingleton<JobActivator>(p => new AspNetCoreJobActivator(p.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(_ => { });
        services.Replace(ServiceDescriptor.Singleton<IGlobalConfiguration>(GlobalConfiguration.Configuration));
        // Hangfire's server runs the node's IBackgroundProcess services beside its workers.
        services.AddSingleton<HangfireServerLiveness>();
        services.AddSingleton<Hangfire.Server.IBackgroundProcess>(p => p.GetRequiredService<HangfireServerLiveness>());
        services.AddHangfireServer((_, server) =>
        {
            server.ServerName = node.Name;
            // A step already uses every core (executor, trainer); a second thread keeps cron starts, the resume
            // sweep and steps from waiting behind a run's job, which waits for its steps (and does those no node took).
            server.WorkerCount = 2;
            // Cron schedules (which may name seconds) and the 30 s resume sweep start on time.
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
    }

    /// <summary>Runs that were going when the service stopped go on, and keep going after a database outage (<see cref="ResumeSweepJob"/>).</summary>
    private static void StartSweep(IHost host)
    {
        try
        {
            ResumeSweepJob.Schedule(host.Services.GetRequiredService<IBackgroundJobClient>(), host.Services.GetRequiredService<IRecurringJobManager>());
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            host.Services.GetRequiredService<ILogger<ResumeSweepJob>>().LogWarning("could not schedule the sweep for interrupted runs: {Message}", e.Message);
        }
    }
}
