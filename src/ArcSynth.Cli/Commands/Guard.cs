namespace ArcSynth.Cli.Commands;

/// <summary>Turns unusable inputs into exit code 2 with a one-line message naming what is wrong.</summary>
internal static partial class Guard
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
            return Invocation.UsageError;
        }
    }
}
