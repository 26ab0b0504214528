using ArcSynth.Server.Runs;
using ArcSynth.Server.Scheduling;
using ArcSynth.Synthesis.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ArcSynth.Server.Api;

/// <summary>/api/runs: list, start, pause, resume, cancel; a run's iterations, chart and progress.</summary>
internal static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("runs");
        runs.MapGet("/", ListAsync).WithSummary("Every run, newest first, with its progress.");
        runs.MapPost("/", StartAsync).WithSummary("Starts a run now.");
        runs.MapGet("/{id:long}", GetAsync).WithSummary("One run with its progress.");
        runs.MapPost("/{id:long}/pause", (long id, RunControl c, IRunStore s, BaselineLoop l, CancellationToken ct) => ControlAsync(id, "be paused", c.PauseAsync, s, l, ct))
            .WithSummary("Pauses a running run after its current step.");
        runs.MapPost("/{id:long}/resume", (long id, RunControl c, IRunStore s, BaselineLoop l, CancellationToken ct) => ControlAsync(id, "be resumed", c.ResumeAsync, s, l, ct))
            .WithSummary("Resumes a paused run from its next step.");
        runs.MapPost("/{id:long}/cancel", (long id, RunControl c, IRunStore s, BaselineLoop l, CancellationToken ct) => ControlAsync(id, "be cancelled", c.CancelAsync, s, l, ct))
            .WithSummary("Cancels a running or paused run for good.");
        runs.MapGet("/{id:long}/iterations", async (long id, IRunStore store, CancellationToken ct) => await store.IterationsAsync(id, ct))
            .WithSummary("The figures of each finished iteration.");
        runs.MapGet("/{id:long}/chart", ChartAsync).WithSummary("Solved tasks per iteration, per split, on demonstrations and on test outputs.");
    }

    private static async Task<IReadOnlyList<RunView>> ListAsync(IRunStore store, BaselineLoop loop, CancellationToken ct)
    {
        var views = new List<RunView>();
        foreach (var run in await store.ListRunsAsync(ct)) views.Add(await ViewAsync(run, store, loop, ct));
        return views;
    }

    private static async Task<Results<Created<RunView>, ValidationProblem>> StartAsync(RunConfig config, RunControl control, IRunStore store, BaselineLoop loop, CancellationToken ct)
    {
        if (ValidateWithTasks(config, loop) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var id = await control.StartAsync(config, ct);
        return TypedResults.Created($"/api/runs/{id}", await ViewAsync((await store.GetRunAsync(id, ct))!, store, loop, ct));
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetAsync(long id, IRunStore store, BaselineLoop loop, CancellationToken ct) =>
        await store.GetRunAsync(id, ct) is { } run ? TypedResults.Ok(await ViewAsync(run, store, loop, ct)) : NoRun(id);

    private static async Task<Results<Ok<IReadOnlyList<ChartPoint>>, ProblemHttpResult>> ChartAsync(long id, IRunStore store, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is null) return NoRun(id);
        var points = new List<ChartPoint>();
        foreach (var iteration in await store.IterationsAsync(id, ct))
        {
            var results = await store.TaskResultsAsync(id, iteration.Iteration, ct);
            SplitFigures Of(string split)
            {
                var of = results.Where(r => r.Split == split).ToList();
                return new SplitFigures(of.Count, of.Count(r => r.SolvedDemonstrations), of.Count(r => r.SolvedTest == true));
            }
            points.Add(new ChartPoint(iteration.Iteration, Of("training"), Of("evaluation")));
        }
        return TypedResults.Ok<IReadOnlyList<ChartPoint>>(points);
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> ControlAsync(
        long id, string action, Func<long, CancellationToken, Task<bool>> change, IRunStore store, BaselineLoop loop, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is not { } run) return NoRun(id);
        if (!await change(id, ct)) return TypedResults.Problem($"run {id} is {run.Status} and cannot {action}", statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok(await ViewAsync((await store.GetRunAsync(id, ct))!, store, loop, ct));
    }

    /// <summary>The configuration's own problems, then whether its task folders exist.</summary>
    internal static Dictionary<string, string[]> ValidateWithTasks(RunConfig config, BaselineLoop loop)
    {
        var errors = config.Validate();
        if (errors.Count > 0) return errors;
        try
        {
            if (loop.Tasks(config).Count == 0) errors["tasks"] = ["the folders hold no valid task"];
        }
        catch (Exception e) when (e is RunConfigException or IOException)
        {
            errors["tasks"] = [e.Message];
        }
        return errors;
    }

    internal static async Task<RunView> ViewAsync(RunRecord run, IRunStore store, BaselineLoop loop, CancellationToken ct)
    {
        var config = RunConfig.FromJson(run.ConfigJson);
        var p = loop.Progress(config, await store.StepsAsync(run.Id, ct));
        return new RunView(run.Id, run.Name, run.Status, run.CreatedAt, run.RegistryVersion, config,
            new ProgressView(p.Next?.Iteration, p.Next?.Phase, p.Next?.Shard, p.Shards, p.CompletedSteps, p.TotalSteps));
    }

    internal static ProblemHttpResult NoRun(long id) => TypedResults.Problem($"there is no run {id}", statusCode: StatusCodes.Status404NotFound);
}
