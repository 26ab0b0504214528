using System.Diagnostics;
using ArcSynth.Cli;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Cli.Tests;

/// <summary>Runs the command line and keeps what it printed: in process, or as a newcomer runs it.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs <c>./arcsynth</c> at the repository root as a process (building what is stale first),
    /// which routes <c>dsl check</c> to the ahead-of-time compiled build (src/ArcSynth.Cli.Native).
    /// </summary>
    public static CliRun Wrapper(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Root, "arcsynth"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("ARCSYNTH_NATIVE");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliRun(process.ExitCode, output, error.Result);
    }

    /// <summary><c>dsl check</c> on the ahead-of-time build through <c>./arcsynth</c> when <paramref name="native"/>, else in process.</summary>
    public static CliRun Check(bool native, params string[] args)
    {
        if (!native) return Of(["dsl", "check", .. args]);
        var run = Wrapper(["dsl", "check", .. args]);
        Assert.DoesNotContain("ahead-of-time build failed", run.Error);
        Assert.True(File.Exists(Path.Combine(Root, ".build", "native", "arcsynth-native")), "./arcsynth built no .build/native/arcsynth-native");
        return run;
    }

    /// <summary>The repository root (the test binaries' folder has an apphost named arcsynth too).</summary>
    private static string Root => Path.GetDirectoryName(ServiceHarness.RepositoryFile("ArcSynth.sln"))!;

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
