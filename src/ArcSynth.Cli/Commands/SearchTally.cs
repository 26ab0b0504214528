using System.Diagnostics;
using ArcSynth.Cli.Output;

namespace ArcSynth.Cli.Commands;

/// <summary>
/// The searches' report: a line per task as it comes, progress on standard error (redrawn on a
/// terminal, plain lines in a log: <see cref="ProgressLine"/>), then the totals and 'solved X of Y'.
/// A task reported again (a second round) counts by its last line.
/// </summary>
internal sealed class SearchTally(TextWriter output, TextWriter error, int tasks, Stopwatch clock)
{
    private readonly ProgressLine _progress = ProgressLine.For(error);
    private readonly Dictionary<string, (bool Solved, bool Demonstrations)> _results = new(StringComparer.Ordinal);
    private string _round = "search";
    private readonly int _tasks = tasks;
    private int _roundTasks = tasks;
    private int _done;

    public void Add(string taskId, bool solved, bool solvedDemonstrations, string detail)
    {
        _done++;
        _results[taskId] = (solved, solvedDemonstrations);
        output.WriteLine($"{taskId} {(solved ? "solved" : "unsolved")} {detail}");
        var solvedSoFar = _results.Values.Count(r => r.Solved);
        _progress.Show(_round, $"{ProgressLine.Bar(_done, _roundTasks)} {_done}/{_roundTasks} tasks, {solvedSoFar} solved, {clock.Elapsed.TotalSeconds:F0} s", last: _done == _roundTasks);
    }

    /// <summary>Starts a second round, <paramref name="round"/>, over <paramref name="count"/> of the tasks.</summary>
    public void Again(string round, int count) => (_round, _roundTasks, _done) = (round, count, 0);

    public void Finish(string totals)
    {
        _progress.Finish();
        output.WriteLine($"{totals} demonstrations_solved={_results.Values.Count(r => r.Demonstrations)} wall_s={clock.Elapsed.TotalSeconds:F1}");
        output.WriteLine($"solved {_results.Values.Count(r => r.Solved)} of {_tasks}");
    }
}
