using System.CommandLine;
using ArcSynth.Cli.Commands;

namespace ArcSynth.Cli;

/// <summary>The <c>arcsynth</c> command line: one command per file under Commands/.</summary>
public static class CommandLine
{
    /// <summary>Exit code for arguments or input files that cannot be used.</summary>
    public const int UsageError = Invocation.UsageError;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "ArcSynth: learns to solve ARC tasks by writing programs in a C# port of Michael Hodel's arc-dsl.\n" +
            "Each command has --help.");
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(SubmitCommand.Create(output, error));
        var primitive = new Command("primitive", "Researchers' primitives: submit one.");
        primitive.Subcommands.Add(PrimitiveAddCommand.Create(output, error));
        root.Subcommands.Add(primitive);
        var dsl = new Command("dsl", "The DSL: check programs against tasks, list primitives, measure speed.");
        dsl.Subcommands.Add(DslCheckCommand.Create(output, error));
        dsl.Subcommands.Add(DslPrimitivesCommand.Create(output));
        dsl.Subcommands.Add(DslBenchCommand.Create(output, error));
        root.Subcommands.Add(dsl);
        var tasks = new Command("tasks", "ARC task files: validate them.");
        tasks.Subcommands.Add(TasksValidateCommand.Create(output, error));
        root.Subcommands.Add(tasks);
        root.Subcommands.Add(SolveCommand.Create(output, error));
        var bench = new Command("bench", "Benchmarks of the hot paths (the DSL's own is 'dsl bench').");
        bench.Subcommands.Add(BenchExecCommand.Create(output, error));
        root.Subcommands.Add(bench);
        var search = new Command("search", "Search baselines that need no model.");
        search.Subcommands.Add(SearchMutateCommand.Create(output, error));
        search.Subcommands.Add(SearchGuidedCommand.Create(output, error));
        root.Subcommands.Add(search);
        var model = new Command("model", "The program-writing transformer: measure it.");
        model.Subcommands.Add(ModelBenchCommand.Create(output, error));
        root.Subcommands.Add(model);
        var data = new Command("data", "Training data made from programs.");
        data.Subcommands.Add(DataGenerateCommand.Create(output, error));
        root.Subcommands.Add(data);
        root.Subcommands.Add(ServeCommand.Create(output, error));
        root.Subcommands.Add(WorkerCommand.Create(output, error));

        return Invocation.Run(root, args, output, error);
    }
}
