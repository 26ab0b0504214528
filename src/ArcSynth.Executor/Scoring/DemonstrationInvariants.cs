using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Executor.Scoring;

/// <summary>
/// What every demonstration's output keeps of its input, which an answer to a test input should
/// keep too. A program can get every demonstration right and still answer a test input with a grid
/// that breaks one of these (a colour the task never uses, the input back unchanged): such an answer
/// is nearly always wrong, so the attempts take the answers that keep them first. Each rule was
/// checked on the ARC-AGI-1 tasks' own test outputs (training and evaluation): not one right answer
/// breaks it. Rules that did (the output's size fixed across demonstrations, a colour never
/// repainted) are left out. Reads the demonstrations only.
/// </summary>
public sealed class DemonstrationInvariants
{
    /// <summary>Whether the task has a demonstration with its output: without one, there is nothing to keep.</summary>
    private readonly bool _any;
    private readonly bool _sameShape;
    private readonly bool _changed;
    private readonly bool _severalColours;
    private readonly bool _sameColours;

    /// <summary>Colours that some demonstration's output has and its input has not: the only colours an answer may add.</summary>
    private readonly ushort _addedColours;

    public DemonstrationInvariants(ArcTask task)
    {
        var pairs = task.Train.Where(e => e.Output is not null).Select(e => (In: e.Input, Out: e.Output!)).ToList();
        _any = pairs.Count > 0;
        _sameShape = pairs.All(p => SameShape(p.In, p.Out));
        _changed = pairs.All(p => !p.Out.Equals(p.In));
        _severalColours = pairs.All(p => ushort.PopCount(p.Out.ColourBits()) >= 2);
        _sameColours = pairs.All(p => p.Out.ColourBits() == p.In.ColourBits());
        foreach (var p in pairs) _addedColours |= (ushort)(p.Out.ColourBits() & ~p.In.ColourBits());
    }

    /// <summary>Whether <paramref name="answer"/> to <paramref name="input"/> keeps every rule the demonstrations keep.</summary>
    public bool Admits(Grid input, Grid answer)
    {
        if (!_any) return true;
        var colours = answer.ColourBits();
        return (!_sameShape || SameShape(input, answer))
            && (colours & ~(input.ColourBits() | _addedColours)) == 0
            && (!_changed || !answer.Equals(input))
            && (!_severalColours || ushort.PopCount(colours) >= 2)
            && (!_sameColours || colours == input.ColourBits());
    }

    private static bool SameShape(Grid a, Grid b) => a.Height == b.Height && a.Width == b.Width;
}
