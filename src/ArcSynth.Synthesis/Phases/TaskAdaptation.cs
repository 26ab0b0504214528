using System.Diagnostics;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Model.Training;
using ArcSynth.Model.Transformer;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Synthesis.Replay;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Phases;

/// <summary>
/// Test-time training (seed 004's dynamic evaluation): before a task it holds data for is sampled, a copy of the
/// iteration's model trains <see cref="LoopSettings.AdaptSteps"/> updates on the task's own
/// hindsight data (earlier iterations' programs for it, each paired with what it really produced on
/// the task's demonstration inputs, drawn by priority), and the task is sampled from the copy. Test
/// outputs are never read. The copy is reset to the checkpoint's weights and optimizer moments
/// before each task, so one task's adaptation never reaches another task or the run's checkpoints.
/// One copy per shard, overwritten, rather than a new model per task: a model's activations are most
/// of its memory. The checkpoint's moments, not fresh ones, so that the first updates are not
/// AdamW's full-size sign steps.
/// </summary>
internal sealed class TaskAdaptation(RunContext run, Gpt model, AdamW? optimizer, IReadOnlyDictionary<string, ReplayBuffer> hindsight)
{
    private readonly Gpt _copy = new(model.Config, (float[])model.Parameters.Clone());
    private readonly AdamW _moments = new(model.Layout.Size);
    private readonly Stopwatch _clock = new();

    /// <summary>The model a task adapted by <see cref="Adapt"/> is sampled from.</summary>
    public Gpt Model => _copy;

    /// <summary>Tasks adapted so far.</summary>
    public int Adapted { get; private set; }

    /// <summary>Time spent adapting so far.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>
    /// Resets the copy to the checkpoint and trains it on <paramref name="task"/>'s hindsight data, with
    /// draws fixed by (run seed, iteration, <paramref name="index"/>); false when the task has none that
    /// fits the context (then it is sampled from the iteration's model).
    /// </summary>
    public bool Adapt(ArcTask task, int iteration, int index, CancellationToken cancellation)
    {
        var s = run.Settings;
        if (!hindsight.TryGetValue(task.Id, out var own) || own.Count == 0) return false;
        _clock.Start();
        model.Parameters.CopyTo(_copy.Parameters, 0);
        Reset(_moments, optimizer);
        var trainer = new Trainer(_copy, _moments, new TrainingSettings { BatchSize = s.AdaptBatch, LearningRate = s.AdaptLearningRate },
            new LearningRateSchedule(s.AdaptLearningRate, 0, s.AdaptSteps, MinRatio: 1f), origin: _moments.Step);
        var random = new Random(RunContext.Mix(s.Seed, iteration + 2000, index));
        var updates = 0;
        for (var step = 0; step < s.AdaptSteps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            // A program whose task does not fit the context has no sequence.
            var batch = own.Sample(s.AdaptBatch, random)
                .Select(e => run.Sequences.Sequence(e.Examples, ProgramParser.ParseFunction(e.Program, "<hindsight>"))).OfType<TrainingSequence>().ToList();
            if (batch.Count == 0) continue;
            trainer.Step(batch);
            updates++;
        }
        _clock.Stop();
        if (updates > 0) Adapted++;
        return updates > 0;
    }

    /// <summary>Sets <paramref name="moments"/> to <paramref name="from"/>'s (zero, step 0, without one).</summary>
    private static void Reset(AdamW moments, AdamW? from)
    {
        if (from is null)
        {
            Array.Clear(moments.M);
            Array.Clear(moments.V);
            moments.Step = 0;
            return;
        }
        from.M.CopyTo(moments.M, 0);
        from.V.CopyTo(moments.V, 0);
        moments.Step = from.Step;
    }
}
