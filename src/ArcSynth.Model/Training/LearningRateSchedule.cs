namespace ArcSynth.Model.Training;

/// <summary>Linear warm-up to the peak rate, then cosine decay to <paramref name="MinRatio"/> of it at <paramref name="TotalSteps"/>.</summary>
public readonly record struct LearningRateSchedule(float Peak, int WarmupSteps, int TotalSteps, float MinRatio = 0.1f)
{
    /// <summary>The rate for update <paramref name="step"/> (0-based).</summary>
    public float At(int step)
    {
        if (step < WarmupSteps) return Peak * (step + 1) / WarmupSteps;
        var progress = TotalSteps <= WarmupSteps ? 1.0 : Math.Min(1.0, (double)(step - WarmupSteps) / (TotalSteps - WarmupSteps));
        var min = Peak * MinRatio;
        return (float)(min + 0.5 * (Peak - min) * (1 + Math.Cos(Math.PI * progress)));
    }
}
