using ArcSynth.Tests.Shared;

namespace ArcSynth.Cli.Tests;

public sealed class TasksValidateCommandTests : IDisposable
{
    private const string Ragged = "{\"train\": [{\"input\": [[1, 2], [3]], \"output\": [[1]]}], \"test\": [{\"input\": [[1]]}]}";

    private readonly string _dir = Directory.CreateTempSubdirectory("arcsynth-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void All_real_training_tasks_are_valid()
    {
        var run = CliRun.Of("tasks", "validate", "--tasks", TestData.Training);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("400 valid tasks (1718 examples), 0 invalid", run.OutputLines[^1]);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void One_file_can_be_validated()
    {
        var run = CliRun.Of("tasks", "validate", "--tasks", Path.Combine(TestData.Training, "007bbfb7.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1 valid tasks (6 examples), 0 invalid", run.OutputLines[^1]);
    }

    [Fact]
    public void An_invalid_file_is_named_and_the_exit_code_is_1()
    {
        File.Copy(Path.Combine(TestData.Training, "007bbfb7.json"), Path.Combine(_dir, "007bbfb7.json"));
        File.WriteAllText(Path.Combine(_dir, "ragged.json"), Ragged);
        File.WriteAllText(Path.Combine(_dir, "colour.json"), "{\"train\": [{\"input\": [[1]], \"output\": [[10]]}], \"test\": [{\"input\": [[1]]}]}");
        var run = CliRun.Of("tasks", "validate", "--tasks", _dir);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(_dir, "ragged.json") + ": train[0].input row 1 has 1 cells, row 0 has 2", run.Error);
        Assert.Contains(Path.Combine(_dir, "colour.json") + ": train[0].output row 0 column 0 is 10", run.Error);
        Assert.Equal("1 valid tasks (6 examples), 2 invalid", run.OutputLines[^1]);
    }

    [Fact]
    public void A_missing_path_is_exit_code_2_with_one_line()
    {
        var missing = Path.Combine(_dir, "nowhere");
        var run = CliRun.Of("tasks", "validate", "--tasks", missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"arcsynth: tasks path '{missing}' does not exist", run.Error.TrimEnd());
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void A_folder_without_task_files_is_exit_code_2()
    {
        var run = CliRun.Of("tasks", "validate", "--tasks", _dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no *.json file", run.Error);
    }

    [Fact]
    public void A_missing_option_is_exit_code_2()
    {
        var run = CliRun.Of("tasks", "validate");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--tasks", run.Error);
    }

    [Fact]
    public void Help_describes_the_command_and_its_exit_codes()
    {
        var group = CliRun.Of("tasks", "--help");
        Assert.Equal(0, group.ExitCode);
        Assert.Contains("validate", group.Output);
        var help = CliRun.Of("tasks", "validate", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--tasks", help.Output);
        Assert.Contains("Exit code 0 when all are valid, 1 when some are not, 2 when", help.Output);
        var root = CliRun.Of("--help");
        Assert.Contains("ArcSynth", root.Output);
        Assert.Contains("tasks", root.Output);
    }
}
