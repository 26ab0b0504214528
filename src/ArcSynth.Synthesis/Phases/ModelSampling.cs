using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Model.Decoding;
using ArcSynth.Model.Sampling;
using ArcSynth.Model.Transformer;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Phases;

/// <summary>Programs drawn from a checkpoint for tasks, as the sampling shards and the forgetting probe draw them.</summary>
internal static class ModelSampling
{
    /// <summary>How the run draws programs (and infilled lines): its temperature, top-p and token budget.</summary>
    public static SamplingSettings Settings(LoopSettings s) => new() { Temperature = s.Temperature, TopP = s.TopP, MaxTokens = s.MaxProgramTokens };

    /// <summary>
    /// <paramref name="samples"/> programs per task, named <c>i{iteration}…_{taskId}</c>, each task reported as index
    /// <paramref name="firstIndex"/> + its position of <paramref name="total"/> in <paramref name="phase"/>, and its draws
    /// seeded by (run seed, iteration, that index + <paramref name="seedOffset"/>); also how many draws gave no program.
    /// With <paramref name="adaptation"/>, a task it adapts to is sampled from its adapted copy.
    /// </summary>
    public static (List<FunctionDef> Programs, int Failed) Sample(RunContext run, Gpt model, IReadOnlyList<ArcTask> tasks, int samples,
        int iteration, int firstIndex, string phase, int total, CancellationToken cancellation, int seedOffset = 0,
        TaskAdaptation? adaptation = null)
    {
        var s = run.Settings;
        var grammar = new ProgramGrammar(run.Vocabulary, run.Registry, s.MaxProgramLines);
        var settings = Settings(s);
        var sampler = new ProgramSampler(model, run.Sequences, grammar.Start, settings);
        var adapted = adaptation is null ? null : new ProgramSampler(adaptation.Model, run.Sequences, grammar.Start, settings);
        var programs = new List<FunctionDef>();
        var failed = 0;
        for (var k = 0; k < tasks.Count; k++)
        {
            var task = tasks[k];
            var index = firstIndex + k;
            run.Report(iteration, phase, index, total, task.Id);
            var demonstrations = task.Train.Select(e => (e.Input, e.Output!)).ToList();
            var from = samples > 0 && adaptation?.Adapt(task, iteration, index, cancellation) == true ? adapted! : sampler;
            var (sampled, noProgram) = from.Sample(task.Id, demonstrations, samples, $"i{iteration}", new Random(RunContext.Mix(s.Seed, iteration, index + seedOffset)), cancellation);
            programs.AddRange(sampled);
            failed += noProgram;
        }
        return (programs, failed);
    }
}
