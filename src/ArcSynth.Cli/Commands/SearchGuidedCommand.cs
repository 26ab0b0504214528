using System.CommandLine;
using System.Diagnostics;
using ArcSynth.Data.Search;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth search guided --seeds FILE --tasks DIR --budget N [--seed S]</c>: per-task search guided by the demonstrations.</summary>
internal static class SearchGuidedCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new GuidedSearchSettings(0);
        var options = new SearchOptions("Edited programs to try on every task, besides the seeds (once programs get all a task's demonstrations right, its search stops at one per attempt or a quarter of the budget later).");
        var searchTimeout = new Option<int>("--search-timeout-ms") { Description = "Time limit of a program, seed or edit, on one demonstration (the attempts on the test inputs run under --timeout-ms).", DefaultValueFactory = _ => (int)defaults.DemonstrationTimeout.TotalMilliseconds };
        var searchMaxContainer = new Option<int>("--search-max-container") { Description = "Largest container (items, or cells of a grid) a program, seed or edit, may build on a demonstration (the attempts on the test inputs run under --max-container).", DefaultValueFactory = _ => defaults.DemonstrationMaxContainer };
        var batch = new Option<int>("--batch") { Description = "Edits of a parent tried each time it is expanded.", DefaultValueFactory = _ => defaults.Batch };
        var breadth = new Option<int>("--breadth") { Description = "Parents are drawn from this many best programs of the frontier.", DefaultValueFactory = _ => defaults.Breadth };
        var restarts = new Option<int?>("--restarts")
        {
            Description = $"Searches of each task one after the other from the seeds alone, each with its own random path and an equal share of the budget (default: one per {GuidedSearchSettings.PathBudget:N0} candidates of --budget, from 1 to {GuidedSearchSettings.MaxRestarts}).",
        };
        var enumerate = new Option<int>("--enumerate") { Description = "Primitive calls per task of a bottom-up enumeration of short programs before the edits (its solutions and nearest grids start every other path beside the seeds); 0 for none.", DefaultValueFactory = _ => GuidedSearchSettings.EnumerationDefault };
        var command = new Command("guided",
            "Per-task best-first search: run the seeds on a task's demonstrations, keep one program per behaviour\n" +
            "ranked by exact pairs, then distance relative to the input's own, then length, and expand the best\n" +
            "ones with typed edits (replace an argument or a primitive, insert, wrap or delete a line, change the\n" +
            "result, splice another program's suffix, insert a run of its lines) until the budget is spent, or there are programs that get every\n" +
            "demonstration right and differ on the test inputs, one per attempt. Test outputs are read only to score. Prints one line per task as it goes, then 'solved X of Y'.")
        {
            batch, breadth, restarts, searchTimeout, searchMaxContainer, enumerate,
        };
        options.AddTo(command);
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var o = options.Read(parse, error);
            static int AtLeastOne(Option option, int value) => value >= 1 ? value : throw new UsageException($"{option.Name} must be at least 1, not {value}");
            static int NotNegative(Option option, int value) => value >= 0 ? value : throw new UsageException($"{option.Name} must be 0 or more, not {value}");
            var settings = defaults with
            {
                Budget = o.Budget, Seed = o.Seed, Attempts = o.Attempts, Batch = AtLeastOne(batch, parse.GetValue(batch)), Breadth = AtLeastOne(breadth, parse.GetValue(breadth)),
                Restarts = AtLeastOne(restarts, parse.GetValue(restarts) ?? GuidedSearchSettings.RestartsFor(o.Budget)),
                DemonstrationTimeout = TimeSpan.FromMilliseconds(AtLeastOne(searchTimeout, parse.GetValue(searchTimeout))),
                DemonstrationMaxContainer = AtLeastOne(searchMaxContainer, parse.GetValue(searchMaxContainer)),
                EnumerationCalls = NotNegative(enumerate, parse.GetValue(enumerate)),
            };
            var clock = Stopwatch.StartNew();
            var search = new GuidedSearch(PrimitiveRegistry.BuiltIn, o.Limits, settings);
            var tally = new SearchTally(output, error, o.Targets.Count, clock);
            long tried = 0;
            foreach (var outcome in search.Run(o.Seeds, o.Targets, o.Threads))
            {
                tried += outcome.Tried;
                var program = ProgramPrinter.Print(outcome.Best).Replace("\n    ", "; ").TrimEnd();
                tally.Add(outcome.TaskId, outcome.Solved(o.Attempts), outcome.SolvedDemonstrations,
                    $"tried {outcome.Tried} in {outcome.Elapsed.TotalSeconds:F1} s, best {outcome.BestScore.Exact}/{outcome.BestScore.Pairs} exact, relative distance {outcome.BestScore.MeanDistance:F3}: {program}");
            }
            tally.Finish($"tried={tried} candidates_per_s={tried / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):F0}");
            return 0;
        }));
        return command;
    }
}
