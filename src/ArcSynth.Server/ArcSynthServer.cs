using ArcSynth.Primitives.Library;
using ArcSynth.Server.Api;
using ArcSynth.Server.Primitives;
using ArcSynth.Server.Runs;
using ArcSynth.Server.Scheduling;
using ArcSynth.Storage.Sql;
using ArcSynth.Synthesis.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArcSynth.Server;

/// <summary>
/// The ArcSynth service: the REST API under /api (OpenAPI document at /openapi/v1.json), the
/// dashboard at /, and Quartz running the runs' steps. State lives in PostgreSQL with Quartz's
/// clustered job store when a database is given, else in the SQLite file with the in-memory job store.
/// </summary>
public static class ArcSynthServer
{
    /// <summary>
    /// Opens the store (running its migrations, and Quartz's on PostgreSQL), builds the app and loads
    /// the primitive registry (built-in, contrib and the store's accepted ones); start it with
    /// <c>RunAsync</c> or <c>StartAsync</c>. Throws <see cref="Storage.StoreException"/> for a
    /// database newer than this code, <see cref="Storage.StoreUnavailableException"/> for one that cannot be reached.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(ServerOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var store = await OpenStoreAsync(options, cancellationToken);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ArcSynthServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        AddNode(builder.Services, builder.Logging, options, store, logging);
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
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        HealthEndpoints.Map(api);
        RunEndpoints.Map(api);
        TaskEndpoints.Map(api);
        JobEndpoints.Map(api);
        PrimitiveEndpoints.Map(api);
        app.Lifetime.ApplicationStarted.Register(() => _ = ResumeAsync(app));
        return app;
    }

    /// <summary>
    /// A worker: a node of the Quartz cluster on <see cref="ServerOptions.Database"/> with no API or
    /// dashboard. It takes whatever jobs the cluster fires (runs' steps, and a run's loop
    /// whose node went away), with the same store, registry and home folder settings as a server.
    /// </summary>
    public static async Task<IHost> CreateWorkerAsync(ServerOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        if (options.Database is null) throw new ArgumentException("a worker joins the cluster of a PostgreSQL database: give its connection string");
        var store = await OpenStoreAsync(options, cancellationToken);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = typeof(ArcSynthServer).Assembly.GetName().Name });
        AddNode(builder.Services, builder.Logging, options, store, logging);
        var host = builder.Build();
        await host.Services.GetRequiredService<PrimitiveCatalog>().RefreshAsync(cancellationToken);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => _ = ResumeAsync(host));
        return host;
    }

    private static async Task<SqlRunStore> OpenStoreAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        var dialect = SqlDialect.For(options.Database, options.Home);
        var store = await SqlRunStore.OpenAsync(dialect, cancellationToken);
        try
        {
            if (options.Database is not null) await QuartzSchema.ApplyAsync(dialect, cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>What every node runs: the store, the registry, and Quartz (clustered on PostgreSQL, in memory otherwise) with the loop's jobs.</summary>
    private static void AddNode(IServiceCollection services, ILoggingBuilder loggingBuilder, ServerOptions options, SqlRunStore store, Action<ILoggingBuilder>? logging)
    {
        loggingBuilder.AddSimpleConsole(o => o.SingleLine = true);
        loggingBuilder.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Quartz", LogLevel.Warning);
        logging?.Invoke(loggingBuilder);
        services.AddSingleton(options);
        // Made by a factory, the store is disposed with the host (closing its connections).
        services.AddSingleton(_ => store);
        services.AddSingleton<IRunStore>(p => p.GetRequiredService<SqlRunStore>());
        services.AddSingleton<IPrimitiveStore>(p => p.GetRequiredService<SqlRunStore>());
        services.AddSingleton<LiveProgress>();
        services.AddSingleton<RunControl>();
        services.AddSingleton<ClusterSteps>();
        services.AddSingleton<PrimitiveCatalog>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "arcsynth";
                s.GenerateInstanceId = true;
                // At shutdown a loop is interrupted and waited for: it stops after its last completed step,
                // and its job is handed back (another node, or this one at its next start, goes on with it).
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
                // Nodes learn of another node's new firings (a run's steps) only by looking: look every second, not every 30 s.
                s.IdleWaitTime = TimeSpan.FromSeconds(1);
            });
            // A step already uses every core (executor, trainer); a second thread keeps cron starts, the resume
            // sweep and steps from waiting behind a run's job, which waits for its steps (and does those no node took).
            q.UseDefaultThreadPool(2);
            // A run's loop and its steps use the registry as the store has it when they start, whichever node they run on.
            q.AddJobListener<RegistryRefresh>([GroupMatcher<JobKey>.GroupEquals(RunJob.Group), GroupMatcher<JobKey>.GroupEquals(StepJob.Group)]);
            if (options.Database is { } connectionString)
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(connectionString);
                    s.UseClustering(c => c.CheckinInterval = options.CheckinInterval);
                    s.UseSystemTextJsonSerializer();
                });
            else q.UseInMemoryStore();
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
    }

    /// <summary>Runs that were going when the service stopped go on, and keep going after a database outage (<see cref="ResumeSweepJob"/>).</summary>
    private static async Task ResumeAsync(IHost host)
    {
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(stopping);
            await ResumeSweepJob.ScheduleAsync(scheduler, stopping);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e) || e is OperationCanceledException)
        {
            host.Services.GetRequiredService<ILogger<ResumeSweepJob>>().LogWarning("could not schedule the sweep for interrupted runs: {Message}", e.Message);
        }
    }
}
