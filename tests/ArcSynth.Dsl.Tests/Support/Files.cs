namespace ArcSynth.Dsl.Tests.Support;

/// <summary>Files of the repository's tests/data folder, found from the test binary upwards.</summary>
internal static class Files
{
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
