using ArcSynth.Server.Runs;
using ArcSynth.Server.Scheduling;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ArcSynth.Server.Api;

/// <summary>/api/runs: list, start, pause, resume, cancel; a run's iterations and chart.</summary>
internal static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("runs");
        runs.MapGet("/", ListAsync).WithSummary("Every run, newest first, with its progress.");
        runs.MapPost("/", StartAsync).WithSummary("Starts a run of the CodeIt loop now.");
        runs.MapGet("/{id:long}", GetAsync).WithSummary("One run with its progress.");
        runs.MapPost("/{id:long}/pause", (long id, RunControl c, IRunStore s, LiveProgress l, CancellationToken ct) => ControlAsync(id, "be paused", c.PauseAsync, s, l, ct))
            .WithSummary("Pauses a running run after its current step.");
        runs.MapPost("/{id:long}/resume", (long id, RunControl c, IRunStore s, LiveProgress l, CancellationToken ct) => ControlAsync(id, "be resumed", c.ResumeAsync, s, l, ct))
            .WithSummary("Resumes a paused run from its next step.");
        runs.MapPost("/{id:long}/cancel", (long id, RunControl c, IRunStore s, LiveProgress l, CancellationToken ct) => ControlAsync(id, "be cancelled", c.CancelAsync, s, l, ct))
            .WithSummary("Cancels a running or paused run for good.");
        runs.MapGet("/{id:long}/iterations", async (long id, IRunStore store, CancellationToken ct) => await store.IterationsAsync(id, ct))
            .WithSummary("The figures of each finished iteration.");
        runs.MapGet("/{id:long}/chart", ChartAsync).WithSummary("Solved tasks per iteration, per split, on demonstrations and on test outputs.");
    }

    private static async Task<IReadOnlyList<RunView>> ListAsync(IRunStore store, LiveProgress live, CancellationToken ct)
    {
        var views = new List<RunView>();
        foreach (var run in await store.ListRunsAsync(ct)) views.Add(await ViewAsync(run, store, live, ct));
        return views;
    }

    private static async Task<Results<Created<RunView>, ValidationProblem>> StartAsync(RunRequest request, RunControl control, IRunStore store, LiveProgress live, CancellationToken ct)
    {
        if (request.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var id = await control.StartAsync(request, ct);
        return TypedResults.Created($"/api/runs/{id}", await ViewAsync((await store.GetRunAsync(id, ct))!, store, live, ct));
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetAsync(long id, IRunStore store, LiveProgress live, CancellationToken ct) =>
        await store.GetRunAsync(id, ct) is { } run ? TypedResults.Ok(await ViewAsync(run, store, live, ct)) : NoRun(id);

    private static async Task<Results<Ok<IReadOnlyList<ChartPoint>>, ProblemHttpResult>> ChartAsync(long id, IRunStore store, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is not { } run) return NoRun(id);
        var split = Split(Settings(run).Targets);
        var none = new SplitFigures(0, 0, 0);
        var points = (await store.IterationsAsync(id, ct)).Select(i =>
        {
            var figures = new SplitFigures(i.Tasks, i.SolvedDemonstrations, i.SolvedTest);
            return new ChartPoint(i.Iteration, split == "evaluation" ? none : figures, split == "evaluation" ? figures : none);
        }).ToList();
        return TypedResults.Ok<IReadOnlyList<ChartPoint>>(points);
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> ControlAsync(
        long id, string action, Func<long, CancellationToken, Task<bool>> change, IRunStore store, LiveProgress live, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is not { } run) return NoRun(id);
        if (!await change(id, ct)) return TypedResults.Problem($"run {id} is {run.Status} and cannot {action}", statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok(await ViewAsync((await store.GetRunAsync(id, ct))!, store, live, ct));
    }

    internal static async Task<RunView> ViewAsync(RunRecord run, IRunStore store, LiveProgress live, CancellationToken ct)
    {
        var settings = Settings(run);
        var progress = new ProgressView((await store.IterationsAsync(run.Id, ct)).Count, settings.Iterations, (await store.StepsAsync(run.Id, ct)).Count, live.Of(run.Id));
        return new RunView(run.Id, run.Name, run.Status, run.CreatedAt, run.RegistryVersion, Tasks(settings.Targets), settings, progress);
    }

    internal static LoopSettings Settings(RunRecord run) => LoopSettings.FromJson(run.ConfigJson, $"run {run.Id}");

    /// <summary>The targets as <c>dataset/split</c> (their folder's last two names); the loop's default is ARC-AGI-1 training.</summary>
    private static string Tasks(string? targets) =>
        targets is null ? "arc-agi-1/training" : $"{Path.GetFileName(Path.GetDirectoryName(targets.TrimEnd('/')))}/{Split(targets)}";

    private static string Split(string? targets) => targets is null ? "training" : Path.GetFileName(targets.TrimEnd('/'));

    internal static ProblemHttpResult NoRun(long id) => TypedResults.Problem($"there is no run {id}", statusCode: StatusCodes.Status404NotFound);
}
