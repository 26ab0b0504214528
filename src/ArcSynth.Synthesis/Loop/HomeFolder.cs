namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// Where the embedded default keeps its state: <c>--home</c>, else <c>$ARCSYNTH_HOME</c>, else
/// <c>~/.arcsynth</c>. It holds <c>arcsynth.db</c> (the SQLite store) and <c>runs/ID/checkpoints/</c>.
/// </summary>
public static class HomeFolder
{
    public const string Variable = "ARCSYNTH_HOME";

    public static string Resolve(string? home)
    {
        if (!string.IsNullOrEmpty(home)) return Path.GetFullPath(home);
        var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        return Path.GetFullPath(!string.IsNullOrEmpty(fromEnvironment)
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".arcsynth"));
    }

    public static string Database(string home) => Path.Combine(home, "arcsynth.db");

    public static string Checkpoints(string home, long runId) => Path.Combine(home, "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "checkpoints");
}
