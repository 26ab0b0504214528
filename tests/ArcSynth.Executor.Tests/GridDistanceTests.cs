using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Scoring;

namespace ArcSynth.Executor.Tests;

public sealed class GridDistanceTests
{
    private static Grid G(params int[][] rows) => Grid.FromRows(rows);

    [Fact]
    public void Is_zero_exactly_for_identical_grids()
    {
        Assert.Equal(0, GridDistance.Of(G([1, 2], [3, 4]), G([1, 2], [3, 4])));
        Assert.True(GridDistance.Of(G([1, 2], [3, 5]), G([1, 2], [3, 4])) > 0);
    }

    [Fact]
    public void Same_shape_is_half_the_share_of_differing_cells()
    {
        Assert.Equal(0.125, GridDistance.Of(G([1, 2], [3, 5]), G([1, 2], [3, 4])));
        Assert.Equal(0.5, GridDistance.Of(G([0, 0], [0, 0]), G([1, 2], [3, 4])));
    }

    [Fact]
    public void A_wrong_shape_is_further_than_any_right_shape()
    {
        var expected = G([1, 2], [3, 4]);
        var wrongShapeAlmostRight = G([1, 2], [3, 4], [0, 0]);
        Assert.True(GridDistance.Of(wrongShapeAlmostRight, expected) > 0.5);
        Assert.True(GridDistance.Of(wrongShapeAlmostRight, expected) > GridDistance.Of(G([9, 9], [9, 9]), expected));
        Assert.Equal(0.5 + 0.5 * 2 / 6, GridDistance.Of(wrongShapeAlmostRight, expected), 10);
    }

    [Fact]
    public void No_grid_is_the_furthest()
    {
        Assert.Equal(1, GridDistance.Of(null, G([1])));
        Assert.True(GridDistance.Of(G([5, 5, 5]), G([1])) <= 1);
    }

    [Fact]
    public void Scores_order_by_exact_pairs_then_distance_then_length()
    {
        var scores = new[]
        {
            new ProgramScore(1, 3, 0.1, 5), new ProgramScore(2, 3, 0.3, 9), new ProgramScore(2, 3, 0.2, 9), new ProgramScore(2, 3, 0.2, 4),
        };
        Assert.Equal([scores[3], scores[2], scores[1], scores[0]], scores.Order());
        Assert.True(new ProgramScore(3, 3, 0, 2).SolvesDemonstrations);
    }
}
