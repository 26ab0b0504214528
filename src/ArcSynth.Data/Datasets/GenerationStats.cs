namespace ArcSynth.Data.Datasets;

/// <summary>Counts of a generation run, updated as it goes.</summary>
public sealed class GenerationStats
{
    public int Tried { get; internal set; }

    public int Kept { get; internal set; }

    public Dictionary<DropReason, int> Dropped { get; } = Enum.GetValues<DropReason>().ToDictionary(r => r, _ => 0);

    public override string ToString() =>
        $"tried {Tried}, kept {Kept}; dropped: " + string.Join(", ", Dropped.Select(d => $"{d.Key} {d.Value}"));
}
