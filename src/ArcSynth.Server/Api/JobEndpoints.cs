using System.Globalization;
using System.Text.Json;
using ArcSynth.Server.Runs;
using ArcSynth.Server.Scheduling;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ArcSynth.Server.Api;

/// <summary>/api/jobs (what Hangfire holds: the cron schedules, and the jobs waiting or executing anywhere in the cluster) and /api/schedules.</summary>
internal static class JobEndpoints
{
    /// <summary>The most jobs of each state listed (the Hangfire Dashboard at /hangfire pages through all of them).</summary>
    private const int MaxEach = 500;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/jobs", Jobs).WithTags("jobs").WithSummary("The cron schedules, and every job waiting or executing in the cluster.");
        api.MapPost("/schedules", Schedule).WithTags("jobs").WithSummary("Adds a cron schedule that starts a run at each firing.");
        api.MapDelete("/schedules/{name}", Unschedule).WithTags("jobs").WithSummary("Removes a cron schedule.");
    }

    private static IReadOnlyList<JobView> Jobs(JobStorage storage)
    {
        var views = new List<JobView>();
        using (var connection = storage.GetConnection())
            foreach (var schedule in connection.GetRecurringJobs())
                views.Add(new JobView(schedule.Id, schedule.Job?.Type == typeof(ScheduledRunJob) ? ScheduledRunJob.Group : "service", DescribeSchedule(schedule),
                    schedule.Job?.Type.Name ?? "unknown", false,
                    [new TriggerView(schedule.Id, schedule.Error is null ? "Recurring" : $"Error: {schedule.Error}", schedule.NextExecution, schedule.LastExecution, schedule.Cron)]));
        var monitoring = storage.GetMonitoringApi();
        foreach (var (id, job) in monitoring.ProcessingJobs(0, MaxEach))
            views.Add(View(id, job.Job, ProcessingState.StateName, running: true, next: null));
        foreach (var (id, job) in monitoring.ScheduledJobs(0, MaxEach))
            views.Add(View(id, job.Job, ScheduledState.StateName, running: false, next: job.EnqueueAt));
        foreach (var queue in monitoring.Queues())
            foreach (var (id, job) in monitoring.EnqueuedJobs(queue.Name, 0, MaxEach))
                views.Add(View(id, job.Job, EnqueuedState.StateName, running: false, next: null));
        return views;
    }

    private static Results<Created<JobView>, ValidationProblem> Schedule(ScheduleRequest request, RunControl control)
    {
        if (request.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        string name;
        try
        {
            name = control.Schedule(request);
        }
        catch (ArgumentException e) when (e.ParamName == "cronExpression")
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cron"] = [request.CronError] });
        }
        return TypedResults.Created("/api/jobs", new JobView(name, ScheduledRunJob.Group, Describe(request.Run, request.Cron), nameof(ScheduledRunJob), false, []));
    }

    private static Results<NoContent, ProblemHttpResult> Unschedule(string name, RunControl control) =>
        control.Unschedule(name) ? TypedResults.NoContent() : TypedResults.Problem($"there is no schedule '{name}'", statusCode: StatusCodes.Status404NotFound);

    /// <summary>A job named as the API has always named it (<c>run-7</c>, <c>run-7-i0-sample-1</c>), grouped by what it is.</summary>
    private static JobView View(string id, Job? job, string state, bool running, DateTime? next)
    {
        var args = job?.Args ?? [];
        var (name, group, description) = job?.Type.Name switch
        {
            nameof(RunJob) => ($"run-{args[0]}", "runs", $"the loop of run {args[0]}"),
            nameof(StepJob) => (string.Create(CultureInfo.InvariantCulture, $"run-{args[0]}-i{args[1]}-{args[2]}-{args[3]}"), "steps", $"{args[2]} {args[3]} of iteration {args[1]} of run {args[0]}"),
            nameof(ScheduledRunJob) => ($"{args[0]}-{id}", ScheduledRunJob.Group, $"a run started by {args[0]}"),
            _ => (id, "service", job?.ToString()),
        };
        return new JobView(name, group, description, job?.Type.Name ?? "unknown", running, [new TriggerView(id, state, next, null, null)]);
    }

    private static string? DescribeSchedule(RecurringJobDto schedule) =>
        schedule.Job is { Type.Name: nameof(ScheduledRunJob), Args: [_, string request, ..] }
            ? Describe(JsonSerializer.Deserialize<RunRequest>(request, JsonSerializerOptions.Web)!, schedule.Cron)
            : "starts again runs whose loop was lost";

    private static string Describe(RunRequest run, string cron) => $"starts run '{run.Name}' on {run.Tasks} at '{cron}'";
}
