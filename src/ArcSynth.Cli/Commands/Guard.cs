namespace ArcSynth.Cli.Commands;

/// <summary>Turns unusable inputs into exit code 2 with a one-line message naming what is wrong.</summary>
internal static class Guard
{
    public static int Run(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is UsageException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"arcsynth: {e.Message}");
            return CommandLine.UsageError;
        }
    }

    /// <summary>
    /// The same for commands that work asynchronously; settings that do not parse (FormatException), selections that
    /// name nothing (ArgumentException) and a store that cannot be used or reached are usage errors too.
    /// </summary>
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is UsageException or IOException or UnauthorizedAccessException or FormatException or ArgumentException
                                      or Storage.StoreException or Storage.StoreUnavailableException)
        {
            error.WriteLine();
            error.WriteLine($"arcsynth: {e.Message}");
            return CommandLine.UsageError;
        }
    }
}
