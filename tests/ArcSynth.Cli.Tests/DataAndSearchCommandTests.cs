using System.Text.Json;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Cli.Tests;

public sealed class DataAndSearchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arcsynth-data-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Data_generate_writes_the_same_valid_tasks_for_the_same_seed()
    {
        string Generate(string name, int seed)
        {
            var file = Path.Combine(_dir, name);
            var run = CliRun.Of("data", "generate", "--seeds", TestData.File("handwritten.py"), "--tasks", TestData.Training, "--count", "40", "--out", file, "--seed", seed.ToString());
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("tried ", run.OutputLines[^2]);
            Assert.Contains("wrote 40 tasks", run.OutputLines[^1]);
            return File.ReadAllText(file);
        }
        var first = Generate("a.jsonl", 4);
        Assert.Equal(first, Generate("b.jsonl", 4));
        Assert.NotEqual(first, Generate("c.jsonl", 5));
        var records = first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(40, records.Count);
        Assert.Equal(["program", "source", "parent", "task", "examples"], records[0].EnumerateObject().Select(p => p.Name));
        Assert.All(records, r => Assert.Contains(r.GetProperty("source").GetString(), new[] { "seed", "mutation", "generation" }));
        Assert.False(File.Exists(Path.Combine(_dir, "a.jsonl.partial")));
    }

    [Fact]
    public void Search_mutate_scores_seeds_and_mutants_and_ends_with_the_ARC_score()
    {
        var tasks = Directory.CreateDirectory(Path.Combine(_dir, "tasks")).FullName;
        foreach (var id in new[] { "3c9b0459", "6150a2bd", "007bbfb7" })
            File.Copy(Path.Combine(TestData.Training, id + ".json"), Path.Combine(tasks, id + ".json"));
        var run = CliRun.Of("search", "mutate", "--seeds", TestData.File("handwritten.py"), "--tasks", tasks, "--budget", "30", "--seed", "2");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("solved 2 of 3", run.OutputLines[^1]);
        Assert.Contains("candidates=", run.OutputLines[^2]);
        Assert.Contains("3c9b0459 solved", run.Output);
        // Standard error is a pipe here: plain progress lines, no carriage returns redrawing one line.
        Assert.DoesNotContain('\r', run.Error);
        Assert.Contains("3/3 tasks, 2 solved", run.Error);
    }

    [Fact]
    public void A_negative_budget_or_count_is_unusable()
    {
        Assert.Equal(2, CliRun.Of("search", "mutate", "--seeds", TestData.File("handwritten.py"), "--tasks", TestData.Training, "--budget", "-1").ExitCode);
        Assert.Equal(2, CliRun.Of("data", "generate", "--seeds", TestData.File("handwritten.py"), "--tasks", TestData.Training, "--count", "0", "--out", Path.Combine(_dir, "x.jsonl")).ExitCode);
        var restarts = CliRun.Of("search", "guided", "--seeds", TestData.File("handwritten.py"), "--tasks", TestData.Training, "--budget", "100", "--restarts", "0");
        Assert.Equal(2, restarts.ExitCode);
        Assert.Contains("--restarts must be at least 1, not 0", restarts.Error);
    }
}
