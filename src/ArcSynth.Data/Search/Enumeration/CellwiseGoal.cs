using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Search.Enumeration;

/// <summary>
/// Where every demonstration output is, cell by cell, one function of the colours that grids of its shape (built by the
/// enumeration from the input, or the input's parts) hold at that cell, the same on every demonstration. Two kinds are
/// looked for: any function of two grids, written as fills of a few colour sets (tophalf(I) and bottomhalf(I) combined
/// by a rule of logic; a grid and itself: a colour map: <see cref="FillRule"/>), and grids laid over one another, each
/// cell the first of them that is set there (the quarters of the input stacked in some order; a pattern seen through
/// its noise to its mirror image: <see cref="LayerRule"/>). Either takes some ten calls, out of the enumeration's reach.
/// </summary>
internal sealed class CellwiseGoal
{
    /// <summary>Grids of the outputs' shape compared, at most: the pairs grow as their square.</summary>
    private const int MaxGrids = 96;

    /// <summary>Calls a rule adds to its grids, at most: a longer one fits the demonstrations by chance more than by reason.</summary>
    private const int MaxRuleCalls = 12;

    /// <summary>Grids laid over one another, at most.</summary>
    private const int MaxLayers = 4;

    /// <summary>ARC's colours, 0 to 9.</summary>
    private const int ArcColours = 10;

    /// <summary>
    /// A colour that differs between demonstrations, as a table reads it where a colour term is that colour on each
    /// (leastcolor(I): a copy kept where the input's cell is its rarest colour, 48f8583b): one entry for all of them.
    /// </summary>
    public const int Varying = ArcColours;

    /// <summary>The colours a table tells apart: ARC's ten and <see cref="Varying"/>.</summary>
    private const int Colours = ArcColours + 1;

    private readonly Grid[] _outputs;

    /// <summary>The outputs' cells, all demonstrations together.</summary>
    private readonly int _cells;

    /// <summary>The outputs' commonest colour: a canvas's for a rule of two grids.</summary>
    private readonly int _commonest;

    /// <summary>The colours a layer's unset cells may have: the inputs' commonest, and those of an input no output has (noise to see through).</summary>
    private readonly int[] _unset;
    private readonly List<Term> _grids = [];

    /// <summary>Colour terms a table may read as <see cref="Varying"/>, one at a time.</summary>
    private readonly List<Term> _varying = [];
    private readonly HashSet<string> _overlays = [];

    private CellwiseGoal(Grid[] inputs, Grid[] outputs)
    {
        _outputs = outputs;
        _cells = outputs.Sum(o => o.Cells.Length);
        _commonest = Commonest(outputs);
        _unset = [Commonest(inputs), .. Enumerable.Range(0, ArcColours).Where(c => inputs.Any(i => i.Cells.Contains(c)) && !outputs.Any(o => o.Cells.Contains(c)))];
    }

    /// <summary>The goal of outputs in ARC's colours; null where one is not.</summary>
    public static CellwiseGoal? Of(Grid[] inputs, Grid[] outputs) =>
        outputs.All(o => !o.Cells.ContainsAnyExceptInRange(0, 9)) ? new CellwiseGoal(inputs, outputs) : null;

    private static int Commonest(Grid[] grids)
    {
        var counts = new int[10];
        foreach (var g in grids)
            foreach (var c in g.Cells) counts[Math.Clamp(c, 0, 9)]++;
        return Array.IndexOf(counts, counts.Max());
    }

    /// <summary>Keeps <paramref name="colour"/> for tables to read as <see cref="Varying"/>, where it is an ARC colour on every demonstration and not one colour on all.</summary>
    public void Vary(Term colour)
    {
        if (colour.Values.All(v => v is Int { V: >= 0 and < ArcColours }) && colour.Values.Any(v => !v.Equals(colour.Values[0])))
            _varying.Add(colour);
    }

    /// <summary>
    /// Keeps <paramref name="grid"/> where it has the outputs' shape and ARC's colours on every demonstration, and
    /// returns the rules of two grids it gives with each grid kept before it and with itself: of its colours as they
    /// are, or with a colour term's read as <see cref="Varying"/>, whichever takes the fewest calls (0692e18c's colour
    /// swapped with 0 is one fill, where its colours one by one are three).
    /// </summary>
    public IEnumerable<FillRule> Offer(Term grid)
    {
        if (_grids.Count >= MaxGrids) yield break;
        for (var d = 0; d < _outputs.Length; d++)
            if (grid.Values[d] is not Grid g || g.Height != _outputs[d].Height || g.Width != _outputs[d].Width ||
                g.Cells.ContainsAnyExceptInRange(0, 9)) yield break;
        if (_grids.Any(g => g.Values.AsSpan().SequenceEqual(grid.Values))) yield break;
        _grids.Add(grid);
        foreach (var first in _grids)
        {
            FillRule? best = null;
            foreach (var varying in _varying.Prepend(null))
                if (Table(first, grid, varying) is { } table && Rule(first, grid, table, varying) is { } rule && rule.Calls < (best?.Calls ?? int.MaxValue))
                    best = rule;
            if (best is not null) yield return best;
        }
    }

    /// <summary>
    /// The grids kept laid over one another (<see cref="Overlay"/>), through each colour a layer may leave unset; each
    /// set of layers once. Asked for after each depth: each layer is chosen among all the grids kept.
    /// </summary>
    public IEnumerable<LayerRule> Overlays()
    {
        foreach (var unset in _unset.Distinct())
            if (Overlay(unset) is { } overlay && _overlays.Add(string.Join(",", overlay.Grids.Select(g => _grids.IndexOf(g))) + "/" + unset))
                yield return overlay;
    }

    private ReadOnlySpan<int> Cells(Term grid, int d) => ((Grid)grid.Values[d]).Cells;

    /// <summary>
    /// The output colour of each pair of colours (11 a + b) seen, -1 where none is, <paramref name="varying"/>'s colour
    /// read as <see cref="Varying"/> on each demonstration; null where one pair gives two colours.
    /// </summary>
    private int[]? Table(Term first, Term second, Term? varying)
    {
        var table = new int[Colours * Colours];
        Array.Fill(table, -1);
        for (var d = 0; d < _outputs.Length; d++)
        {
            var a = Cells(first, d);
            var b = Cells(second, d);
            var o = _outputs[d].Cells;
            var v = varying is null ? -1 : ((Int)varying.Values[d]).V;
            for (var k = 0; k < o.Length; k++)
            {
                var (x, y, z) = (a[k] == v ? Varying : a[k], b[k] == v ? Varying : b[k], o[k] == v ? Varying : o[k]);
                ref var seen = ref table[Colours * x + y];
                if (seen == -1) seen = z;
                else if (seen != z) return null;
            }
        }
        return table;
    }

    /// <summary>The rule of fewest calls that writes <paramref name="table"/>, starting from either grid or a canvas; null where none is short enough or one grid is already every output.</summary>
    private FillRule? Rule(Term first, Term second, int[] table, Term? varying)
    {
        var keys = Enumerable.Range(0, table.Length).Where(k => table[k] >= 0).ToArray();
        // A table of about as many pairs as cells fits by chance (a 1x1 output's colours mapped one by one).
        if (2 * keys.Length > _cells) return null;
        if (keys.All(k => table[k] == k / Colours) || keys.All(k => table[k] == k % Colours)) return null;
        var one = ReferenceEquals(first, second);
        FillRule? best = null;
        var bestCalls = MaxRuleCalls + 1;
        void Try(Term[] grids, int? canvas, Func<int, int> start, int startCalls)
        {
            var fills = new List<(int, CellSet[])>();
            var calls = startCalls;
            foreach (var colour in keys.Select(k => table[k]).Distinct().Order())
            {
                var wanted = keys.Where(k => table[k] == colour && start(k) != colour).ToArray();
                if (wanted.Length == 0) continue;
                if (Cover(wanted, keys.Where(k => table[k] != colour).ToArray(), one, varying is null ? ArcColours : Colours) is not { } sets) return;
                // The second grid is the first of the rule's grids where it starts from it.
                fills.Add((colour, ReferenceEquals(grids[0], first) ? sets : [.. sets.Select(Swapped)]));
                calls += sets.Sum(s => s.Calls) + sets.Length;
                if (calls >= bestCalls) return;
            }
            if (fills.Count > 0) (best, bestCalls) = (new FillRule(grids, canvas, [.. fills], varying), calls);
        }
        Try([first, second], null, k => k / Colours, 0);
        if (!one) Try([second, first], null, k => k % Colours, 0);
        Try([first, second], _commonest, _ => _commonest, 2);
        return best;
    }

    private static CellSet Swapped(CellSet s) =>
        new(s.First with { Grid = 1 - s.First.Grid }, s.Second is { } t ? t with { Grid = 1 - t.Grid } : null, s.Without);

    /// <summary>
    /// The fewest sets, chosen greedily, that together hold every pair of <paramref name="wanted"/> and none of
    /// <paramref name="unwanted"/>, over the first <paramref name="colours"/> colours; null where none do. With
    /// <paramref name="one"/>, the two grids are one.
    /// </summary>
    private static CellSet[]? Cover(int[] wanted, int[] unwanted, bool one, int colours)
    {
        var candidates = Candidates(wanted, one, colours).Where(s => !unwanted.Any(k => s.Holds(k / Colours, k % Colours))).ToList();
        var left = new HashSet<int>(wanted);
        var chosen = new List<CellSet>();
        while (left.Count > 0)
        {
            var next = candidates.Select(s => (Set: s, Gain: left.Count(k => s.Holds(k / Colours, k % Colours))))
                .Where(x => x.Gain > 0).OrderByDescending(x => (double)x.Gain / x.Set.Calls).FirstOrDefault();
            if (next.Gain == 0) return null;
            chosen.Add(next.Set);
            left.RemoveWhere(k => next.Set.Holds(k / Colours, k % Colours));
        }
        return [.. chosen];
    }

    /// <summary>The sets over the colours of <paramref name="wanted"/>'s pairs: each grid's colour alone, each grid's cells but one colour's, then colours crossed and taken apart.</summary>
    private static IEnumerable<CellSet> Candidates(int[] wanted, bool one, int colours)
    {
        var atoms = wanted.Select(k => new ColourCells(0, k / Colours))
            .Concat(one ? [] : wanted.Select(k => new ColourCells(1, k % Colours))).Distinct().ToList();
        foreach (var x in atoms) yield return new CellSet(x, null, false);
        // Where a grid is not a colour: a copy kept where a mask is its rarest colour, whatever the copy's colours are (48f8583b).
        foreach (var grid in one ? [0] : new[] { 0, 1 })
            for (var c = 0; c < colours; c++)
                yield return new CellSet(new ColourCells(grid, ColourCells.Any), new ColourCells(grid, c), true);
        if (one) yield break;
        var all = Enumerable.Range(0, colours).SelectMany(c => new[] { new ColourCells(0, c), new ColourCells(1, c) }).ToList();
        foreach (var x in atoms)
            foreach (var y in all.Where(y => y.Grid != x.Grid))
            {
                yield return new CellSet(x, y, false);
                yield return new CellSet(x, y, true);
            }
    }

    /// <summary>
    /// The grids kept laid over one another, each output cell the first layer's colour there that is not
    /// <paramref name="unset"/> (or else <paramref name="unset"/>): each layer the grid right on every cell it sets among
    /// those the layers before it leave, setting most of them; null where more than <see cref="MaxLayers"/> or one alone would.
    /// </summary>
    private LayerRule? Overlay(int unset)
    {
        var left = _outputs.Select(o => Enumerable.Range(0, o.Cells.Length).ToList()).ToArray();
        var layers = new List<Term>();
        while (layers.Count < MaxLayers && Unexplained(left, unset))
        {
            var (best, gain) = ((Term?)null, 0);
            foreach (var grid in _grids)
                if (Sets(grid, left, unset) is var n && n > gain) (best, gain) = (grid, n);
            if (best is null) return null;
            layers.Add(best);
            for (var d = 0; d < left.Length; d++)
            {
                var cells = Cells(best, d).ToArray();
                left[d].RemoveAll(k => cells[k] != unset);
            }
        }
        return layers.Count >= 2 && !Unexplained(left, unset) ? new LayerRule([.. layers], unset) : null;
    }

    /// <summary>Whether an output cell of <paramref name="left"/> is not <paramref name="unset"/>.</summary>
    private bool Unexplained(List<int>[] left, int unset) => left.Select((cells, d) => cells.Any(k => _outputs[d].Cells[k] != unset)).Any(x => x);

    /// <summary>How many cells of <paramref name="left"/> <paramref name="grid"/> sets (not <paramref name="unset"/>), rightly; 0 where it sets one wrongly.</summary>
    private int Sets(Term grid, List<int>[] left, int unset)
    {
        var n = 0;
        for (var d = 0; d < left.Length; d++)
        {
            var cells = Cells(grid, d);
            var output = _outputs[d].Cells;
            foreach (var k in left[d])
                if (cells[k] == unset) continue;
                else if (cells[k] != output[k]) return 0;
                else n++;
        }
        return n;
    }
}
