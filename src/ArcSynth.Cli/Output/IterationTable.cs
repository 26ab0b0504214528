using System.Globalization;
using ArcSynth.Synthesis.Store;

namespace ArcSynth.Cli.Output;

/// <summary>The table of a run's iterations, as <c>run</c> ends with and <c>report</c> prints; also as CSV.</summary>
internal static class IterationTable
{
    private static readonly string[] Columns =
        ["iteration", "samples", "valid", "buffer", "loss", "by_sample", "after_search", "solved_demo", "solved_test", "original_solved", "tasks", "compressed", "lines_saved", "seconds"];

    public static void Print(TextWriter output, IReadOnlyList<IterationRecord> iterations)
    {
        var rows = iterations.Select(Cells).ToList();
        var widths = Columns.Select((c, i) => Math.Max(c.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(string.Join("  ", Columns.Select((c, i) => c.PadLeft(widths[i]))));
        foreach (var r in rows) output.WriteLine(string.Join("  ", r.Select((c, i) => c.PadLeft(widths[i]))));
    }

    public static void WriteCsv(string path, IReadOnlyList<IterationRecord> iterations) =>
        File.WriteAllLines(path, [string.Join(",", Columns), .. iterations.Select(i => string.Join(",", Cells(i)))]);

    private static string[] Cells(IterationRecord i) =>
    [
        I(i.Iteration), I(i.Samples), i.ValidShare.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", ""), I(i.BufferSize),
        // A loss of 0 is an iteration that made no updates (a run of the search alone): nothing was measured.
        i.TrainLoss == 0 ? "-" : i.TrainLoss.ToString("F3", CultureInfo.InvariantCulture), I(i.SolvedBySample), I(i.SolvedAfterSearch), I(i.SolvedDemonstrations), I(i.SolvedTest), i.OriginalSolved is { } o ? I(o) : "-", I(i.Tasks),
        I(i.CompressedPrograms), I(i.LinesSaved), i.PhaseSeconds.Values.Sum().ToString("F0", CultureInfo.InvariantCulture),
    ];

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
