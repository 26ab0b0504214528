using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Executor.Running;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Synthesis.Replay;

/// <summary>
/// CodeIt's hindsight relabeling: whatever a sampled program produced on a task's demonstration
/// inputs is a task that program solves. Only demonstrations are read (their inputs, and their
/// outputs for the priority); test pairs never are.
/// </summary>
public static class Hindsight
{
    /// <summary>
    /// The entry for a program given its outcomes on the task's train pairs (in order), or null when
    /// it produced no valid ARC grid on any of them.
    /// </summary>
    public static ReplayEntry? Relabel(FunctionDef program, ArcTask task, IReadOnlyList<ExampleOutcome> trainOutcomes)
    {
        if (trainOutcomes.Count != task.Train.Count)
            throw new ArgumentException($"{trainOutcomes.Count} outcomes for the {task.Train.Count} demonstrations of {task.Id}");
        var examples = new List<(Dsl.Values.Grid, Dsl.Values.Grid)>();
        var exact = 0;
        for (var k = 0; k < task.Train.Count; k++)
        {
            if (trainOutcomes[k].Output is not { IsArcGrid: true } output) continue;
            examples.Add((task.Train[k].Input, output));
            if (output.Equals(task.Train[k].Output)) exact++;
        }
        return examples.Count == 0
            ? null
            : new ReplayEntry(ProgramPrinter.Print(program), program.Body.Count + 1, task.Id, examples, (double)exact / task.Train.Count);
    }
}
