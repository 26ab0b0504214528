using System.Diagnostics;

namespace ArcSynth.Cli.Commands;

/// <summary>The searches' report: a line per task as it comes, progress on standard error, then the totals and 'solved X of Y'.</summary>
internal sealed class SearchTally(TextWriter output, TextWriter error, int tasks, Stopwatch clock)
{
    private int _done;
    private int _solved;
    private int _demonstrations;

    public void Add(string taskId, bool solved, bool solvedDemonstrations, string detail)
    {
        _done++;
        if (solved) _solved++;
        if (solvedDemonstrations) _demonstrations++;
        output.WriteLine($"{taskId} {(solved ? "solved" : "unsolved")} {detail}");
        error.Write($"\rarcsynth: {_done}/{tasks} tasks, {_solved} solved, {clock.Elapsed.TotalSeconds:F0} s   ");
    }

    public void Finish(string totals)
    {
        error.WriteLine();
        output.WriteLine($"{totals} demonstrations_solved={_demonstrations} wall_s={clock.Elapsed.TotalSeconds:F1}");
        output.WriteLine($"solved {_solved} of {tasks}");
    }
}
