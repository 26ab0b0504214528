using ArcSynth.Cli.Output;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using ArcSynth.Data.Datasets;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Json;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth data generate --seeds FILE --tasks DIR --count N --out FILE.jsonl [--seed S]</c>.</summary>
internal static class DataGenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var seeds = new Option<FileInfo>("--seeds") { Description = "Seed programs named <anything>_<taskid>.", Required = true };
        var tasks = new Option<string>("--tasks") { Description = "ARC tasks whose inputs the programs run on (training tasks: test outputs are never read).", Required = true };
        var count = new Option<int>("--count") { Description = "Tasks to keep, the seeds' own included.", Required = true };
        var outFile = new Option<FileInfo>("--out") { Description = "The JSONL file to write, one task per line.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var mutationShare = new Option<double>("--mutation-share") { Description = "Share of candidates made by mutation; the rest are generated from the signatures.", DefaultValueFactory = _ => 0.5 };
        var maxLines = new Option<int>("--max-lines") { Description = "Longest generated program, in lines.", DefaultValueFactory = _ => 6 };
        var threads = new Option<int>("--threads") { Description = "Threads to run on.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("generate",
            "Make ARC-style training tasks from programs: the seeds on their tasks, typed mutants of seeds and of kept\n" +
            "programs, and programs generated from the signatures, each run on real ARC inputs and kept when every\n" +
            "output is a valid grid, the program is not trivial and its outputs are new. JSONL records: program,\n" +
            "source (seed, mutation, generation), parent, task (whose inputs), examples (input and output grids).")
        {
            seeds, tasks, count, outFile, seed, mutationShare, maxLines, threads,
        };
        var limitOptions = new LimitOptions(200);
        limitOptions.AddTo(command);
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var parsed = Inputs.Programs(parse.GetValue(seeds)!);
            var taskList = Inputs.Tasks(parse.GetValue(tasks)!, error).Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
            var n = parse.GetValue(count);
            if (n < 1) throw new UsageException($"--count must be at least 1, not {n}");
            var settings = new GenerationSettings(n, parse.GetValue(seed), parse.GetValue(mutationShare), Math.Max(1, parse.GetValue(maxLines)));
            var limits = limitOptions.Read(parse);
            var generator = new DataGenerator(PrimitiveRegistry.BuiltIn, limits, Math.Max(1, parse.GetValue(threads)));
            var stats = new GenerationStats();
            var clock = Stopwatch.StartNew();
            var file = parse.GetValue(outFile)!;
            // Written to a temporary file and moved into place at the end: a killed run leaves no half file.
            var partial = file.FullName + ".partial";
            var shown = TimeSpan.Zero;
            var progress = ProgressLine.For(error);
            using (var writer = new StreamWriter(partial))
            {
                foreach (var task in generator.Generate(parsed.Functions, taskList, settings, stats))
                {
                    writer.WriteLine(Format(task));
                    if (clock.Elapsed - shown < TimeSpan.FromMilliseconds(250) && stats.Kept < n) continue;
                    shown = clock.Elapsed;
                    progress.Show("data", $"{ProgressLine.Bar(stats.Kept, n)} {stats.Kept}/{n} kept, {stats.Tried} tried, {clock.Elapsed.TotalSeconds:F0} s", last: stats.Kept >= n);
                }
            }
            File.Move(partial, file.FullName, overwrite: true);
            progress.Finish();
            output.WriteLine(stats.ToString());
            output.WriteLine($"wrote {stats.Kept} tasks to {file.FullName} in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        }));
        return command;
    }


    private static string Format(GeneratedTask task)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("program", task.Program);
            w.WriteString("source", task.Source.ToString().ToLowerInvariant());
            if (task.Parent is null) w.WriteNull("parent");
            else w.WriteString("parent", task.Parent);
            w.WriteString("task", task.InputsFrom);
            w.WriteStartArray("examples");
            foreach (var (input, output) in task.Examples)
            {
                w.WriteStartObject();
                w.WritePropertyName("input");
                GridJson.Write(w, input);
                w.WritePropertyName("output");
                GridJson.Write(w, output);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
