using System.CommandLine;
using System.Diagnostics;
using ArcSynth.Primitives.Compiling;
using ArcSynth.Primitives.Library;
using ArcSynth.Storage.Sql;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth primitive add FILE.cs [--home DIR | --db CONNECTION]</c>: check a submitted primitive and, when accepted, keep it in the store.</summary>
internal static class PrimitiveAddCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE.cs") { Description = "C# source with static methods marked [Primitive] and [Example] (see dsl/contrib/README.md)." };
        var home = new Option<string?>("--home") { Description = $"The home folder whose SQLite store keeps it (default ${HomeFolder.Variable}, else ~/.arcsynth)." };
        var db = new DatabaseOption("An Npgsql connection string: keep it in that PostgreSQL database, which every server and worker on it reads");
        var command = new Command("add",
            "Compile and check a submitted primitive: allowed references only; no files, network, processes, reflection,\n" +
            "threads, interop, unsafe code, environment, clocks, randomness or static state; a new name; every example\n" +
            "passing under the executor's limits. Exit 0 when accepted (kept in the store, registry version bumped),\n" +
            "1 with the reasons (file:line:column) when refused, 2 when the file or the store cannot be used.")
        {
            file, home, db.Db,
        };
        command.SetAction((parse, cancellation) => Guard.RunAsync(error, async () =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists) throw new UsageException($"{source.FullName}: no such file");
            await using var store = await SqlRunStore.OpenAsync(SqlDialect.For(db.Resolve(parse), HomeFolder.Resolve(parse.GetValue(home))), cancellation);
            var current = await Registries.LoadAsync(store, error, cancellation);
            var clock = Stopwatch.StartNew();
            SubmissionResult result;
            try
            {
                result = await PrimitiveLibrary.AddAsync(store, source.FullName, await File.ReadAllTextAsync(source.FullName, cancellation), current, cancellation);
            }
            catch (PrimitiveConflictException e)
            {
                error.WriteLine(e.Message);
                error.WriteLine($"refused: {source.Name}");
                return 1;
            }
            if (!result.Accepted)
            {
                foreach (var e in result.Errors) error.WriteLine(e);
                error.WriteLine($"refused: {source.Name}");
                return 1;
            }
            foreach (var p in result.Primitives) output.WriteLine($"accepted {p.Signature}: {p.Doc}");
            output.WriteLine($"registry version {(await PrimitiveLibrary.LoadAsync(store, Registries.ContribFolder, cancellation)).Version} in {store.Describe}, checked in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        }));
        return command;
    }
}
