using System.CommandLine;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Cli.Commands;

/// <summary>The execution limits as options, shared by every command that runs programs.</summary>
internal sealed class LimitOptions(int defaultTimeoutMs)
{
    private readonly Option<int> _timeout = new("--timeout-ms") { Description = "Time limit for one program on one example (its thread's CPU time on Linux, wall-clock elsewhere).", DefaultValueFactory = _ => defaultTimeoutMs };
    private readonly Option<int> _maxContainer = new("--max-container") { Description = "Largest tuple, frozenset or grid (in cells) a program may build.", DefaultValueFactory = _ => Limits.Default.MaxContainerSize };
    private readonly Option<int> _maxGridSide = new("--max-grid-side") { Description = "Largest height or width of a grid a program may build.", DefaultValueFactory = _ => Limits.Default.MaxGridSide };
    private readonly Option<int> _maxDepth = new("--max-call-depth") { Description = "Deepest nesting of calls through closures (CPython's recursion limit by default).", DefaultValueFactory = _ => Limits.Default.MaxCallDepth };

    public void AddTo(Command command)
    {
        command.Options.Add(_timeout);
        command.Options.Add(_maxContainer);
        command.Options.Add(_maxGridSide);
        command.Options.Add(_maxDepth);
    }

    public Limits Read(ParseResult parse)
    {
        int Positive(Option<int> option) => parse.GetValue(option) is var v && v >= 1 ? v : throw new UsageException($"{option.Name} must be at least 1, not {v}");
        return Limits.Default with
        {
            Timeout = TimeSpan.FromMilliseconds(Positive(_timeout)),
            MaxContainerSize = Positive(_maxContainer),
            MaxGridSide = Positive(_maxGridSide),
            MaxCallDepth = Positive(_maxDepth),
        };
    }
}
