using System.CommandLine;
using ArcSynth.Tasks.Loading;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth tasks validate --tasks PATH</c>.</summary>
internal static class TasksValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var tasks = new Option<string>("--tasks") { Description = "A folder of ARC task JSON files (*.json, not its subfolders), or one file.", Required = true };
        var command = new Command("validate",
            "Check task files against ARC's rules (train and test present, grids rectangular, 1 to 30 per side, colours 0 to 9).\n" +
            "Prints each invalid file with the place at fault (stderr), then '<N> valid tasks (<M> examples), <K> invalid'.\n" +
            "Exit code 0 when all are valid, 1 when some are not, 2 when the path does not exist or holds no *.json file.") { tasks };
        command.SetAction(parse => Guard.Run(error, () =>
        {
            var path = parse.GetValue(tasks)!;
            if (!Directory.Exists(path) && !File.Exists(path)) throw new UsageException($"tasks path '{path}' does not exist");
            var (valid, errors) = ArcTaskLoader.TryLoadFolder(path);
            if (valid.Count + errors.Count == 0) throw new UsageException($"tasks folder '{path}' holds no *.json file");
            foreach (var e in errors) error.WriteLine(e.Message);
            var examples = valid.Sum(t => t.Train.Count + t.Test.Count);
            output.WriteLine($"{valid.Count} valid tasks ({examples} examples), {errors.Count} invalid");
            return errors.Count == 0 ? 0 : 1;
        }));
        return command;
    }
}
