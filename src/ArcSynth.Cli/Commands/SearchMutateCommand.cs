using System.CommandLine;
using System.Diagnostics;
using ArcSynth.Data.Mutation;
using ArcSynth.Data.Search;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth search mutate --seeds FILE --tasks DIR --budget N [--seed S]</c>: the mutation baseline.</summary>
internal static class SearchMutateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new SearchOptions("Typed one-call mutants to try on every task, besides the seeds.");
        var command = new Command("mutate",
            "CodeIt's mutation baseline: try the seeds and N typed one-call mutants on every target task's\n" +
            "demonstrations, rank them as the executor does, and score the best distinct test outputs under\n" +
            "the ARC rule. Prints one line per task as it goes, then 'solved X of Y'.");
        options.AddTo(command);
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var o = options.Read(parse, error);
            var clock = Stopwatch.StartNew();
            var candidates = MutationSearch.Candidates(o.Seeds, o.Budget, o.Seed, PrimitiveRegistry.BuiltIn, new MutationWeights());
            error.WriteLine($"arcsynth: {candidates.Count - o.Seeds.Count} mutants of {o.Seeds.Count} seeds in {clock.Elapsed.TotalSeconds:F1} s");
            var search = new MutationSearch(PrimitiveRegistry.BuiltIn, o.Limits, o.Threads);
            var tally = new SearchTally(output, error, o.Targets.Count, clock);
            foreach (var outcome in search.Run(candidates, o.Targets, o.Attempts))
                tally.Add(outcome.TaskId, outcome.Solved, outcome.SolvedDemonstrations, $"best {outcome.Best.Program}: {outcome.Best.Score}");
            tally.Finish($"candidates={candidates.Count}");
            return 0;
        }));
        return command;
    }
}
