using System.CommandLine;

namespace ArcSynth.Cli;

/// <summary>
/// Parses and runs a command tree the same way for both builds of the command line: the full one
/// (<see cref="CommandLine"/>) and the ahead-of-time compiled one that <c>./arcsynth</c> runs for
/// <c>dsl check</c> (src/ArcSynth.Cli.Native).
/// </summary>
internal static class Invocation
{
    /// <summary>Exit code for arguments or input files that cannot be used.</summary>
    public const int UsageError = 2;

    public static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var parsed = root.Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = error };
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"arcsynth: {e.Message}");
            error.WriteLine("Try 'arcsynth --help'.");
            return UsageError;
        }
        return parsed.Invoke(config);
    }
}
