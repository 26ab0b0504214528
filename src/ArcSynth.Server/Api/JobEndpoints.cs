using ArcSynth.Server.Runs;
using ArcSynth.Server.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ArcSynth.Server.Api;

/// <summary>/api/jobs (what Quartz holds: run steps and cron schedules) and /api/schedules.</summary>
internal static class JobEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/jobs", JobsAsync).WithTags("jobs").WithSummary("Every job in the scheduler with its triggers.");
        api.MapPost("/schedules", ScheduleAsync).WithTags("jobs").WithSummary("Adds a cron schedule that starts a run at each firing.");
        api.MapDelete("/schedules/{name}", UnscheduleAsync).WithTags("jobs").WithSummary("Removes a cron schedule.");
    }

    private static async Task<IReadOnlyList<JobView>> JobsAsync(ISchedulerFactory schedulers, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        // Executing anywhere in the cluster, not only in this process.
        var running = (await scheduler.QueryFireInstances(new FireInstanceQuery { State = FireInstanceState.Executing }, ct)).Items.Select(f => f.JobKey).ToHashSet();
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery(), ct)).Items.ToLookup(t => t.JobKey);
        var views = new List<JobView>();
        foreach (var job in (await scheduler.QueryJobs(new JobQuery(), ct)).Items)
        {
            var of = new List<TriggerView>();
            foreach (var t in triggers[job.Key])
                of.Add(new TriggerView(t.Key.Name, t.State.ToString(), t.NextFireTimeUtc, t.PreviousFireTimeUtc,
                    (await scheduler.GetTrigger(t.Key, ct) as ICronTrigger)?.CronExpressionString));
            views.Add(new JobView(job.Key.Name, job.Key.Group, job.Description, job.JobTypeName.Split(',')[0].Split('.')[^1], running.Contains(job.Key), of));
        }
        return views;
    }

    private static async Task<Results<Created<JobView>, ValidationProblem>> ScheduleAsync(ScheduleRequest request, RunControl control, CancellationToken ct)
    {
        if (request.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var name = await control.ScheduleAsync(request, ct);
        return TypedResults.Created($"/api/jobs", new JobView(name, ScheduledRunJob.Group, $"starts run '{request.Run.Name}' on {request.Run.Tasks} at '{request.Cron}'",
            nameof(ScheduledRunJob), false, []));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnscheduleAsync(string name, RunControl control, CancellationToken ct) =>
        await control.UnscheduleAsync(name, ct) ? TypedResults.NoContent()
            : TypedResults.Problem($"there is no schedule '{name}'", statusCode: StatusCodes.Status404NotFound);
}
