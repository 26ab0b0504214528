using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Tasks.Loading;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Cli.Commands;

/// <summary>Reads the inputs the commands share; a problem that makes them unusable is an <see cref="UsageException"/>.</summary>
internal static class Inputs
{
    public static ParsedFile Programs(FileInfo file)
    {
        if (!file.Exists) throw new UsageException($"programs file '{file.FullName}' does not exist");
        var parsed = ProgramParser.Parse(File.ReadAllText(file.FullName), file.FullName);
        if (parsed.Functions.Count == 0 && parsed.Broken.Count == 0)
            throw new UsageException($"programs file '{file.FullName}' defines no function" +
                (parsed.Errors.Count > 0 ? ": " + parsed.Errors[0] : ""));
        return parsed;
    }

    /// <summary>The valid tasks of a folder (or one file), by id; invalid files are reported on <paramref name="error"/>.</summary>
    public static Dictionary<string, ArcTask> Tasks(string path, TextWriter error)
    {
        if (!Directory.Exists(path) && !File.Exists(path)) throw new UsageException($"tasks folder '{path}' does not exist");
        var (tasks, errors) = ArcTaskLoader.TryLoadFolder(path);
        foreach (var e in errors) error.WriteLine($"arcsynth: skipping invalid task {e.Message}");
        if (tasks.Count == 0) throw new UsageException($"no valid task in '{path}'");
        return tasks.ToDictionary(t => t.Id);
    }
}

/// <summary>Arguments or input files that cannot be used: exit code 2 with a one-line message.</summary>
internal sealed class UsageException(string message) : Exception(message);
