namespace ArcSynth.Data.Search;

/// <summary>
/// How often each edit is drawn (relative weights, in the order of <see cref="EditKind"/>). The
/// one-name changes are also walked exhaustively (<see cref="GuidedSearchSettings.LocalShare"/>), so
/// the drawn edits lean to the structural ones.
/// </summary>
public sealed record EditWeights(
    double ReplaceArgument = 0.10,
    double ReplacePrimitive = 0.05,
    double InsertLine = 0.15,
    double WrapResult = 0.25,
    double DeleteLine = 0.10,
    double ChangeReturn = 0.07,
    double Splice = 0.18,
    double InsertFragment = 0.10)
{
    /// <summary>Only <paramref name="kind"/>, for tests and ablations.</summary>
    public static EditWeights Only(EditKind kind) => new(
        kind == EditKind.ReplaceArgument ? 1 : 0, kind == EditKind.ReplacePrimitive ? 1 : 0, kind == EditKind.InsertLine ? 1 : 0,
        kind == EditKind.WrapResult ? 1 : 0, kind == EditKind.DeleteLine ? 1 : 0, kind == EditKind.ChangeReturn ? 1 : 0,
        kind == EditKind.Splice ? 1 : 0, kind == EditKind.InsertFragment ? 1 : 0);

    /// <summary>An edit drawn in proportion to the weights.</summary>
    public EditKind Draw(Random random)
    {
        double[] weights = [ReplaceArgument, ReplacePrimitive, InsertLine, WrapResult, DeleteLine, ChangeReturn, Splice, InsertFragment];
        var roll = random.NextDouble() * weights.Sum();
        for (var k = 0; k < weights.Length - 1; k++)
        {
            if (roll < weights[k]) return (EditKind)k;
            roll -= weights[k];
        }
        return (EditKind)(weights.Length - 1);
    }
}
