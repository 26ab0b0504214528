using ArcSynth.Cli.Output;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Cli.Tests;

/// <summary>Progress redrawn in place on a terminal, plain lines anywhere else (arcsynth run 2&gt;run.log).</summary>
public sealed class ProgressLineTests
{
    private static readonly LoopProgress[] Reports =
    [
        new(0, "sample", 0, 3, "a"), new(0, "sample", 1, 3, "b"), new(0, "sample", 2, 3, "c"), new(0, "sample", 3, 3, "d"),
        new(0, "train", 1, 2, "loss 1.0"), new(0, "train", 2, 2, "loss 0.5"),
    ];

    [Fact]
    public void Written_elsewhere_than_a_terminal_each_phase_gets_its_first_and_last_report_as_plain_lines()
    {
        var log = new StringWriter();
        var progress = new ProgressLine(log, terminal: false);
        foreach (var report in Reports) progress.Report(report);
        progress.Finish();
        Assert.DoesNotContain('\r', log.ToString());
        // The reports came faster than one every few seconds: the ones between a phase's first and last are left out.
        Assert.Equal(
        [
            "[........................] iteration 0 sample 0/3 a",
            "[########################] iteration 0 sample 3/3 d",
            "[############............] iteration 0 train 1/2 loss 1.0",
            "[########################] iteration 0 train 2/2 loss 0.5",
        ], log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void On_a_terminal_each_phase_is_one_line_redrawn_in_place()
    {
        var terminal = new StringWriter();
        var progress = new ProgressLine(terminal, terminal: true);
        foreach (var report in Reports) progress.Report(report);
        progress.Finish();
        var lines = terminal.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(4, lines[0].Count(c => c == '\r'));
        Assert.EndsWith("iteration 0 sample 3/3 d", lines[0].TrimEnd());
        Assert.EndsWith("iteration 0 train 2/2 loss 0.5", lines[1].TrimEnd());
    }
}
