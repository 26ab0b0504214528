namespace ArcSynth.Tasks.Loading;

/// <summary>
/// Finds the ARC data: the folder named by <c>$ARC_DATA</c> if set, else the first <c>arc-data/</c>
/// (filled by <c>arc-data/fetch.sh</c>) or <c>../shared/arc-data</c> met going up from the working
/// directory, then from the program's folder. The root holds <c>arc-agi-1/</c> and <c>arc-agi-2/</c>,
/// each with <c>training/</c> and <c>evaluation/</c>.
/// </summary>
public static class ArcData
{
    /// <summary>The environment variable that, when set, names the data root and skips the search.</summary>
    public const string Variable = "ARC_DATA";

    /// <summary>Where the root may be, relative to each folder on the way up.</summary>
    private static readonly string[] Candidates = ["arc-data", Path.Combine("..", "shared", "arc-data")];

    /// <summary>The data root, located anew on each call (see <see cref="Locate()"/>).</summary>
    public static string Root => Locate();

    /// <summary>A folder of the data, e.g. <c>Folder("arc-agi-1", "training")</c>.</summary>
    public static string Folder(string dataset, string split) => Path.Combine(Root, dataset, split);

    /// <summary>
    /// The data root as an absolute path; a <see cref="DirectoryNotFoundException"/> naming what was
    /// searched when there is none.
    /// </summary>
    public static string Locate() =>
        Locate(Environment.GetEnvironmentVariable(Variable), [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <summary>The search of <see cref="Locate()"/> with the variable's value and the starting folders given.</summary>
    internal static string Locate(string? variable, IReadOnlyList<string> starts)
    {
        if (!string.IsNullOrEmpty(variable))
        {
            return IsRoot(variable)
                ? Path.GetFullPath(variable)
                : throw new DirectoryNotFoundException(
                    $"{Variable} is '{variable}', which holds no arc-agi-1/training folder (run arc-data/fetch.sh, or unset {Variable})");
        }
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in Candidates)
                {
                    var path = Path.Combine(dir.FullName, candidate);
                    if (IsRoot(path)) return Path.GetFullPath(path);
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"no ARC data found: {Variable} is not set, and no arc-data/ or ../shared/arc-data holding arc-agi-1/training " +
            $"is in {string.Join(" or ", starts.Select(Path.GetFullPath).Distinct().Select(s => $"'{s}'"))} or a folder above; " +
            $"run arc-data/fetch.sh in the repository, or set {Variable}");
    }

    private static bool IsRoot(string path) => Directory.Exists(Path.Combine(path, "arc-agi-1", "training"));
}
