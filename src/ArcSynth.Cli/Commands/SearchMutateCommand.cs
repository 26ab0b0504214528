using System.CommandLine;
using System.Diagnostics;
using ArcSynth.Data.Mutation;
using ArcSynth.Data.Search;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth search mutate --seeds FILE --tasks DIR --budget N [--seed S]</c>: the mutation baseline.</summary>
internal static class SearchMutateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var seeds = new Option<FileInfo>("--seeds") { Description = "Seed programs in the arc-dsl format (any names).", Required = true };
        var tasks = new Option<string>("--tasks") { Description = "The target tasks (a folder of ARC JSON files).", Required = true };
        var budget = new Option<int>("--budget") { Description = "Typed one-call mutants to try on every task, besides the seeds.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the mutations.", DefaultValueFactory = _ => 1 };
        var attempts = new Option<int>("--attempts") { Description = "Attempts per test input (3 for ARC-AGI-1, 2 for ARC-AGI-2).", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "Threads to run on.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("mutate",
            "CodeIt's mutation baseline: try the seeds and N typed one-call mutants on every target task's\n" +
            "demonstrations, rank them as the executor does, and score the best distinct test outputs under\n" +
            "the ARC rule. Prints one line per task as it goes, then 'solved X of Y'.")
        {
            seeds, tasks, budget, seed, attempts, threads,
        };
        var limitOptions = new LimitOptions(200);
        limitOptions.AddTo(command);
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var parsed = Inputs.Programs(parse.GetValue(seeds)!);
            var targets = Inputs.Tasks(parse.GetValue(tasks)!, error).Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
            var n = parse.GetValue(budget);
            if (n < 0) throw new UsageException($"--budget must be at least 0, not {n}");
            var clock = Stopwatch.StartNew();
            var candidates = MutationSearch.Candidates(parsed.Functions, n, parse.GetValue(seed), PrimitiveRegistry.BuiltIn, new MutationWeights());
            error.WriteLine($"arcsynth: {candidates.Count - parsed.Functions.Count} mutants of {parsed.Functions.Count} seeds in {clock.Elapsed.TotalSeconds:F1} s");
            var limits = limitOptions.Read(parse);
            var search = new MutationSearch(PrimitiveRegistry.BuiltIn, limits, Math.Max(1, parse.GetValue(threads)));
            int solved = 0, demonstrations = 0, done = 0;
            foreach (var outcome in search.Run(candidates, targets, Math.Max(1, parse.GetValue(attempts))))
            {
                done++;
                if (outcome.Solved) solved++;
                if (outcome.SolvedDemonstrations) demonstrations++;
                output.WriteLine($"{outcome.TaskId} {(outcome.Solved ? "solved" : "unsolved")} best {outcome.Best.Program}: {outcome.Best.Score}");
                error.Write($"\rarcsynth: {done}/{targets.Count} tasks, {solved} solved, {clock.Elapsed.TotalSeconds:F0} s   ");
            }
            error.WriteLine();
            output.WriteLine($"candidates={candidates.Count} demonstrations_solved={demonstrations} wall_s={clock.Elapsed.TotalSeconds:F1}");
            output.WriteLine($"solved {solved} of {targets.Count}");
            return 0;
        }));
        return command;
    }
}
