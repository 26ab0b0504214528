using System.Text.Json.Nodes;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Store;

namespace ArcSynth.Synthesis.Phases;

/// <summary>The iteration's figures, summed from its steps and read from the ledger, written as its row of the run's table; the iteration is complete.</summary>
internal sealed class RecordPhase : ILoopPhase
{
    public string Name => LoopPhases.Record;

    public int Steps(RunContext run) => 1;

    public async Task<bool> RunAsync(RunContext run, int iteration, int shard, CancellationToken cancellation)
    {
        await run.CatchUpAsync(2 * iteration + 2, cancellation);
        var steps = (await run.Store.StepsAsync(run.RunId, cancellation)).Where(x => x.Iteration == iteration).ToList();
        JsonObject Read(StepRecord x) => JsonNode.Parse(x.StateJson)!.AsObject();
        double Sum(string phase, string key) => steps.Where(x => x.Phase == phase).Sum(x => Read(x)[key]?.GetValue<double>() ?? 0);
        var samples = (int)Sum(LoopPhases.Sample, "samples");
        var phaseSeconds = steps.GroupBy(x => x.Phase).ToDictionary(g => g.Key, g => g.Sum(x => Read(x)["seconds"]?.GetValue<double>() ?? 0));
        var record = new IterationRecord(run.RunId, iteration, samples, samples == 0 ? 0 : Sum(LoopPhases.Sample, "valid") / samples, run.Buffer.Count,
            Sum(LoopPhases.Train, "loss"), run.Ledger.SolvedDemonstrations, run.Ledger.SolvedTest(run.Settings.Attempts), run.Targets.Count,
            (int)Sum(LoopPhases.Compress, "compressed"), (int)Sum(LoopPhases.Compress, "lines_saved"), phaseSeconds, DateTimeOffset.UtcNow,
            (int)Sum(LoopPhases.Sample, "solved_by_sample"), (int)Sum(LoopPhases.Sample, "solved_after_search"),
            steps.Any(x => x.Phase == LoopPhases.Recall && Read(x)["original_solved"] is not null) ? (int)Sum(LoopPhases.Recall, "original_solved") : null);
        await run.Store.SaveIterationAsync(record, cancellation);
        run.Report(iteration, Name, 1, 1, $"solved {record.SolvedDemonstrations} on demonstrations, {record.SolvedTest} on test outputs of {record.Tasks}");
        return await run.Store.CompleteStepAsync(run.Step(iteration, Name, 0, new JsonObject()), [], [], cancellation);
    }
}
