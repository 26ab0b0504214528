namespace ArcSynth.Data.Search.Enumeration;

/// <summary>
/// The cells of one colour in a rule's grid <paramref name="Grid"/> (0 or 1 in a table of two): ofcolor(grid, colour);
/// of <see cref="Any"/> colour, all its cells: asindices(grid).
/// </summary>
internal readonly record struct ColourCells(int Grid, int Colour)
{
    public const int Any = -1;

    public bool Holds(int a, int b) => Colour == Any || (Grid == 0 ? a : b) == Colour;
}

/// <summary>
/// Cells of one colour, alone or crossed with another's (intersection) or with another's taken away (difference): all
/// a grid's cells but one colour's among them.
/// </summary>
internal readonly record struct CellSet(ColourCells First, ColourCells? Second, bool Without)
{
    /// <summary>Its calls: ofcolor, and for two, the other ofcolor and the set operation.</summary>
    public int Calls => Second is null ? 1 : 3;

    public bool Holds(int a, int b) => First.Holds(a, b) && (Second is not { } s || s.Holds(a, b) != Without);
}

/// <summary>A rule that writes every output cell from the colours <paramref name="Grids"/> hold at that cell.</summary>
internal abstract record CellwiseRule(Term[] Grids);

/// <summary>
/// Starting from the first grid, or from a canvas of <paramref name="Canvas"/> the first's shape, fill each colour in
/// turn into the union of its sets; <see cref="CellwiseGoal.Varying"/> is <paramref name="Varying"/>'s colour.
/// </summary>
internal sealed record FillRule(Term[] Grids, int? Canvas, (int Colour, CellSet[] Cells)[] Fills, Term? Varying) : CellwiseRule(Grids)
{
    /// <summary>Its calls: the canvas's two, each set's, and the unions and fill of each colour.</summary>
    public int Calls => (Canvas is null ? 0 : 2) + Fills.Sum(f => f.Cells.Sum(s => s.Calls) + f.Cells.Length);
}

/// <summary>
/// Grids laid over one another: the first, each of its cells of <paramref name="Unset"/> taken from the next grid
/// in turn (paint(g, toobject(ofcolor(g, unset), next))).
/// </summary>
internal sealed record LayerRule(Term[] Grids, int Unset) : CellwiseRule(Grids);
