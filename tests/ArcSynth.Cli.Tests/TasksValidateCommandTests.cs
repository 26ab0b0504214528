using ArcSynth.Tests.Shared;
namespace ArcSynth.Cli.Tests;

public sealed class TasksValidateCommandTests
{
    [Fact]
    public void All_real_training_tasks_are_valid()
    {
        var run = CliRun.Of("tasks", "validate", "--tasks", TestData.Training);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("400 valid tasks (1718 examples), 0 invalid", run.OutputLines[^1]);
    }

    [Fact]
    public void An_invalid_file_is_named_and_the_exit_code_is_1()
    {
        var dir = Directory.CreateTempSubdirectory("arcsynth-validate-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "ragged.json"), "{\"train\": [{\"input\": [[1, 2], [3]], \"output\": [[1]]}], \"test\": [{\"input\": [[1]]}]}");
            var run = CliRun.Of("tasks", "validate", "--tasks", dir);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("ragged.json: train[0].input row 1 has 1 cells, row 0 has 2", run.Error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
