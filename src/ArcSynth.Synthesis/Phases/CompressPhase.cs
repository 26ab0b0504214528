using System.Diagnostics;
using System.Text.Json.Nodes;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Synthesis.Compression;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Replay;
using ArcSynth.Synthesis.Store;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Phases;

/// <summary>The best program of each task solved on its demonstrations, made shorter where it can be, stored with its parent and relabeled.</summary>
internal sealed class CompressPhase : ILoopPhase
{
    public string Name => LoopPhases.Compress;

    public int Steps(RunContext run) => 1;

    public async Task<bool> RunAsync(RunContext run, int iteration, int shard, CancellationToken cancellation)
    {
        await run.CatchUpAsync(2 * iteration + 1, cancellation);
        var clock = Stopwatch.StartNew();
        var compressor = new Compressor(run.Executor);
        var records = new List<ProgramRecord>();
        var touched = new List<ArcTask>();
        var saved = 0;
        var solved = run.Targets.Where(t => run.Ledger.For(t.Id) is { Ranked: [var best, ..] } && best.Score.SolvesDemonstrations).ToList();
        foreach (var task in solved)
        {
            run.Report(iteration, Name, touched.Count, solved.Count, task.Id);
            var text = run.Ledger.Best(task.Id)!;
            var program = ProgramParser.ParseFunction(text, "<best>") with { Name = $"best_{task.Id}" };
            var shorter = compressor.Compress(program, task, cancellation);
            if (shorter.Body.Count >= program.Body.Count) continue;
            var result = run.Executor.Run([shorter], [task], cancellation)[0].Ranked[0];
            var shorterText = ProgramPrinter.Print(shorter with { Name = "program" });
            var entry = Hindsight.Relabel(shorter, task, result.Train);
            // Lineage: the stored program it was made from.
            var parent = (await run.Store.ProgramsAsync(run.RunId, task.Id, cancellationToken: cancellation)).FirstOrDefault(p => p.Text == text)?.Id;
            var record = new ProgramRecord(0, run.RunId, iteration, task.Id, shorterText, ProgramSources.Compression, parent, result.Score.Exact, result.Score.Pairs,
                result.Score.MeanDistance, result.Score.Length, entry is not null, entry?.Priority ?? 0, ProgramOutputs.ToJson(result));
            StoredPrograms.Remember(run.Ledger, run.Buffer, task, $"i{iteration}c_{task.Id}", record);
            records.Add(record);
            touched.Add(task);
            saved += program.Body.Count - shorter.Body.Count;
        }
        // The compressions are in the ledger and buffer already, as the record needs them.
        run.Parts = 2 * iteration + 2;
        return await run.Store.CompleteStepAsync(
            run.Step(iteration, Name, 0, new JsonObject { ["compressed"] = records.Count, ["lines_saved"] = saved, ["seconds"] = clock.Elapsed.TotalSeconds }),
            records, StoredPrograms.Results(run.Ledger, run, iteration, touched), cancellation);
    }
}
