using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Model.Tokenization;
using ArcSynth.Primitives.Library;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;

namespace ArcSynth.Primitives.Tests;

public sealed class AcceptedPrimitiveTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("arcsynth-primitives-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static string Contrib()
    {
        var data = TestData.File("handwritten.py");
        return Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(data)!)!)!, "dsl", "contrib");
    }

    /// <summary>Whether the program gets every train and test pair of the task exactly right.</summary>
    private static bool Solves(string program, string taskId, PrimitiveRegistry registry)
    {
        var task = ArcTaskLoader.LoadFile(Path.Combine(TestData.Training, taskId + ".json"));
        var f = ProgramParser.ParseFunction(program);
        Assert.Empty(TypeChecker.Check(f, registry));
        var compiled = CompiledProgram.Compile(f, registry);
        return task.Train.Concat(task.Test).All(e => compiled.Run(e.Input).Equals(e.Output));
    }

    [Fact]
    public void The_contrib_gravity_primitive_solves_a_task_in_one_line_that_built_ins_need_four_for()
    {
        var loaded = PrimitiveLibrary.Load(_home, Contrib());
        Assert.Empty(loaded.Errors);
        Assert.Contains("gravity", loaded.Added);
        Assert.Equal(PrimitiveRegistry.BuiltIn.Version + 1, loaded.Registry.Version);

        const string withGravity = "def solve_1e0a9b12(I):\n    O = gravity(I, DOWN)\n    return O\n";
        const string builtIn = "def solve_1e0a9b12(I):\n    x1 = dmirror(I)\n    x2 = rbind(order, identity)\n    x3 = apply(x2, x1)\n    O = dmirror(x3)\n    return O\n";
        Assert.True(Solves(withGravity, "1e0a9b12", loaded.Registry));
        Assert.True(Solves(builtIn, "1e0a9b12", loaded.Registry));
        Assert.Throws<ProgramException>(() => CompiledProgram.Compile(ProgramParser.ParseFunction(withGravity), PrimitiveRegistry.BuiltIn));
    }

    [Fact]
    public void Accepting_stores_the_file_bumps_the_version_and_extends_the_vocabulary_keeping_ids()
    {
        var source = Path.Combine(_home, "twice.cs");
        File.WriteAllText(source, """
            using ArcSynth.Dsl.Registry;
            using ArcSynth.Dsl.Values;
            public static class Twice
            {
                [Primitive("twice(grid: Grid) -> Grid", "the grid beside itself")]
                [Example("twice(((1, 2), (3, 4)))", "((1, 2, 1, 2), (3, 4, 3, 4))")]
                public static Value Run(Value grid) => Grid.TryFrom(grid) is { } g
                    ? new Grid(g.Height, 2 * g.Width, BuildCells(g))
                    : throw new DslError("TypeError", "twice needs a grid");

                private static int[] BuildCells(Grid g)
                {
                    var cells = new int[g.Height * 2 * g.Width];
                    for (var i = 0; i < g.Height; i++)
                        for (var j = 0; j < 2 * g.Width; j++)
                            cells[i * 2 * g.Width + j] = g[i, j % g.Width];
                    return cells;
                }
            }
            """);
        var before = PrimitiveLibrary.Load(_home, null);
        var result = PrimitiveLibrary.Add(_home, source, before.Registry);
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        Assert.True(File.Exists(Path.Combine(PrimitiveLibrary.Folder(_home), "twice.cs")));
        var after = PrimitiveLibrary.Load(_home, null);
        Assert.Equal(before.Registry.Version + 1, after.Registry.Version);
        Assert.Contains("twice", after.Version);

        var old = Vocabulary.For(before.Registry);
        var grown = old.Extend(after.Registry);
        Assert.Equal(old.Count + 1, grown.Count);
        Assert.Equal(old.Id("hmirror"), grown.Id("hmirror"));
        Assert.Equal(old.Count, grown.Id("twice"));

        // A refused file is not stored.
        var bad = Path.Combine(_home, "bad.cs");
        File.WriteAllText(bad, File.ReadAllText(source).Replace("twice", "twice2").Replace("=> Grid.TryFrom(grid) is { } g", "=> System.IO.File.Exists(\"x\") && Grid.TryFrom(grid) is { } g"));
        Assert.False(PrimitiveLibrary.Add(_home, bad, after.Registry).Accepted);
        Assert.False(File.Exists(Path.Combine(PrimitiveLibrary.Folder(_home), "twice2.cs")));
        Assert.Equal(after.Registry.Version, PrimitiveLibrary.Load(_home, null).Registry.Version);
    }
}
