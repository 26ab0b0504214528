namespace ArcSynth.Data.Search;

/// <summary>How often each edit is drawn (relative weights, in the order of <see cref="EditKind"/>).</summary>
public sealed record EditWeights(
    double ReplaceArgument = 0.30,
    double ReplacePrimitive = 0.15,
    double InsertLine = 0.15,
    double WrapResult = 0.15,
    double DeleteLine = 0.07,
    double ChangeReturn = 0.06,
    double Splice = 0.12)
{
    /// <summary>Only <paramref name="kind"/>, for tests and ablations.</summary>
    public static EditWeights Only(EditKind kind) => new(
        kind == EditKind.ReplaceArgument ? 1 : 0, kind == EditKind.ReplacePrimitive ? 1 : 0, kind == EditKind.InsertLine ? 1 : 0,
        kind == EditKind.WrapResult ? 1 : 0, kind == EditKind.DeleteLine ? 1 : 0, kind == EditKind.ChangeReturn ? 1 : 0,
        kind == EditKind.Splice ? 1 : 0);

    /// <summary>An edit drawn in proportion to the weights.</summary>
    public EditKind Draw(Random random)
    {
        double[] weights = [ReplaceArgument, ReplacePrimitive, InsertLine, WrapResult, DeleteLine, ChangeReturn, Splice];
        var roll = random.NextDouble() * weights.Sum();
        for (var k = 0; k < weights.Length - 1; k++)
        {
            if (roll < weights[k]) return (EditKind)k;
            roll -= weights[k];
        }
        return EditKind.Splice;
    }
}
