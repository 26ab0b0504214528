using System.CommandLine;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth dsl primitives</c>: the registry, one signature per line.</summary>
internal static class DslPrimitivesCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("primitives", "List every primitive with its signature and description, then the constants.");
        command.SetAction(_ =>
        {
            foreach (var p in PrimitiveRegistry.BuiltIn.All) output.WriteLine($"{p.Signature,-90} # {p.Doc}");
            foreach (var c in DslConstants.All) output.WriteLine($"{c.Name} = {c.Value} # {c.Type}");
            return 0;
        });
        return command;
    }
}
