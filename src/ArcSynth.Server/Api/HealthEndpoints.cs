using ArcSynth.Server.Scheduling;
using ArcSynth.Synthesis.Store;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ArcSynth.Server.Api;

/// <summary>/api/health: 200 when the store answers and this node's Hangfire server runs, 503 (problem details) otherwise.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/health", HealthAsync).WithTags("health").WithSummary("Whether the store answers and this node's Hangfire server runs.");

    private static async Task<Results<Ok<HealthView>, ProblemHttpResult>> HealthAsync(IRunStore store, JobStorage jobs, HangfireServerLiveness server, NodeIdentity node, CancellationToken ct)
    {
        // The store answers a cheap read, or the exception handler turns its failure into 503.
        await store.ListRunsAsync(ct);
        if (!server.IsRunning)
            return TypedResults.Problem($"this node's Hangfire server ({node.Name}) is not running", statusCode: StatusCodes.Status503ServiceUnavailable);
        var clustered = jobs is PostgreSqlStorage;
        return TypedResults.Ok(new HealthView("ok", store is Storage.Sql.SqlRunStore sql ? sql.Describe : store.GetType().Name,
            $"Hangfire {typeof(JobStorage).Assembly.GetName().Version?.ToString(3)} on {(clustered ? $"PostgreSQL (schema {JobStorageFactory.Schema})" : "memory")}, server {node.Name}",
            clustered));
    }
}
