using ArcSynth.Tasks.Loading;

namespace ArcSynth.Tasks.Tests;

public sealed class ArcDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arcsynth-data-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string MakeRoot(string relative)
    {
        var root = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.Combine(root, "arc-agi-1", "training"));
        return root;
    }

    [Fact]
    public void The_real_data_is_found()
    {
        var root = ArcData.Locate();
        Assert.True(Directory.Exists(Path.Combine(root, "arc-agi-2", "evaluation")), root);
        Assert.Equal(Path.Combine(root, "arc-agi-1", "training"), ArcData.Folder("arc-agi-1", "training"));
    }

    [Fact]
    public void The_variable_wins_over_the_search()
    {
        var named = MakeRoot("elsewhere");
        MakeRoot(Path.Combine("repo", "arc-data"));
        Assert.Equal(named, ArcData.Locate(named, [Path.Combine(_dir, "repo")]));
    }

    [Fact]
    public void A_variable_naming_no_data_is_an_error_naming_it()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => ArcData.Locate(_dir, [_dir]));
        Assert.Contains($"ARC_DATA is '{_dir}'", e.Message);
    }

    [Fact]
    public void The_repository_folder_comes_before_the_shared_one()
    {
        var repo = Path.Combine(_dir, "work", "main");
        var own = MakeRoot(Path.Combine("work", "main", "arc-data"));
        MakeRoot(Path.Combine("work", "shared", "arc-data"));
        var deep = Directory.CreateDirectory(Path.Combine(repo, "tests", "bin", "Debug")).FullName;
        Assert.Equal(own, ArcData.Locate(null, [deep]));
    }

    [Fact]
    public void The_shared_folder_beside_the_repository_is_found_from_below()
    {
        var shared = MakeRoot(Path.Combine("work", "shared", "arc-data"));
        Directory.CreateDirectory(Path.Combine(_dir, "work", "main", "arc-data")); // README only: not fetched yet
        var deep = Directory.CreateDirectory(Path.Combine(_dir, "work", "main", "src", "bin")).FullName;
        Assert.Equal(shared, ArcData.Locate("", [deep]));
    }

    [Fact]
    public void No_data_is_an_error_naming_where_it_looked()
    {
        var start = Directory.CreateDirectory(Path.Combine(_dir, "empty", "deep")).FullName;
        var e = Assert.Throws<DirectoryNotFoundException>(() => ArcData.Locate(null, [start]));
        Assert.Contains($"'{start}'", e.Message);
        Assert.Contains("arc-data/fetch.sh", e.Message);
        Assert.Contains("ARC_DATA", e.Message);
    }
}
