using System.CommandLine;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Checking;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth dsl check --programs FILE --tasks DIR [--out FILE.jsonl]</c> (a stable interface, DESIGN.md).</summary>
internal static class DslCheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var programs = new Option<FileInfo>("--programs") { Description = "A file of programs in the arc-dsl format (def solve_<taskid>(I): ...).", Required = true };
        var tasks = new Option<string>("--tasks") { Description = "A folder of ARC task JSON files (or one file).", Required = true };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the JSON lines to this file instead of standard output." };
        var threads = new Option<int>("--threads") { Description = "Programs run in parallel on this many threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("check",
            "Run every function named <anything>_<taskid> on all train and test inputs of that task.\n" +
            "Prints one JSON line per example: {\"program\",\"task\",\"split\",\"index\",\"output\",\"error\",\"correct\"},\n" +
            "then 'solved X of Y'. A program that does not parse, type-check or run gets an error per example.\n" +
            "Exit code 0 when the check ran to the end, 2 when the arguments or input files are unusable.")
        {
            programs, tasks, outFile, threads,
        };
        var limitOptions = new LimitOptions(10_000);
        limitOptions.AddTo(command);
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var parsed = Inputs.Programs(parse.GetValue(programs)!);
            var taskSet = Inputs.Tasks(parse.GetValue(tasks)!, error);
            var limits = limitOptions.Read(parse);
            var report = ProgramCheck.Run(parsed, taskSet, PrimitiveRegistry.BuiltIn, limits, Math.Max(1, parse.GetValue(threads)));
            foreach (var w in report.Warnings) error.WriteLine($"arcsynth: {w}");
            var target = parse.GetValue(outFile);
            using (var writer = target is null ? null : new StreamWriter(target.FullName))
            {
                var sink = writer ?? output;
                foreach (var line in report.Lines) sink.WriteLine(CheckJson.Format(line));
            }
            output.WriteLine($"solved {report.Solved} of {report.Total}");
            return 0;
        }));
        return command;
    }
}
