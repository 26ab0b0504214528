using ArcSynth.Synthesis.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ArcSynth.Server.Api;

/// <summary>/api/health: 200 when the store answers and the scheduler runs, 503 (problem details) otherwise.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/health", HealthAsync).WithTags("health").WithSummary("Whether the store answers and the scheduler runs.");

    private static async Task<Results<Ok<HealthView>, ProblemHttpResult>> HealthAsync(IRunStore store, ISchedulerFactory schedulers, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var metadata = await scheduler.GetMetadata(ct);
        // The store answers a cheap read, or the exception handler turns its failure into 503.
        await store.ListRunsAsync(ct);
        if (metadata.Status != SchedulerStatus.Running)
            return TypedResults.Problem($"the scheduler is {metadata.Status}, not running", statusCode: StatusCodes.Status503ServiceUnavailable);
        return TypedResults.Ok(new HealthView("ok", store is Storage.Sql.SqlRunStore sql ? sql.Describe : store.GetType().Name,
            $"{metadata.SchedulerName} ({metadata.JobStoreTypeName})", metadata.JobStoreClustered));
    }
}
