using System.CommandLine;
using System.Diagnostics;
using ArcSynth.Data.Mutation;
using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Running;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth bench exec --programs FILE --tasks DIR</c>: the executor's rate on programs and their one-call mutants.</summary>
internal static class BenchExecCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var programs = new Option<FileInfo>("--programs") { Description = "Programs named <anything>_<taskid> (arc-dsl's solvers, say).", Required = true };
        var tasks = new Option<string>("--tasks") { Description = "The folder of their ARC tasks.", Required = true };
        var mutants = new Option<int>("--mutants") { Description = "One-call typed mutants made of each program for the mix.", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seed of the mutations.", DefaultValueFactory = _ => 1 };
        // The JIT tiers the executor up over the first fifteen or so passes of the mix here (a pass
        // takes 0.5 s, then 0.4, 0.33, 0.30 by the tenth, and 0.25-0.27 from about the fifteenth on):
        // untimed passes first, so that the timed ones are the steady rate a long loop sees.
        var warmup = new Option<int>("--warmup") { Description = "Untimed passes first, while the JIT tiers the executor up.", DefaultValueFactory = _ => 10 };
        var passes = new Option<int>("--passes") { Description = "Timed passes after the warm-up: the best is reported, and the median beside it.", DefaultValueFactory = _ => 10 };
        var threads = new Option<int>("--threads") { Description = "Threads to run on.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var writeMix = new Option<FileInfo?>("--write-mix") { Description = "Also write the mix as a programs file (to time it under CPython with tools/reference)." };
        var scaling = new Option<bool>("--scaling") { Description = "Also measure on 1 thread, 2 threads and every core (warm-up and passes each) and print the rate of each and its speed-up over 1 thread." };
        var slowest = new Option<int>("--slowest") { Description = "After the passes, time each program alone on its task (one thread, no shared lines) and list the N slowest with their share of the time (0: none).", DefaultValueFactory = _ => 5 };
        var command = new Command("exec",
            "Run a realistic mix, every program and its one-call typed mutants on all examples of its task, through\n" +
            "the batch executor (limits, deduplication, shared first lines; a fresh cache each pass) and print\n" +
            "executions_per_s=N, with the pass's GC pause, allocation, and how many program lines were taken from a\n" +
            "program with the same first lines instead of computed; then the programs that take the most time.")
        {
            programs, tasks, mutants, seed, warmup, passes, threads, scaling, writeMix, slowest,
        };
        var limitOptions = new LimitOptions(1_000);
        limitOptions.AddTo(command);
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var parsed = Inputs.Programs(parse.GetValue(programs)!);
            var taskSet = Inputs.Tasks(parse.GetValue(tasks)!, error);
            var originals = parsed.Functions.Where(f => taskSet.ContainsKey(f.TaskId)).ToList();
            if (originals.Count == 0) throw new UsageException("no program of the file matches a task of the folder");
            var mix = Mix(originals, Math.Max(0, parse.GetValue(mutants)), new Random(parse.GetValue(seed)));
            if (parse.GetValue(writeMix) is { } file) File.WriteAllText(file.FullName, ProgramPrinter.Print(mix));
            var limits = limitOptions.Read(parse);
            var threadCount = Math.Max(1, parse.GetValue(threads));
            PassFigures Pass(int n)
            {
                var executor = new BatchExecutor(PrimitiveRegistry.BuiltIn, limits, n);
                var (pause, allocated, collections) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), Collections());
                var clock = Stopwatch.StartNew();
                executor.RunOnOwnTasks(mix, taskSet);
                var seconds = clock.Elapsed.TotalSeconds;
                return new(executor.Executions, seconds, (GC.GetTotalPauseDuration() - pause).TotalSeconds, GC.GetTotalAllocatedBytes() - allocated, executor.Lines, executor.LinesReused,
                    Collections().Zip(collections, (after, before) => after - before).ToArray());
            }
            // The timed passes at a thread count, best first, after the untimed warm-up ones.
            List<PassFigures> Timed(int n)
            {
                for (var k = 0; k < Math.Max(0, parse.GetValue(warmup)); k++) Pass(n);
                return Enumerable.Range(0, Math.Max(1, parse.GetValue(passes))).Select(_ => Pass(n)).OrderBy(p => p.Seconds).ToList();
            }
            var timed = Timed(threadCount);
            var best = timed[0];
            output.WriteLine($"programs={originals.Count} mutants={mix.Count - originals.Count} executions_per_pass={best.Executions} threads={threadCount}");
            output.WriteLine($"lines={best.Lines} shared_lines={best.LinesReused}");
            output.WriteLine($"pass_s={best.Seconds:F3} gc_pause_s={best.GcPauseSeconds:F3} allocated_mb={best.AllocatedBytes >> 20} collections={string.Join('/', best.Collections)}");
            // The best pass is the rate the machine allows; the median says how far other tenants
            // of the machine, and collections that fall in a pass, move it.
            output.WriteLine($"median_pass_s={timed[timed.Count / 2].Seconds:F3}");
            if (parse.GetValue(scaling))
            {
                double? single = null;
                foreach (var n in new[] { 1, 2, Environment.ProcessorCount }.Distinct())
                {
                    var rate = Timed(n) is [var fastest, ..] ? fastest.Executions / fastest.Seconds : 0;
                    single ??= rate;
                    output.WriteLine($"scaling: threads={n} executions_per_s={rate:F0} speedup={rate / single.Value:F2}");
                }
            }
            var alone = TimeAlone(mix, taskSet, limits, Math.Max(0, parse.GetValue(slowest)));
            foreach (var p in alone.Slowest)
                output.WriteLine($"slowest: {p.Name} {100 * p.Seconds / alone.Total:F1}% of the time alone ({p.Examples} examples, {1000 * p.Seconds / p.Examples:F1} ms each)");
            output.WriteLine($"executions_per_s={best.Executions / best.Seconds:F0}");
            return 0;
        }));
        return command;
    }

    /// <summary>One timed pass of the mix: what ran, how long, and what the collector did meanwhile.</summary>
    private readonly record struct PassFigures(long Executions, double Seconds, double GcPauseSeconds, long AllocatedBytes, long Lines, long LinesReused, int[] Collections);

    /// <summary>Collections so far of generations 0, 1 and 2 (each counts the younger ones it collected too).</summary>
    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    /// <summary>
    /// Each program of the mix run alone on its task's examples, one after another: the
    /// <paramref name="count"/> that take longest, and the time of them all. Alone means without
    /// the lines a batch shares, so a program's share here is what it costs by itself.
    /// </summary>
    private static (List<(string Name, double Seconds, int Examples)> Slowest, double Total) TimeAlone(
        List<FunctionDef> mix, IReadOnlyDictionary<string, ArcTask> tasks, Limits limits, int count)
    {
        if (count == 0) return ([], 0);
        var times = new List<(string Name, double Seconds, int Examples)>();
        foreach (var f in mix)
        {
            CompiledProgram program;
            try { program = CompiledProgram.Compile(f, PrimitiveRegistry.BuiltIn); }
            catch (ProgramException) { continue; }
            var task = tasks[f.TaskId];
            var inputs = task.Train.Concat(task.Test).Select(e => e.Input).ToList();
            var start = Stopwatch.GetTimestamp();
            foreach (var input in inputs) ProgramRunner.Run(program, input, limits);
            times.Add((f.Name, Stopwatch.GetElapsedTime(start).TotalSeconds, inputs.Count));
        }
        return (times.OrderByDescending(t => t.Seconds).Take(count).ToList(), times.Sum(t => t.Seconds));
    }

    /// <summary>The programs and, for each, up to <paramref name="perProgram"/> distinct typed mutants, named so they keep their task.</summary>
    private static List<FunctionDef> Mix(List<FunctionDef> originals, int perProgram, Random random)
    {
        var mutator = new TypedMutator(PrimitiveRegistry.BuiltIn, new MutationWeights());
        var mix = new List<FunctionDef>(originals);
        foreach (var f in originals)
        {
            var stem = f.Name[..f.Name.LastIndexOf('_')];
            for (var k = 1; k <= perProgram; k++)
                if (mutator.Mutate(f, $"{stem}_m{k}_{f.TaskId}", random) is { } mutant) mix.Add(mutant);
        }
        return mix;
    }
}
