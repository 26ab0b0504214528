namespace ArcSynth.Tasks.Model;

/// <summary>An ARC task: demonstration pairs (<see cref="Train"/>) and the pairs to solve (<see cref="Test"/>).</summary>
/// <param name="Id">The file name without extension, e.g. 007bbfb7.</param>
/// <param name="Source">The file the task was read from.</param>
public sealed record ArcTask(string Id, IReadOnlyList<ArcExample> Train, IReadOnlyList<ArcExample> Test, string Source)
{
    /// <summary>The examples of a split: "train" or "test".</summary>
    public IReadOnlyList<ArcExample> Split(string split) => split switch
    {
        "train" => Train,
        "test" => Test,
        _ => throw new ArgumentException($"unknown split '{split}': expected train or test", nameof(split)),
    };
}
