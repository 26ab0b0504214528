using System.CommandLine;
using System.Diagnostics;
using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Running;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth dsl bench --programs FILE --tasks DIR</c>: program executions per second, in process.</summary>
internal static class DslBenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var programs = new Option<FileInfo>("--programs") { Description = "A file of programs named <anything>_<taskid>.", Required = true };
        var tasks = new Option<string>("--tasks") { Description = "The folder of their ARC tasks.", Required = true };
        var passes = new Option<int>("--passes") { Description = "Timed passes over all examples (the best is reported), after one warm-up pass.", DefaultValueFactory = _ => 5 };
        var threads = new Option<int>("--threads") { Description = "Threads for the parallel figure.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("bench",
            "Run every program on all train and test inputs of its task, in process, and print the time of one pass\n" +
            "(parsing, loading and compiling excluded) on one thread and on all threads, and executions per second.")
        {
            programs, tasks, passes, threads,
        };
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var parsed = Inputs.Programs(parse.GetValue(programs)!);
            var taskSet = Inputs.Tasks(parse.GetValue(tasks)!, error);
            var runs = new List<(CompiledProgram Program, Grid Input)>();
            foreach (var f in parsed.Functions)
            {
                if (!taskSet.TryGetValue(f.TaskId, out var task)) continue;
                CompiledProgram program;
                try { program = CompiledProgram.Compile(f, PrimitiveRegistry.BuiltIn); }
                catch (ProgramException) { continue; }
                runs.AddRange(task.Train.Concat(task.Test).Select(e => (program, e.Input)));
            }
            if (runs.Count == 0) throw new UsageException("no program of the file matches a task of the folder");
            var passCount = Math.Max(1, parse.GetValue(passes));
            var threadCount = Math.Max(1, parse.GetValue(threads));
            double Pass(int n)
            {
                var sw = Stopwatch.StartNew();
                Workers.For(runs.Count, n, i => ProgramRunner.Run(runs[i].Program, runs[i].Input, Limits.Default));
                return sw.Elapsed.TotalMilliseconds;
            }
            Pass(1);
            var single = Enumerable.Range(0, passCount).Min(_ => Pass(1));
            var parallel = Enumerable.Range(0, passCount).Min(_ => Pass(threadCount));
            output.WriteLine($"programs={runs.Select(r => r.Program).Distinct().Count()} executions_per_pass={runs.Count}");
            output.WriteLine($"pass_ms_1_thread={single:F1} pass_ms_{threadCount}_threads={parallel:F1}");
            output.WriteLine($"executions_per_s_1_thread={runs.Count / single * 1000:F0}");
            output.WriteLine($"executions_per_s={runs.Count / parallel * 1000:F0}");
            return 0;
        }));
        return command;
    }
}
