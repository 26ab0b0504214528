using System.Text.Json;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Cli.Tests;

public sealed class SolveCommandTests
{
    [Fact]
    public void Scores_every_program_on_every_task_and_writes_a_submission()
    {
        var dir = Directory.CreateTempSubdirectory("arcsynth-solve-").FullName;
        try
        {
            foreach (var id in new[] { "3c9b0459", "6150a2bd", "67a3c6ac", "007bbfb7" })
                File.Copy(Path.Combine(TestData.Training, id + ".json"), Path.Combine(dir, id + ".json"));
            var submission = Path.Combine(dir, "submission.json");
            var run = CliRun.Of("solve", "--programs", TestData.File("handwritten.py"), "--tasks", dir, "--attempts", "2", "--submission", submission);
            Assert.Equal(0, run.ExitCode);
            // rot180 solves 3c9b0459 and 6150a2bd, vmirror 67a3c6ac; nothing here solves 007bbfb7.
            Assert.Equal("solved 3 of 4", run.OutputLines[^1]);
            Assert.Contains("6150a2bd solved", run.Output);
            Assert.Contains("007bbfb7 unsolved", run.Output);
            using var doc = JsonDocument.Parse(File.ReadAllText(submission));
            var tasks = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(["007bbfb7", "3c9b0459", "6150a2bd", "67a3c6ac"], tasks);
            var attempts = doc.RootElement.GetProperty("3c9b0459")[0];
            Assert.Equal(["attempt_1", "attempt_2"], attempts.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Array, attempts.GetProperty("attempt_1")[0].ValueKind);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Zero_attempts_is_unusable()
    {
        var run = CliRun.Of("solve", "--programs", TestData.File("handwritten.py"), "--tasks", TestData.Training, "--attempts", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--attempts must be at least 1", run.Error);
    }
}
