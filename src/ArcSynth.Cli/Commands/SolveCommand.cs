using System.CommandLine;
using System.Text.Json;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Cli.Output;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth solve --programs FILE --tasks DIR [--attempts K] [--submission OUT.json]</c>.</summary>
internal static class SolveCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var programs = new Option<FileInfo>("--programs") { Description = "A file of programs in the arc-dsl format; every one is tried on every task.", Required = true };
        var tasks = new Option<string>("--tasks") { Description = "A folder of ARC task JSON files (or one file).", Required = true };
        var attempts = new Option<int>("--attempts") { Description = "Attempts per test input: 3 for ARC-AGI-1 (the default), 2 for ARC-AGI-2.", DefaultValueFactory = _ => 3 };
        var submission = new Option<FileInfo?>("--submission") { Description = "Write an ARC Prize submission file of the predictions." };
        var show = new Option<int>("--show") { Description = "Programs listed per task, best first.", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "Threads to run on.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("solve",
            "Score every program of the file on every task (not only those named after it): exact demonstration pairs,\n" +
            "then mean grid distance, then length. The best distinct test outputs are the attempts; a task is solved\n" +
            "when every test output is among them. Prints the best programs per task, then 'solved X of Y'.")
        {
            programs, tasks, attempts, submission, show, threads,
        };
        var limitOptions = new LimitOptions(2_000);
        limitOptions.AddTo(command);
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var parsed = Inputs.Programs(parse.GetValue(programs)!);
            var taskSet = Inputs.Tasks(parse.GetValue(tasks)!, error);
            var k = parse.GetValue(attempts);
            if (k < 1) throw new UsageException($"--attempts must be at least 1, not {k}");
            var limits = limitOptions.Read(parse);
            var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, limits, Math.Max(1, parse.GetValue(threads)));
            var results = executor.Run(parsed.Functions, taskSet.Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList());
            var solved = 0;
            foreach (var r in results)
            {
                var isSolved = r.Solved(k);
                if (isSolved) solved++;
                output.WriteLine($"{r.Task.Id} {(isSolved ? "solved" : "unsolved")}");
                foreach (var p in r.Ranked.Take(Math.Max(0, parse.GetValue(show))))
                    output.WriteLine($"  {p.Program}: {p.Score}");
            }
            if (parse.GetValue(submission) is { } file) SubmissionFile.Write(file.FullName, results.Select(r => (r.Task.Id, r.Predictions(k))), k);
            output.WriteLine($"solved {solved} of {results.Count}");
            return 0;
        }));
        return command;
    }

}
