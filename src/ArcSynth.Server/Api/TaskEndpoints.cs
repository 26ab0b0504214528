using System.Text.RegularExpressions;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Loading;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tasks.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ArcSynth.Server.Api;

/// <summary>A run's tasks (results, grids, best programs) and its programs with their lineage.</summary>
internal static partial class TaskEndpoints
{
    private const int BestProgramsShown = 3;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/runs/{id:long}/tasks", TasksAsync).WithTags("tasks")
            .WithSummary("Per-task results of an iteration (default: the latest), with predictions.");
        api.MapGet("/runs/{id:long}/tasks/{taskId}", TaskAsync).WithTags("tasks")
            .WithSummary("A task's demonstration and test grids, its latest result and its best programs with their outputs.");
        api.MapGet("/runs/{id:long}/programs", ProgramsAsync).WithTags("programs")
            .WithSummary("A run's programs, optionally of one task or iteration.");
        api.MapGet("/programs/{programId:long}", ProgramAsync).WithTags("programs")
            .WithSummary("A program with its score, outputs and lineage.");
    }

    private static async Task<Results<Ok<IReadOnlyList<TaskResultRecord>>, ProblemHttpResult, ValidationProblem>> TasksAsync(
        long id, int? iteration, IRunStore store, CancellationToken ct)
    {
        if (iteration is < 0) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["iteration"] = [$"must be at least 0, not {iteration}"] });
        if (await store.GetRunAsync(id, ct) is null) return RunEndpoints.NoRun(id);
        return TypedResults.Ok(await store.TaskResultsAsync(id, iteration, ct));
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> TaskAsync(long id, string taskId, IRunStore store, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is not { } run) return RunEndpoints.NoRun(id);
        var targets = RunEndpoints.Settings(run).Targets ?? ArcData.Folder("arc-agi-1", "training");
        var file = Path.Combine(targets, taskId + ".json");
        if (!TaskId().IsMatch(taskId) || !File.Exists(file))
            return TypedResults.Problem($"run {id} has no task '{taskId}'", statusCode: StatusCodes.Status404NotFound);
        var task = ArcTaskLoader.LoadFile(file);
        var result = (await store.TaskResultsAsync(id, null, ct)).FirstOrDefault(r => r.TaskId == taskId);
        var best = (await store.ProgramsAsync(id, taskId, cancellationToken: ct))
            .OrderByDescending(p => p.Exact).ThenBy(p => p.MeanDistance).ThenBy(p => p.Length).ThenByDescending(p => p.Iteration)
            .DistinctBy(p => p.Text).Take(BestProgramsShown).Select(ProgramView.Of).ToList();
        return TypedResults.Ok(new TaskView(task.Id, Path.GetFileName(targets.TrimEnd('/')), Pairs(task.Train), Pairs(task.Test), result, best));
    }

    private static async Task<Results<Ok<IEnumerable<ProgramView>>, ProblemHttpResult, ValidationProblem>> ProgramsAsync(
        long id, string? task, int? iteration, IRunStore store, CancellationToken ct)
    {
        if (iteration is < 0) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["iteration"] = [$"must be at least 0, not {iteration}"] });
        if (await store.GetRunAsync(id, ct) is null) return RunEndpoints.NoRun(id);
        return TypedResults.Ok((await store.ProgramsAsync(id, task, iteration, ct)).Select(ProgramView.Of));
    }

    private static async Task<Results<Ok<ProgramDetail>, ProblemHttpResult>> ProgramAsync(long programId, IRunStore store, CancellationToken ct)
    {
        if (await store.GetProgramAsync(programId, ct) is not { } program)
            return TypedResults.Problem($"there is no program {programId}", statusCode: StatusCodes.Status404NotFound);
        var lineage = new List<ProgramView>();
        var seen = new HashSet<long> { program.Id };
        for (var parent = program.ParentId; parent is { } p && seen.Add(p) && await store.GetProgramAsync(p, ct) is { } ancestor; parent = ancestor.ParentId)
            lineage.Add(ProgramView.Of(ancestor));
        return TypedResults.Ok(new ProgramDetail(ProgramView.Of(program), lineage));
    }

    private static List<PairView> Pairs(IReadOnlyList<ArcExample> examples) =>
        examples.Select(e => new PairView(Rows(e.Input), e.Output is { } o ? Rows(o) : null)).ToList();

    /// <summary>A grid as ARC's JSON writes it: a list of rows.</summary>
    private static int[][] Rows(Grid grid) => Enumerable.Range(0, grid.Height).Select(i => grid.Row(i).ToArray()).ToArray();

    /// <summary>Task ids are file names of the targets folder: letters, digits, '-' and '_' only.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex TaskId();
}
