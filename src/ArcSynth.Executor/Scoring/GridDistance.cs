using ArcSynth.Dsl.Values;

namespace ArcSynth.Executor.Scoring;

/// <summary>
/// How far a predicted grid is from the expected one, in [0, 1], comparable across tasks:
/// <list type="bullet">
/// <item>0 exactly when the grids are identical;</item>
/// <item>same shape: half the share of cells that differ, so in (0, 0.5];</item>
/// <item>another shape: 0.5 plus half the share of cells of the larger grid not matched by an equal
/// cell at the same place (the grids aligned at their top-left corner), so in (0.5, 1]: any grid of
/// the wrong shape is further than any grid of the right one;</item>
/// <item>no grid at all (an error, a value that is not a grid): 1.</item>
/// </list>
/// </summary>
public static class GridDistance
{
    public static double Of(Grid? predicted, Grid expected)
    {
        if (predicted is null) return 1;
        var overlapRows = Math.Min(predicted.Height, expected.Height);
        var overlapCols = Math.Min(predicted.Width, expected.Width);
        var equal = 0;
        for (var i = 0; i < overlapRows; i++)
            for (var j = 0; j < overlapCols; j++)
                if (predicted[i, j] == expected[i, j]) equal++;
        if (predicted.Height == expected.Height && predicted.Width == expected.Width)
            return 0.5 * (expected.Height * expected.Width - equal) / (expected.Height * expected.Width);
        var larger = Math.Max(predicted.Height * predicted.Width, expected.Height * expected.Width);
        return 0.5 + 0.5 * (larger - equal) / larger;
    }

    /// <summary>
    /// The distance of <paramref name="predicted"/> over the distance of the example's own input from
    /// the expected output: 0 for the right grid, 1 for the input returned unchanged (or anything as
    /// far), below 1 for progress. Plain distance rewards returning the input when an example changes
    /// few cells; this puts every example on the scale of the change it asks for, so that a search
    /// ranking by it sees the identity for what it is. Where the input already equals the output, the
    /// scale is one wrong cell.
    /// </summary>
    public static double Relative(Grid? predicted, Grid input, Grid expected) =>
        Of(predicted, expected) / Math.Max(Of(input, expected), 0.5 / (expected.Height * expected.Width));
}
