using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Model.Tokenization;
using ArcSynth.Primitives.Library;
using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Primitives.Tests;

public sealed class AcceptedPrimitiveTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("arcsynth-primitives-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_home, recursive: true);
    }

    private Task<SqlRunStore> OpenStoreAsync() => SqlRunStore.OpenAsync(new SqliteDialect(Path.Combine(_home, "arcsynth.db")));

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
    public async Task The_contrib_gravity_primitive_solves_a_task_in_one_line_that_built_ins_need_four_for()
    {
        await using var store = await OpenStoreAsync();
        var loaded = await PrimitiveLibrary.LoadAsync(store, Contrib());
        Assert.Empty(loaded.Errors);
        Assert.Equal(PrimitiveOrigin.Contrib, loaded.OriginOf("gravity"));
        Assert.Equal(PrimitiveRegistry.BuiltIn.Version + 1, loaded.Registry.Version);

        const string withGravity = "def solve_1e0a9b12(I):\n    O = gravity(I, DOWN)\n    return O\n";
        const string builtIn = "def solve_1e0a9b12(I):\n    x1 = dmirror(I)\n    x2 = rbind(order, identity)\n    x3 = apply(x2, x1)\n    O = dmirror(x3)\n    return O\n";
        Assert.True(Solves(withGravity, "1e0a9b12", loaded.Registry));
        Assert.True(Solves(builtIn, "1e0a9b12", loaded.Registry));
        Assert.Throws<ProgramException>(() => CompiledProgram.Compile(ProgramParser.ParseFunction(withGravity), PrimitiveRegistry.BuiltIn));
    }

    [Fact]
    public async Task Accepting_stores_the_source_bumps_the_version_and_extends_the_vocabulary_keeping_ids()
    {
        const string source = """
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
            """;
        await using var store = await OpenStoreAsync();
        var before = await PrimitiveLibrary.LoadAsync(store, null);
        var result = await PrimitiveLibrary.AddAsync(store, "mine.cs", source, before);
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        Assert.Equal("twice.cs", (await store.PrimitivesAsync()).Single().FileName);
        var after = await PrimitiveLibrary.LoadAsync(store, null);
        Assert.Equal(before.Registry.Version + 1, after.Registry.Version);
        Assert.Contains("twice", after.Version);
        Assert.Equal(PrimitiveOrigin.Submitted, after.OriginOf("twice"));
        Assert.Equal(await store.PrimitivesVersionAsync(), after.StoreVersion);

        var old = Vocabulary.For(before.Registry);
        var grown = old.Extend(after.Registry);
        Assert.Equal(old.Count + 1, grown.Count);
        Assert.Equal(old.Id("hmirror"), grown.Id("hmirror"));
        Assert.Equal(old.Count, grown.Id("twice"));

        // A refused source is not stored.
        var bad = source.Replace("twice", "twice2").Replace("=> Grid.TryFrom(grid) is { } g", "=> System.IO.File.Exists(\"x\") && Grid.TryFrom(grid) is { } g");
        Assert.False((await PrimitiveLibrary.AddAsync(store, "bad.cs", bad, after)).Accepted);
        Assert.Single(await store.PrimitivesAsync());
        Assert.Equal(after.Registry.Version, (await PrimitiveLibrary.LoadAsync(store, null)).Registry.Version);
    }

    [Fact]
    public async Task A_stored_source_that_no_longer_passes_is_left_out_with_its_reason_and_the_rest_still_load()
    {
        await using var store = await OpenStoreAsync();
        await store.AddPrimitiveAsync("broken.cs", "public static class Broken { public static int F() => undefined; }", checkedAt: 0);
        await store.AddPrimitiveAsync("reads.cs", """public static class Reads { public static int F() => System.IO.File.ReadAllText("/etc/hostname").Length; }""", checkedAt: 0);
        await store.AddPrimitiveAsync("gravity.cs", await File.ReadAllTextAsync(Path.Combine(Contrib(), "gravity.cs")), checkedAt: 0);
        var loaded = await PrimitiveLibrary.LoadAsync(store, null);
        Assert.Contains(loaded.Errors, e => e.File == "broken.cs" && e.Message.Contains("CS0103", StringComparison.Ordinal));
        Assert.Contains(loaded.Errors, e => e.File == "reads.cs" && e.Message.Contains("System.IO", StringComparison.Ordinal));
        Assert.Equal([new PrimitiveLibrary.AddedPrimitive("gravity", PrimitiveOrigin.Submitted)], loaded.Added);
    }
}
