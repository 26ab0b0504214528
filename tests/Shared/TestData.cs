namespace ArcSynth.Tests.Shared;

/// <summary>Files the test projects share: the repository's tests/data folder and the real ARC data.</summary>
internal static class TestData
{
    /// <summary>ARC-AGI-1's training folder.</summary>
    public static string Training => ArcSynth.Tasks.Loading.ArcData.Folder("arc-agi-1", "training");

    /// <summary>ARC-AGI-1's evaluation folder.</summary>
    public static string Evaluation => ArcSynth.Tasks.Loading.ArcData.Folder("arc-agi-1", "evaluation");

    /// <summary>The project's own seed programs, seeds/training.py.</summary>
    public static string SeedsFile => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(File("handwritten.py"))!, "..", "..", "seeds", "training.py"));

    /// <summary>A file of tests/data, found from the test binary upwards.</summary>
    public static string File(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", name);
            if (System.IO.File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/data/{name} not found above {AppContext.BaseDirectory}");
    }
}
