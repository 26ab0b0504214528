using System.Text.Json;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Tests.TestSupport;

/// <summary>
/// Real ARC-AGI-1 tasks, read from the shared data folder: found by walking up from the test binary
/// to a directory holding <c>shared/arc-data/arc-agi-1</c> or <c>arc-data/arc-agi-1</c> (CI has it
/// at ../shared/arc-data relative to the repository). Missing data fails the test, naming where it looked.
/// </summary>
internal static class ArcFiles
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The arc-agi-1 folder.</summary>
    public static string ArcAgi1 => Root.Value;

    /// <summary>Train input (or output) <paramref name="n"/> of training task <paramref name="id"/>.</summary>
    public static Grid TrainInput(string id, int n = 0, string io = "input")
    {
        var path = Path.Combine(ArcAgi1, "training", id + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var rows = doc.RootElement.GetProperty("train")[n].GetProperty(io).EnumerateArray()
            .Select(r => (IReadOnlyList<int>)r.EnumerateArray().Select(c => c.GetInt32()).ToList())
            .ToList();
        return Grid.FromRows(rows);
    }

    private static string Locate()
    {
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "arc-data", "arc-agi-1"), Path.Combine(dir.FullName, "arc-data", "arc-agi-1") })
            {
                if (Directory.Exists(Path.Combine(candidate, "training"))) return candidate;
                searched.Add(candidate);
            }
        }
        throw new DirectoryNotFoundException("ARC-AGI-1 data not found above the test binary; looked for: " + string.Join(", ", searched));
    }
}
