namespace ArcSynth.Tasks.Loading;

/// <summary>
/// Finds the ARC data: <c>$ARC_DATA</c> if set, else the first of <c>arc-data/</c> (filled by
/// <c>arc-data/fetch.sh</c>) and <c>../shared/arc-data</c> found from the working directory or
/// the program's folder upwards. The root holds <c>arc-agi-1/</c> and <c>arc-agi-2/</c>.
/// </summary>
public static class ArcData
{
    public static string Root => Locate();

    /// <summary>A folder of the data, e.g. <c>Folder("arc-agi-1", "training")</c>.</summary>
    public static string Folder(string dataset, string split) => Path.Combine(Root, dataset, split);

    public static string Locate()
    {
        var searched = new List<string>();
        if (Environment.GetEnvironmentVariable("ARC_DATA") is { Length: > 0 } env)
        {
            if (IsRoot(env)) return Path.GetFullPath(env);
            throw new DirectoryNotFoundException($"ARC_DATA is '{env}', which holds no arc-agi-1/training folder");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "arc-data"), Path.Combine(dir.FullName, "..", "shared", "arc-data"), Path.Combine(dir.FullName, "shared", "arc-data") })
                {
                    if (IsRoot(candidate)) return Path.GetFullPath(candidate);
                    searched.Add(Path.GetFullPath(candidate));
                }
            }
        }
        throw new DirectoryNotFoundException(
            "no ARC data found: set ARC_DATA, or run arc-data/fetch.sh. Searched: " + string.Join(", ", searched.Distinct().Take(12)));
    }

    private static bool IsRoot(string path) => Directory.Exists(Path.Combine(path, "arc-agi-1", "training"));
}
