using System;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Contrib;

public static class Falling
{
    [Primitive("gravity(grid: Grid, direction: IntegerTuple) -> Grid",
        "cells not of the most common colour fall as far as they can toward direction, keeping their order")]
    [Example("gravity(((0, 1), (2, 0)), DOWN)", "((0, 0), (2, 1))")]
    [Example("gravity(((3, 0, 3), (0, 5, 0)), RIGHT)", "((0, 3, 3), (0, 0, 5))")]
    [Example("gravity(((7, 7), (7, 7)), UP)", "((7, 7), (7, 7))")]
    public static Value Fall(Value grid, Value direction)
    {
        if (Grid.TryFrom(grid) is not { } g) throw new DslError("TypeError", "gravity needs a grid");
        if (direction is not Pair { A: var di, B: var dj } || Math.Abs(di) + Math.Abs(dj) != 1)
            throw new DslError("ValueError", "gravity needs one of UP, DOWN, LEFT, RIGHT");
        var background = Background(g);
        var cells = new int[g.Height * g.Width];
        Array.Fill(cells, background);
        // Walk each line from the side the cells fall toward, stacking the non-background ones there.
        var lines = di != 0 ? g.Width : g.Height;
        var length = di != 0 ? g.Height : g.Width;
        for (var line = 0; line < lines; line++)
        {
            var next = 0;
            for (var k = 0; k < length; k++)
            {
                var along = di + dj > 0 ? length - 1 - k : k;
                var (i, j) = di != 0 ? (along, line) : (line, along);
                if (g[i, j] == background) continue;
                var to = di + dj > 0 ? length - 1 - next : next;
                var (ti, tj) = di != 0 ? (to, line) : (line, to);
                cells[ti * g.Width + tj] = g[i, j];
                next++;
            }
        }
        return new Grid(g.Height, g.Width, cells);
    }

    /// <summary>The most common colour; the smallest of those tied.</summary>
    private static int Background(Grid g)
    {
        var counts = new int[10];
        for (var i = 0; i < g.Height; i++)
            for (var j = 0; j < g.Width; j++)
                counts[g[i, j]]++;
        var best = 0;
        for (var c = 1; c < 10; c++)
            if (counts[c] > counts[best]) best = c;
        return best;
    }
}
