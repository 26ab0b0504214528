using System.Text.RegularExpressions;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Cli.Tests;

public sealed class BenchExecCommandTests
{
    [Fact]
    public void Prints_the_rate_of_programs_and_their_mutants_and_the_lines_they_share()
    {
        var run = CliRun.Of("bench", "exec", "--programs", TestData.File("handwritten.py"), "--tasks", TestData.Training,
            "--mutants", "4", "--passes", "1");
        Assert.Equal(0, run.ExitCode);
        long Figure(string name) => long.Parse(Regex.Match(run.Output, $@"\b{name}=(\d+)").Groups[1].Value);
        Assert.Equal(12, Figure("programs"));
        Assert.InRange(Figure("mutants"), 1, 48);
        Assert.True(Figure("executions_per_pass") > 12 * 3, run.Output);
        Assert.True(Figure("executions_per_s") > 0, run.Output);
        // The mutants of the multi-line programs begin with their parents' lines.
        Assert.InRange(Figure("shared_lines"), 1, Figure("lines") - 1);
        Assert.Matches(@"gc_pause_s=\d+\.\d+ allocated_mb=\d+", run.Output);
    }
}
