using ArcSynth.Cli;

namespace ArcSynth.Cli.Tests;

/// <summary>Runs the command line in process and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Paths the tests share: the real ARC data and the repository's tests/data files.</summary>
internal static class Paths
{
    public static string Training => ArcSynth.Tasks.Loading.ArcData.Folder("arc-agi-1", "training");

    public static string Data(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/data/{name} not found above {AppContext.BaseDirectory}");
    }
}
