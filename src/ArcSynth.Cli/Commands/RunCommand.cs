using System.CommandLine;
using ArcSynth.Cli.Output;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth run</c>: the CodeIt loop on the embedded default, with progress and the table of iterations at the end.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var home = new HomeOptions();
        var resume = new Option<bool>("--resume") { Description = "Continue the run (--run, default the newest) from its last completed step." };
        var settingsFile = new Option<FileInfo?>("--settings") { Description = "Loop settings as JSON (see 'arcsynth run --print-settings'); flags below override them." };
        var printSettings = new Option<bool>("--print-settings") { Description = "Print the settings the run would use, as JSON, and exit." };
        var full = new Option<bool>("--full") { Description = "The documented full configuration: all 400 ARC-AGI-1 evaluation tasks, CodeIt-like budgets (hours)." };
        var preset = new Option<string?>("--preset")
        {
            Description = "codeit: CodeIt's setting: the programs of --seeds (arc-dsl's solvers.py, from your copy) on their ARC-AGI-1 training tasks\n" +
                          "with their mutations as original data, the 400 ARC-AGI-1 evaluation tasks as targets, 24 samples and a 9,600-candidate\n" +
                          "search per task each iteration, 10 iterations (README, The loop).\n" +
                          "search: the same without the model (no samples, no training): each iteration's search goes on from the\n" +
                          "last one's best programs, with the programs of the tasks solved so far beside the seeds; the most solved per hour.",
        };
        preset.AcceptOnlyFromAmong("codeit", "search");
        var iterations = new Option<int?>("--iterations") { Description = "Meta-iterations." };
        var targets = new Option<string?>("--targets") { Description = "Folder of target tasks (default ARC-AGI-1 training)." };
        var limit = new Option<int?>("--limit") { Description = "Target tasks taken in id order (0: all)." };
        var samples = new Option<int?>("--samples") { Description = "Programs sampled per task per iteration." };
        var seeds = new Option<string?>("--seeds") { Description = "Seed programs file (default seeds/training.py)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed of the whole run." };
        var name = new Option<string>("--name") { Description = "A name for the run.", DefaultValueFactory = _ => "default" };
        var command = new Command("run",
            "The main job: the CodeIt self-improvement loop. Trains the model on the seed programs and their mutations,\n" +
            "then each iteration samples programs for every target task, runs and scores them, relabels what they\n" +
            "produced into the replay buffer, retrains, and compresses the programs of solved tasks. Everything is\n" +
            "kept in the home folder; killed at any moment, 'arcsynth run --resume' continues from the last step.\n" +
            "Default: 3 iterations on the first 40 ARC-AGI-1 training tasks (about 15 minutes on 2 cores).")
        {
            resume, settingsFile, printSettings, full, preset, iterations, targets, limit, samples, seeds, seed, name,
        };
        home.AddTo(command);
        command.SetAction((parse, cancellation) => Guard.RunAsync(error, async () =>
        {
            if (parse.GetValue(preset) is not null && (parse.GetValue(settingsFile) is not null || parse.GetValue(full)))
                throw new UsageException("--preset cannot be combined with --settings or --full");
            // The evaluation folder is looked up only when asked for: the default run needs no evaluation data.
            static string Evaluation() => Tasks.Loading.ArcData.Folder("arc-agi-1", "evaluation");
            LoopSettings Chosen()
            {
                if (parse.GetValue(settingsFile) is { } file) return LoopSettings.FromJson(File.ReadAllText(file.FullName), file.FullName);
                if (parse.GetValue(full)) return LoopSettings.Full(Evaluation());
                if (parse.GetValue(preset) is not { } name) return new LoopSettings();
                var seedsFile = parse.GetValue(seeds)
                    ?? throw new UsageException($"--preset {name} needs --seeds PATH/solvers.py: arc-dsl's solvers, from your own copy (they are not shipped)");
                return name == "search" ? LoopSettings.SearchAlone(Evaluation(), seedsFile) : LoopSettings.CodeIt(Evaluation(), seedsFile);
            }
            var settings = Chosen();
            settings = settings with
            {
                Iterations = parse.GetValue(iterations) ?? settings.Iterations,
                Targets = parse.GetValue(targets) ?? settings.Targets,
                TargetLimit = parse.GetValue(limit) ?? settings.TargetLimit,
                SamplesPerTask = parse.GetValue(samples) ?? settings.SamplesPerTask,
                SeedsFile = parse.GetValue(seeds) ?? settings.SeedsFile,
                Seed = parse.GetValue(seed) ?? settings.Seed,
            };
            settings = settings.Validated(parse.GetValue(settingsFile)?.FullName ?? "the options");
            if (parse.GetValue(printSettings))
            {
                output.WriteLine(settings.ToJson());
                return 0;
            }
            var homeFolder = home.ResolveHome(parse);
            await using var store = await HomeOptions.OpenStoreAsync(homeFolder, cancellation);
            var registry = await Registries.LoadAsync(store, error, cancellation);
            var progress = ProgressLine.For(error);
            var loop = new CodeItLoop(store, homeFolder, registry.Registry, progress);
            long runId;
            if (parse.GetValue(resume))
            {
                var run = await home.PickRunAsync(store, parse, homeFolder, cancellation);
                if (run.Status == RunStatus.Completed)
                {
                    output.WriteLine($"run {run.Id} is already complete");
                    IterationTable.Print(output, await store.IterationsAsync(run.Id, cancellation));
                    return 0;
                }
                // Running: its process was killed; Paused or Failed: it goes on from its last completed step.
                if (run.Status != RunStatus.Running && !(RunTransitions.IsAllowed(run.Status, RunStatus.Running)
                                                         && await store.TransitionRunAsync(run.Id, run.Status, RunStatus.Running, cancellation)))
                    throw new UsageException($"run {run.Id} is {run.Status} and cannot be resumed");
                error.WriteLine($"resuming run {run.Id} ({run.Name}) in {store.Describe}");
                runId = run.Id;
            }
            else
            {
                error.WriteLine($"state in {homeFolder}");
                runId = await store.CreateRunAsync(parse.GetValue(name)!, settings.ToJson(), registry.Version, cancellation);
            }
            await RunToEndAsync(loop, store, runId, cancellation);
            progress.Finish();
            output.WriteLine($"run {runId}:");
            IterationTable.Print(output, await store.IterationsAsync(runId, cancellation));
            return 0;
        }));
        return command;
    }

    /// <summary>Runs the loop; a run stopped by Ctrl+C (whatever the stop threw on its way out) is Paused, one that failed is Failed.</summary>
    private static async Task RunToEndAsync(CodeItLoop loop, IRunStore store, long runId, CancellationToken cancellation)
    {
        try
        {
            await loop.RunAsync(runId, cancellation);
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Paused, CancellationToken.None);
            throw;
        }
        catch
        {
            await store.TransitionRunAsync(runId, RunStatus.Running, RunStatus.Failed, CancellationToken.None);
            throw;
        }
    }
}
