using System.Diagnostics;
using System.Text.Json;
using ArcSynth.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Cli.Tests;

/// <summary><c>arcsynth run / report / submit</c> on a loop small enough for a test, including a kill -9 in the middle.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-run-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Settings()
    {
        var seeds = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(TestData.File("handwritten.py"))!)!)!, "seeds", "training.py");
        var path = Path.Combine(_folder, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Targets = TestData.Training, TargetLimit = 4, SeedsFile = seeds, OriginalMutations = 30, Iterations = 2, SamplesPerTask = 6, ShardTasks = 1,
            ContextLength = 384, MaxProgramTokens = 96, MaxProgramLines = 8, Embedding = 32, Layers = 1, Heads = 2, PretrainSteps = 30, TrainSteps = 30, BatchSize = 3,
            // A search limit no program of these tasks comes near, so that the killed run's table equals the straight one's on a loaded machine.
            SearchBudget = 200, SearchTimeoutMs = 1000, RecallSamples = 2, RecallTasks = 3, SearchEnumeration = 5_000,
        }));
        return path;
    }

    /// <summary>The report's table without the seconds column, which differs from run to run.</summary>
    private static string[] Table(string home)
    {
        var report = CliRun.Of("report", "--home", home);
        Assert.Equal(0, report.ExitCode);
        return report.OutputLines.Skip(1).Select(l => string.Join(" ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))).ToArray();
    }

    private static long Steps(string home)
    {
        var db = Path.Combine(home, "arcsynth.db");
        if (!File.Exists(db)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM steps";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    [Fact]
    public void Killed_with_sigkill_midway_a_resumed_run_ends_exactly_as_an_uninterrupted_one()
    {
        var settings = Settings();
        var straight = Path.Combine(_folder, "straight");
        var run = CliRun.Of("run", "--home", straight, "--settings", settings);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("solved_demo", run.Output);
        // Progress written elsewhere than a terminal: plain lines, no carriage returns.
        Assert.DoesNotContain('\r', run.Error);
        Assert.Contains("iteration 1 record 1/1 solved", run.Error);

        var killed = Path.Combine(_folder, "killed");
        var cli = Path.Combine(AppContext.BaseDirectory, "arcsynth.dll");
        using (var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "run", "--home", killed, "--settings", settings])
               { RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            // Past pretraining and some sampling shards of iteration 0, before the end.
            while (Steps(killed) < 4 && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(20);
            Assert.False(process.HasExited, "the run ended before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var before = Steps(killed);
        Assert.InRange(before, 4, 14);

        var resumed = CliRun.Of("run", "--resume", "--home", killed);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("resuming run 1", resumed.Error);
        Assert.Equal(Table(straight), Table(killed));
    }

    [Fact]
    public void Submit_writes_the_prize_format_and_bad_homes_and_runs_are_named()
    {
        var home = Path.Combine(_folder, "home");
        Assert.Equal(2, CliRun.Of("report", "--home", home).ExitCode);
        Assert.Equal(0, CliRun.Of("run", "--home", home, "--settings", Settings(), "--iterations", "1").ExitCode);
        var file = Path.Combine(_folder, "submission.json");
        var submit = CliRun.Of("submit", "--home", home, "--out", file);
        Assert.True(submit.ExitCode == 0, submit.Error);
        var json = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        Assert.Equal(4, json.EnumerateObject().Count());
        foreach (var task in json.EnumerateObject())
            foreach (var test in task.Value.EnumerateArray())
                Assert.Equal(["attempt_1", "attempt_2", "attempt_3"], test.EnumerateObject().Select(p => p.Name));
        var missing = CliRun.Of("report", "--home", home, "--run", "9");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no run 9", missing.Error);
        var badSettings = Path.Combine(_folder, "bad.json");
        File.WriteAllText(badSettings, "{ \"Iterations\": ");
        var bad = CliRun.Of("run", "--home", home, "--settings", badSettings);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.json", bad.Error);
    }

    [Fact]
    public void The_codeit_preset_targets_the_evaluation_tasks_from_the_seeds_given_and_needs_them()
    {
        var home = Path.Combine(_folder, "home");
        var solvers = Path.Combine(_folder, "solvers.py");
        var run = CliRun.Of("run", "--home", home, "--preset", "codeit", "--seeds", solvers, "--print-settings");
        Assert.Equal(0, run.ExitCode);
        var settings = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(solvers, settings.GetProperty("SeedsFile").GetString());
        Assert.Equal(ArcSynth.Tasks.Loading.ArcData.Folder("arc-agi-1", "evaluation"), settings.GetProperty("Targets").GetString());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("SeedTasks").ValueKind);
        Assert.Equal((0, 24, 9600), (settings.GetProperty("TargetLimit").GetInt32(), settings.GetProperty("SamplesPerTask").GetInt32(), settings.GetProperty("SearchBudget").GetInt32()));

        var without = CliRun.Of("run", "--home", home, "--preset", "codeit", "--print-settings");
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("--preset codeit needs --seeds PATH/solvers.py", without.Error);
        Assert.NotEqual(0, CliRun.Of("run", "--home", home, "--preset", "other", "--print-settings").ExitCode);
        Assert.False(File.Exists(Path.Combine(home, "arcsynth.db")), "a run was stored");
    }

    [Fact]
    public void The_search_preset_is_the_codeit_setting_without_samples_or_training()
    {
        var home = Path.Combine(_folder, "home");
        var solvers = Path.Combine(_folder, "solvers.py");
        var settings = JsonDocument.Parse(CliRun.Of("run", "--home", home, "--preset", "search", "--seeds", solvers, "--print-settings").Output).RootElement;
        var codeit = JsonDocument.Parse(CliRun.Of("run", "--home", home, "--preset", "codeit", "--seeds", solvers, "--print-settings").Output).RootElement;
        string[] modelOnly = ["SamplesPerTask", "PretrainSteps", "TrainSteps", "RecallSamples", "OriginalMutations"];
        foreach (var field in modelOnly) Assert.Equal(0, settings.GetProperty(field).GetInt32());
        foreach (var field in codeit.EnumerateObject().Where(f => !modelOnly.Contains(f.Name)))
            Assert.Equal(field.Value.ToString(), settings.GetProperty(field.Name).ToString());
        var without = CliRun.Of("run", "--home", home, "--preset", "search", "--print-settings");
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("--preset search needs --seeds", without.Error);
    }

    [Fact]
    public void Settings_out_of_range_end_in_one_message_naming_the_fields_before_anything_runs()
    {
        var home = Path.Combine(_folder, "home");
        var file = Path.Combine(_folder, "zero-shards.json");
        File.WriteAllText(file, File.ReadAllText(Settings()).Replace("\"ShardTasks\":1", "\"ShardTasks\":0"));
        var run = CliRun.Of("run", "--home", home, "--settings", file, "--samples", "-1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"arcsynth: {file}: settings are not valid: SamplesPerTask must be between 0 and 100000, not -1; ShardTasks must be between 1 and 10000, not 0", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(Path.Combine(home, "arcsynth.db")), "a run was stored");
    }
}
