using System.CommandLine;
using System.Diagnostics;
using ArcSynth.Primitives.Library;
using ArcSynth.Synthesis.Loop;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth primitive add FILE.cs [--home DIR]</c>: check a submitted primitive and, when accepted, store it in the home folder.</summary>
internal static class PrimitiveAddCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE.cs") { Description = "C# source with static methods marked [Primitive] and [Example] (see dsl/contrib/README.md)." };
        var home = new Option<string?>("--home") { Description = $"The home folder (default ${HomeFolder.Variable}, else ~/.arcsynth)." };
        var command = new Command("add",
            "Compile and check a submitted primitive: allowed references only; no files, network, processes, reflection,\n" +
            "threads, interop, unsafe code, environment, clocks, randomness or static state; a new name; every example\n" +
            "passing under the executor's limits. Exit 0 when accepted (stored in HOME/primitives/, registry version\n" +
            "bumped), 1 with the reasons (file:line:column) when refused.")
        {
            file, home,
        };
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists) throw new UsageException($"{source.FullName}: no such file");
            var homeFolder = HomeFolder.Resolve(parse.GetValue(home));
            var current = Registries.Load(homeFolder, error);
            var clock = Stopwatch.StartNew();
            var result = PrimitiveLibrary.Add(homeFolder, source.FullName, current.Registry);
            if (!result.Accepted)
            {
                foreach (var e in result.Errors) error.WriteLine(e);
                error.WriteLine($"refused: {source.Name}");
                return 1;
            }
            foreach (var p in result.Primitives) output.WriteLine($"accepted {p.Signature}: {p.Doc}");
            output.WriteLine($"registry version {PrimitiveLibrary.Load(homeFolder, Registries.ContribFolder).Version}, checked in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        }));
        return command;
    }
}
