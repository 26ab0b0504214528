using System.CommandLine;
using System.Text.Json;
using ArcSynth.Cli.Output;
using ArcSynth.Dsl.Values;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth submit --out FILE</c>: the ARC Prize submission file of a run's best predictions.</summary>
internal static class SubmitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var home = new HomeOptions();
        var outFile = new Option<FileInfo>("--out") { Description = "Where to write the submission JSON.", Required = true };
        var command = new Command("submit", "Write the ARC Prize submission file of a run's best predictions at its latest iteration (attempts as the run was configured).")
        {
            outFile,
        };
        home.AddTo(command);
        command.SetAction((parse, cancellation) => Guard.RunAsync(error, async () =>
        {
            var homeFolder = home.ResolveHome(parse);
            await using var store = await HomeOptions.OpenStoreAsync(homeFolder, cancellation);
            var run = await home.PickRunAsync(store, parse, homeFolder, cancellation);
            var attempts = LoopSettings.FromJson(run.ConfigJson, $"run {run.Id}").Attempts;
            var results = await store.TaskResultsAsync(run.Id, cancellationToken: cancellation);
            if (results.Count == 0) throw new UsageException($"run {run.Id} has no results yet");
            var file = parse.GetValue(outFile)!;
            SubmissionFile.Write(file.FullName, results.Select(r => (r.TaskId, Predictions(r.PredictionsJson))), attempts);
            output.WriteLine($"wrote {results.Count} tasks of run {run.Id} to {file.FullName}");
            return 0;
        }));
        return command;
    }

    private static IReadOnlyList<IReadOnlyList<Grid>> Predictions(string json) =>
        JsonSerializer.Deserialize<int[][][][]>(json)!
            .Select(perTest => (IReadOnlyList<Grid>)perTest.Select(g => new Grid(g.Length, g.Length == 0 ? 0 : g[0].Length, g.SelectMany(r => r).ToArray())).ToList())
            .ToList();
}
