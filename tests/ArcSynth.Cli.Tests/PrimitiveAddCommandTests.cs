namespace ArcSynth.Cli.Tests;

public sealed class PrimitiveAddCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-add-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string body)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, $$"""
            using ArcSynth.Dsl.Registry;
            using ArcSynth.Dsl.Values;
            public static class Submitted
            {
                [Primitive("{{Path.GetFileNameWithoutExtension(name)}}(x: Integer) -> Integer", "the next integer")]
                [Example("{{Path.GetFileNameWithoutExtension(name)}}(1)", "2")]
                public static Value Run(Value x)
                {
                    {{body}}
                }
            }
            """);
        return path;
    }

    [Fact]
    public void An_accepted_primitive_is_stored_and_a_hostile_one_refused_with_its_place()
    {
        var home = Path.Combine(_folder, "home");
        var accepted = CliRun.Of("primitive", "add", Write("successor.cs", "return Int.Of(((Int)x).V + 1);"), "--home", home);
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.Contains("accepted successor(x: Integer) -> Integer", accepted.Output);
        Assert.True(File.Exists(Path.Combine(home, "primitives", "successor.cs")));

        var hostile = CliRun.Of("primitive", "add", Write("leak.cs", """return Int.Of(System.IO.File.ReadAllText("/etc/hostname").Length);"""), "--home", home);
        Assert.Equal(1, hostile.ExitCode);
        Assert.Matches(@"leak\.cs:9:\d+: .*System\.IO", hostile.Error);
        Assert.False(File.Exists(Path.Combine(home, "primitives", "leak.cs")));
        Assert.Equal(2, CliRun.Of("primitive", "add", Path.Combine(_folder, "missing.cs"), "--home", home).ExitCode);
    }
}
