using System.CommandLine;
using System.Text.Json;
using ArcSynth.Cli.Output;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth report</c>: a run's table of iterations, optionally as CSV or JSON.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var home = new HomeOptions();
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write the table as CSV." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the iterations as JSON." };
        var command = new Command("report", "Print a run's table: samples, valid share, buffer, loss, tasks solved (demonstrations, test), compression, time.")
        {
            csv, json,
        };
        home.AddTo(command);
        command.SetAction((parse, cancellation) => Guard.RunAsync(error, async () =>
        {
            var homeFolder = home.ResolveHome(parse);
            await using var store = await HomeOptions.OpenStoreAsync(homeFolder, cancellation);
            var run = await home.PickRunAsync(store, parse, homeFolder, cancellation);
            var iterations = await store.IterationsAsync(run.Id, cancellation);
            output.WriteLine($"run {run.Id} ({run.Name}, {run.Status.ToString().ToLowerInvariant()}, registry {run.RegistryVersion}, started {run.CreatedAt:u})");
            IterationTable.Print(output, iterations);
            if (parse.GetValue(csv) is { } c) IterationTable.WriteCsv(c.FullName, iterations);
            if (parse.GetValue(json) is { } j) File.WriteAllText(j.FullName, JsonSerializer.Serialize(iterations, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }));
        return command;
    }
}
