using System.Diagnostics;
using ArcSynth.Cli.Output;

namespace ArcSynth.Cli.Commands;

/// <summary>
/// The searches' report: a line per task as it comes, progress on standard error (redrawn on a
/// terminal, plain lines in a log: <see cref="ProgressLine"/>), then the totals and 'solved X of Y'.
/// </summary>
internal sealed class SearchTally(TextWriter output, TextWriter error, int tasks, Stopwatch clock)
{
    private readonly ProgressLine _progress = ProgressLine.For(error);
    private int _done;
    private int _solved;
    private int _demonstrations;

    public void Add(string taskId, bool solved, bool solvedDemonstrations, string detail)
    {
        _done++;
        if (solved) _solved++;
        if (solvedDemonstrations) _demonstrations++;
        output.WriteLine($"{taskId} {(solved ? "solved" : "unsolved")} {detail}");
        _progress.Show("search", $"{ProgressLine.Bar(_done, tasks)} {_done}/{tasks} tasks, {_solved} solved, {clock.Elapsed.TotalSeconds:F0} s", last: _done == tasks);
    }

    public void Finish(string totals)
    {
        _progress.Finish();
        output.WriteLine($"{totals} demonstrations_solved={_demonstrations} wall_s={clock.Elapsed.TotalSeconds:F1}");
        output.WriteLine($"solved {_solved} of {tasks}");
    }
}
