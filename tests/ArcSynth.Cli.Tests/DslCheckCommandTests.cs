using ArcSynth.Tests.Shared;
using System.Diagnostics;
using System.Text.Json;

namespace ArcSynth.Cli.Tests;

public sealed class DslCheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arcsynth-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<JsonElement> JsonLines(IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Checks_handwritten_programs_on_real_tasks(bool native)
    {
        var run = CliRun.Check(native, "--programs", TestData.File("handwritten.py"), "--tasks", TestData.Training);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("solved 12 of 12", run.OutputLines[^1]);
        var lines = JsonLines(run.OutputLines);
        Assert.Equal(53, lines.Count);
        var first = lines[0];
        Assert.Equal(["program", "task", "split", "index", "output", "error", "correct"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("enclosed_00d62c1b", first.GetProperty("program").GetString());
        Assert.Equal("00d62c1b", first.GetProperty("task").GetString());
        Assert.Equal("train", first.GetProperty("split").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("error").ValueKind);
        Assert.True(lines.All(l => l.GetProperty("correct").GetBoolean()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_projects_own_seed_programs_solve_their_44_training_tasks(bool native)
    {
        var seeds = Path.Combine(Path.GetDirectoryName(TestData.File("handwritten.py"))!, "..", "..", "seeds", "training.py");
        var run = CliRun.Check(native, "--programs", seeds, "--tasks", TestData.Training);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("solved 44 of 44", run.OutputLines[^1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Writes_the_lines_to_a_file_with_out(bool native)
    {
        var output = Path.Combine(_dir, "out.jsonl");
        var run = CliRun.Check(native, "--programs", TestData.File("handwritten.py"), "--tasks", TestData.Training, "--out", output);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["solved 12 of 12"], run.OutputLines);
        Assert.Equal(53, JsonLines(File.ReadLines(output)).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Programs_that_do_not_parse_check_or_run_get_an_error_per_example(bool native)
    {
        var programs = Path.Combine(_dir, "bad.py");
        File.WriteAllText(programs, """
            def broken_3c9b0459(I):
                O = rot90(I
                return O

            def mistyped_3c9b0459(I):
                x1 = size(I)
                O = rot90(x1)
                return O

            def failing_3c9b0459(I):
                x1 = ofcolor(I, NINE)
                O = first(x1)
                return O

            def notgrid_3c9b0459(I):
                O = size(I)
                return O

            def right_3c9b0459(I):
                O = rot180(I)
                return O

            def orphan_ffffffff(I):
                return I
            """);
        var run = CliRun.Check(native, "--programs", programs, "--tasks", TestData.Training);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("solved 1 of 5", run.OutputLines[^1]);
        var byProgram = JsonLines(run.OutputLines).GroupBy(l => l.GetProperty("program").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(byProgram.Values, g => Assert.Equal(5, g.Count));
        string Error(string program) => byProgram[program][0].GetProperty("error").GetString()!;
        Assert.Contains("bad.py:2:14: '(' is never closed", Error("broken_3c9b0459"));
        Assert.Contains("bad.py:7:15: argument 1 of rot90", Error("mistyped_3c9b0459"));
        Assert.StartsWith("StopIteration", Error("failing_3c9b0459"));
        Assert.Equal("not a grid", Error("notgrid_3c9b0459"));
        Assert.Contains("orphan_ffffffff names task 'ffffffff'", run.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hostile_programs_are_stopped_and_reported_within_the_limits(bool native)
    {
        var tasks = Directory.CreateDirectory(Path.Combine(_dir, "tasks")).FullName;
        File.Copy(Path.Combine(TestData.Training, "3c9b0459.json"), Path.Combine(tasks, "3c9b0459.json"));
        // A 30x30 grid in which no two neighbouring cells share a colour: 900 one-cell objects.
        var grid = JsonSerializer.Serialize(Enumerable.Range(0, 30).Select(i => Enumerable.Range(0, 30).Select(j => (i + 3 * j) % 10)));
        File.WriteAllText(Path.Combine(tasks, "distinct30.json"), $"{{\"train\": [{{\"input\": {grid}, \"output\": {grid}}}], \"test\": [{{\"input\": {grid}, \"output\": {grid}}}]}}");

        var clock = Stopwatch.StartNew();
        var run = CliRun.Check(native, "--programs", TestData.File("hostile.py"), "--tasks", tasks, "--timeout-ms", "300");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("solved 0 of 7", run.OutputLines[^1]);
        var errors = JsonLines(run.OutputLines).ToLookup(l => l.GetProperty("program").GetString()!, l => l.GetProperty("error").GetString()!);
        Assert.All(errors["powers_3c9b0459"], e => Assert.StartsWith("TimeoutError", e));
        Assert.All(errors["doubling_3c9b0459"], e => Assert.StartsWith("TimeoutError", e));
        Assert.All(errors["objects_distinct30"], e => Assert.StartsWith("TimeoutError", e));
        Assert.All(errors["hugeobjects_distinct30"], e => Assert.StartsWith("TimeoutError", e));
        Assert.All(errors["upscales_3c9b0459"], e => Assert.StartsWith("LimitExceeded", e));
        Assert.All(errors["interval_3c9b0459"], e => Assert.StartsWith("LimitExceeded", e));
        Assert.All(errors["nesting_3c9b0459"], e => Assert.StartsWith("RecursionError", e));
        Assert.Equal(29, errors.Sum(g => g.Count()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_limit_is_an_option(bool native)
    {
        var programs = Path.Combine(_dir, "big.py");
        File.WriteAllText(programs, "def big_3c9b0459(I):\n    O = upscale(I, FOUR)\n    return O\n");
        string Error(params string[] limit)
        {
            var run = CliRun.Check(native, ["--programs", programs, "--tasks", TestData.Training, .. limit]);
            Assert.Equal(0, run.ExitCode);
            return JsonLines(run.OutputLines)[0].GetProperty("error").GetString() ?? "none";
        }
        Assert.Equal("none", Error());
        Assert.StartsWith("LimitExceeded: a 12x12 grid exceeds the limit of 10 per side", Error("--max-grid-side", "10"));
        Assert.StartsWith("LimitExceeded: a container of 144 items", Error("--max-container", "100"));
        Assert.Equal(2, CliRun.Check(native, "--programs", programs, "--tasks", TestData.Training, "--max-call-depth", "0").ExitCode);
    }

    [Theory]
    [InlineData(false, "--programs", "/nonexistent/programs.py", "programs file '/nonexistent/programs.py' does not exist")]
    [InlineData(false, "--tasks", "/nonexistent/tasks", "tasks folder '/nonexistent/tasks' does not exist")]
    [InlineData(true, "--programs", "/nonexistent/programs.py", "programs file '/nonexistent/programs.py' does not exist")]
    [InlineData(true, "--tasks", "/nonexistent/tasks", "tasks folder '/nonexistent/tasks' does not exist")]
    public void Unusable_inputs_exit_with_2_and_name_the_path(bool native, string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--programs"] = TestData.File("handwritten.py"), ["--tasks"] = TestData.Training, [option] = value };
        var run = CliRun.Check(native, [.. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_missing_required_option_exits_with_2(bool native)
    {
        var run = CliRun.Check(native, "--programs", TestData.File("handwritten.py"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--tasks", run.Error);
    }

    [Fact]
    public void Help_explains_every_command()
    {
        var root = CliRun.Of("--help");
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("dsl", root.Output);
        foreach (var check in new[] { CliRun.Check(native: false, "--help"), CliRun.Check(native: true, "--help") })
        {
            Assert.Contains("solved X of Y", check.Output);
            Assert.Contains("--timeout-ms", check.Output);
        }
    }
}
