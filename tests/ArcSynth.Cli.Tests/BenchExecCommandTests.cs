using System.Text.RegularExpressions;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Cli.Tests;

public sealed class BenchExecCommandTests
{
    [Fact]
    public void Prints_the_rate_of_programs_and_their_mutants_and_the_lines_they_share()
    {
        var run = CliRun.Of("bench", "exec", "--programs", TestData.File("handwritten.py"), "--tasks", TestData.Training,
            "--mutants", "4", "--warmup", "1", "--passes", "3", "--slowest", "3");
        Assert.Equal(0, run.ExitCode);
        long Figure(string name) => long.Parse(Regex.Match(run.Output, $@"\b{name}=(\d+)").Groups[1].Value);
        Assert.Equal(12, Figure("programs"));
        Assert.InRange(Figure("mutants"), 1, 48);
        Assert.True(Figure("executions_per_pass") > 12 * 3, run.Output);
        Assert.True(Figure("executions_per_s") > 0, run.Output);
        // The mutants of the multi-line programs begin with their parents' lines.
        Assert.InRange(Figure("shared_lines"), 1, Figure("lines") - 1);
        Assert.Matches(@"gc_pause_s=\d+\.\d+ allocated_mb=\d+ collections=\d+/\d+/\d+", run.Output);
        // The median of three passes is the second fastest: never below the best one.
        double Seconds(string name) => double.Parse(Regex.Match(run.Output, $@"\b{name}=(\d+\.\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Seconds("median_pass_s"), Seconds("pass_s"), 60);
        // The three programs that cost the most alone, slowest first, before the rate on the last line.
        var slowest = Regex.Matches(run.Output, @"^slowest: (\w+) (\d+\.\d)% of the time alone \((\d+) examples, [\d.]+ ms each\)$", RegexOptions.Multiline);
        Assert.Equal(3, slowest.Count);
        var shares = slowest.Select(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(shares.OrderByDescending(x => x), shares);
        var taskIds = Regex.Matches(File.ReadAllText(TestData.File("handwritten.py")), @"^def \w+_([0-9a-f]{8})\(", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.All(slowest, m => Assert.Contains(m.Groups[1].Value[^8..], taskIds));
        Assert.StartsWith("executions_per_s=", run.Output.TrimEnd().Split('\n')[^1]);
    }
}
