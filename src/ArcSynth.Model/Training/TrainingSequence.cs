namespace ArcSynth.Model.Training;

/// <summary>One training example: a task's tokens, then <c>&lt;program&gt;</c>, the program's tokens and <c>&lt;eos&gt;</c>; the loss is on the tokens from <paramref name="FirstTarget"/> on.</summary>
public sealed record TrainingSequence(int[] Tokens, int FirstTarget)
{
    public int Targets => Tokens.Length - FirstTarget;
}
