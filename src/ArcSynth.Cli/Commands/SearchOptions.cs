using System.CommandLine;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Cli.Commands;

/// <summary>
/// The options the searches share (<c>search mutate</c>, <c>search guided</c>), so that they compare
/// at equal cost: the same seeds, targets, budget of candidates per task, attempts and limits.
/// </summary>
internal sealed class SearchOptions(string budgetDescription)
{
    private readonly Option<FileInfo> _seeds = new("--seeds") { Description = "Seed programs in the arc-dsl format (any names).", Required = true };
    private readonly Option<string> _tasks = new("--tasks") { Description = "The target tasks (a folder of ARC JSON files).", Required = true };
    private readonly Option<int> _budget = new("--budget") { Description = budgetDescription, Required = true };
    private readonly Option<int> _seed = new("--seed") { Description = "Random seed of the search.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _attempts = new("--attempts") { Description = "Attempts per test input (3 for ARC-AGI-1, 2 for ARC-AGI-2).", DefaultValueFactory = _ => 3 };
    private readonly Option<int> _threads = new("--threads") { Description = "Threads to run on (default: every core).", DefaultValueFactory = _ => Environment.ProcessorCount };
    private readonly LimitOptions _limits = new(200);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _seeds, _tasks, _budget, _seed, _attempts, _threads }) command.Options.Add(option);
        _limits.AddTo(command);
    }

    /// <summary>What the options say, checked; a bad value is a <see cref="UsageException"/>.</summary>
    public Parsed Read(ParseResult parse, TextWriter error)
    {
        var seeds = Inputs.Programs(parse.GetValue(_seeds)!).Functions;
        var targets = Inputs.Tasks(parse.GetValue(_tasks)!, error).Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var budget = parse.GetValue(_budget);
        if (budget < 0) throw new UsageException($"--budget must be at least 0, not {budget}");
        int AtLeastOne(Option<int> option) => parse.GetValue(option) is var v && v >= 1 ? v : throw new UsageException($"{option.Name} must be at least 1, not {v}");
        return new Parsed(seeds, targets, budget, parse.GetValue(_seed), AtLeastOne(_attempts), AtLeastOne(_threads), _limits.Read(parse));
    }

    public sealed record Parsed(IReadOnlyList<FunctionDef> Seeds, IReadOnlyList<ArcTask> Targets, int Budget, int Seed, int Attempts, int Threads, Limits Limits);
}
