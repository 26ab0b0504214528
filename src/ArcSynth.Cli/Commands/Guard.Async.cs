namespace ArcSynth.Cli.Commands;

// Apart from Guard.cs because it names the store's exceptions: the ahead-of-time compiled dsl check
// (src/ArcSynth.Cli.Native) shares Guard.cs and has no store.
internal static partial class Guard
{
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
            return Invocation.UsageError;
        }
    }
}
