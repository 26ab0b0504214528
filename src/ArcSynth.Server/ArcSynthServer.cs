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
        var dialect = SqlDialect.For(options.Database, options.Home);
        var store = await SqlRunStore.OpenAsync(dialect, cancellationToken);
        if (options.Database is not null) await QuartzSchema.ApplyAsync(dialect, cancellationToken);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ArcSynthServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Quartz", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IRunStore>(store);
        builder.Services.AddSingleton<IPrimitiveStore>(store);
        builder.Services.AddSingleton<LiveProgress>();
        builder.Services.AddSingleton<RunControl>();
        builder.Services.AddSingleton<PrimitiveCatalog>();
        builder.Services.AddProblemDetails();
        // A query or route value that does not bind throws, so ApiErrors can answer 400 naming the parameter.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ApiErrors>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "arcsynth";
                s.GenerateInstanceId = true;
                // At shutdown a loop is interrupted and waited for: it stops after its last completed step,
                // and its job is handed back (another node, or this one at its next start, goes on with it).
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            // A loop already uses every core (executor, trainer); a second thread keeps cron starts and
            // the resume sweep from waiting behind a long run.
            q.UseDefaultThreadPool(2);
            q.AddJobListener<RegistryRefresh>([GroupMatcher<JobKey>.GroupEquals(RunJob.Group)]);
            if (options.Database is { } connectionString)
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(connectionString);
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                    s.UseSystemTextJsonSerializer();
                });
            else q.UseInMemoryStore();
        });
        builder.Services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);

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

    /// <summary>Runs that were going when the service stopped go on, and keep going after a database outage (<see cref="ResumeSweepJob"/>).</summary>
    private static async Task ResumeAsync(WebApplication app)
    {
        try
        {
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(app.Lifetime.ApplicationStopping);
            await ResumeSweepJob.ScheduleAsync(scheduler, app.Lifetime.ApplicationStopping);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e) || e is OperationCanceledException)
        {
            app.Logger.LogWarning("could not schedule the sweep for interrupted runs: {Message}", e.Message);
        }
    }
}
