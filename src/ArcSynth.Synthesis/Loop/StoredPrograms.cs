using System.Text.Json;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Scoring;
using ArcSynth.Synthesis.Replay;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Loop;

/// <summary>How stored programs enter a ledger and buffer, and how a ledger's standing is stored.</summary>
internal static class StoredPrograms
{
    /// <summary>Enters a program into the ledger and, when it was relabeled, the buffer (if any). Entering the same program again changes nothing.</summary>
    public static void Remember(TaskLedger ledger, ReplayBuffer? buffer, ArcTask task, string name, ProgramRecord record)
    {
        var (train, test) = ProgramOutputs.Read(record.OutputsJson);
        var result = new ProgramOnTask(name, [], new ProgramScore(record.Exact, record.Pairs, record.MeanDistance, record.Length), train, test);
        ledger.Add(new TaskResult(task, [result]), new Dictionary<string, string> { [name] = record.Text });
        if (buffer is not null && record.InBuffer && Hindsight.Relabel(ProgramParser.ParseFunction(record.Text, "<stored>"), task, train) is { } entry)
            buffer.Add(entry with { Priority = record.Priority });
    }

    /// <summary>The ledger's standing for <paramref name="tasks"/>; test outputs are read here, only to score the predictions.</summary>
    public static List<TaskResultRecord> Results(TaskLedger ledger, RunContext run, int iteration, IEnumerable<ArcTask> tasks) =>
        tasks.Select(task =>
        {
            var result = ledger.For(task.Id);
            var attempts = run.Settings.Attempts;
            var predictions = result?.Predictions(attempts) ?? task.Test.Select(_ => (IReadOnlyList<Grid>)[]).ToList();
            return new TaskResultRecord(run.RunId, iteration, task.Id, "target",
                result is { Ranked: [var best, ..] } && best.Score.SolvesDemonstrations,
                TaskLedger.HasTestOutputs(task) ? result?.Solved(attempts) ?? false : null,
                ledger.Best(task.Id), PredictionsJson(predictions));
        }).ToList();

    private static string PredictionsJson(IReadOnlyList<IReadOnlyList<Grid>> predictions)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var attempts in predictions)
            {
                w.WriteStartArray();
                foreach (var grid in attempts) Tasks.Json.GridJson.Write(w, grid);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
