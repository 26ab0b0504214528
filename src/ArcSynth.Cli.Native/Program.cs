using System.CommandLine;
using ArcSynth.Cli;
using ArcSynth.Cli.Commands;

// The ahead-of-time compiled part of the command line: ./arcsynth runs `dsl check` here and
// everything else on the full, JIT-compiled build (src/ArcSynth.Cli).
var root = new RootCommand("ArcSynth's dsl check, compiled ahead of time; ./arcsynth runs every other command on the full build.");
var dsl = new Command("dsl", "The DSL: check programs against tasks.");
dsl.Subcommands.Add(DslCheckCommand.Create(Console.Out, Console.Error));
root.Subcommands.Add(dsl);
return Invocation.Run(root, args, Console.Out, Console.Error);
