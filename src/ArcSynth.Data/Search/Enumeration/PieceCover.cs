using System.Numerics;
using System.Runtime.InteropServices;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Search.Enumeration;

/// <summary>
/// A value the enumeration built that agrees with every demonstration output wherever it lands: a patch
/// whose cells the output holds in one colour, filled with a term that is that colour, or an object whose
/// cells the output holds as they are, painted; or, with underfill and underpaint, so on the input's
/// background cells alone (<paramref name="OnBackground"/>). <paramref name="Covers"/> marks the changed cells it sets.
/// A lower layer (<paramref name="Overwritten"/> not null) is a patch filled with the colour the outputs hold under most
/// of it (on each demonstration, or over all of them), whose other cells are changed cells that later pieces set: crossing lines, the later on top (178fcbfb).
/// </summary>
internal sealed record Piece(Term Patch, PrimitiveFunction Into, Term? Colour, ulong[] Covers, bool OnBackground, ulong[]? Overwritten = null);

/// <summary>
/// Where every demonstration output is its input with some cells changed: the changed cells, and the
/// pieces that set some of them. Pieces that agree with the outputs never undo one another, so a few of
/// them put into the input, in any order, give every output as soon as together they cover every changed
/// cell. Outputs that change cells to several colours, or along several shapes, are reached so from
/// short terms that each explain one part. A set may start with one lower layer, filled first, whose
/// wrong cells the set's other pieces fill or paint over.
/// </summary>
internal sealed class PieceCover
{
    /// <summary>Pieces tried together at most.</summary>
    private const int MaxPieces = 3;

    /// <summary>Sets of pieces looked at, at most, each time covers are asked for.</summary>
    private const int MaxSteps = 100_000;

    private readonly Grid[] _inputs;
    private readonly Grid[] _outputs;

    /// <summary>Each input's commonest colour: the cells underfill and underpaint set.</summary>
    private readonly int[] _backgrounds;

    /// <summary>Per demonstration, each cell's bit among the changed cells of all demonstrations, or -1 where it keeps its colour.</summary>
    private readonly int[][] _bitOf;
    private readonly ulong[] _all;
    private readonly List<Piece> _pieces = [];

    /// <summary>Per changed cell, the pieces that set it.</summary>
    private readonly List<int>[] _setting;

    /// <summary>The changed cells set by each piece kept, and the sets of pieces returned (their indices): each is kept once.</summary>
    private readonly HashSet<string> _coverages = [];
    private readonly HashSet<string> _covers = [];

    private PieceCover(Grid[] inputs, Grid[] outputs, int[] backgrounds, int[][] bitOf, int changed)
    {
        _inputs = inputs;
        _outputs = outputs;
        _backgrounds = backgrounds;
        _bitOf = bitOf;
        _all = new ulong[(changed + 63) / 64];
        for (var b = 0; b < changed; b++) _all[b >> 6] |= 1UL << b;
        _setting = Enumerable.Range(0, changed).Select(_ => new List<int>()).ToArray();
    }

    /// <summary>
    /// The changed cells of the demonstrations, <paramref name="backgrounds"/> each input's commonest colour; null where an
    /// output differs from its input in shape, or none changes a cell.
    /// </summary>
    public static PieceCover? Of(Grid[] inputs, Grid[] outputs, int[] backgrounds)
    {
        var bitOf = new int[inputs.Length][];
        var changed = 0;
        for (var d = 0; d < inputs.Length; d++)
        {
            var (i, o) = (inputs[d], outputs[d]);
            if (i.Height != o.Height || i.Width != o.Width) return null;
            bitOf[d] = new int[i.Height * i.Width];
            for (var k = 0; k < bitOf[d].Length; k++) bitOf[d][k] = i.Cells[k] == o.Cells[k] ? -1 : changed++;
        }
        return changed == 0 ? null : new PieceCover(inputs, outputs, backgrounds, bitOf, changed);
    }

    /// <summary>
    /// Keeps <paramref name="term"/> (a patch or an object) as pieces where it agrees with the outputs and
    /// sets a changed cell no piece before it sets alone: painted, for an object, and filled with the colour
    /// the outputs hold under it, given by <paramref name="colour"/> (null where no term is that colour).
    /// Where it agrees only on the input's background, underpainted or underfilled instead: a box or a line
    /// drawn across what is there (e7639916's rectangle through three points). Where it agrees on neither, but
    /// only changed cells under it differ from its commonest colour, filled as a lower layer. Returns the pieces
    /// that set every changed cell alone.
    /// </summary>
    public IEnumerable<Piece> Offer(Term term, Into into, Func<int[], Term?> colour)
    {
        if (term.Type == DslType.Object && Painting(term, into) is var (paint, covers, under) && Keep(new Piece(term, paint, null, covers, under)) is { } painted)
            yield return painted;
        if (Filling(term, into) is var (fill, cells, colours, background))
        {
            if (colour(colours) is { } c && Keep(new Piece(term, fill, c, cells, background)) is { } filled) yield return filled;
        }
        else if (into.Fill is { } layered && Commonest(term) is var (each, overall))
        {
            // The colour under most of it on each demonstration, else, where no term is that (2 on one, 1 on the others:
            // d2abd087), the colour under most of it on all of them.
            var (layerColours, c) = colour(each) is { } e ? (each, e) : (overall, colour(overall));
            if (c is not null && Layer(term, layerColours) is var (right, wrong)) Keep(new Piece(term, layered, c, right, false, wrong));
        }
    }

    /// <summary>The primitives that put pieces into a grid: fill and paint, and their background-only forms; any may be missing from the registry.</summary>
    public sealed record Into(PrimitiveFunction? Fill, PrimitiveFunction? Paint, PrimitiveFunction? Underfill, PrimitiveFunction? Underpaint);

    /// <summary>How an object is painted so that it agrees with the outputs, the changed cells it sets, and whether on the background alone; null where no way does.</summary>
    private (PrimitiveFunction, ulong[], bool)? Painting(Term term, Into into) =>
        into.Paint is { } paint && Painted(term, onlyBackground: false) is { } covers ? (paint, covers, false)
        : into.Underpaint is { } under && Painted(term, onlyBackground: true) is { } some ? (under, some, true)
        : null;

    /// <summary>How a patch is filled so that it agrees with the outputs, the changed cells it sets, the colours, and whether on the background alone; null where no way does.</summary>
    private (PrimitiveFunction, ulong[], int[], bool)? Filling(Term term, Into into) =>
        into.Fill is { } fill && Filled(term, onlyBackground: false) is var (covers, colours) ? (fill, covers, colours, false)
        : into.Underfill is { } under && Filled(term, onlyBackground: true) is var (cells, background) ? (under, cells, background, true)
        : null;

    /// <summary>
    /// The colour the outputs hold under most of a patch on each demonstration (-1 where none of it lands on the grid), and
    /// that colour over all demonstrations, on each of them; null where an item of it is not a cell.
    /// </summary>
    private (int[] Each, int[] Overall)? Commonest(Term term)
    {
        var each = new int[_outputs.Length];
        var overall = new int[10];
        Span<int> counts = stackalloc int[10];
        for (var d = 0; d < _outputs.Length; d++)
        {
            var o = _outputs[d];
            counts.Clear();
            foreach (var item in ((FrozenSetValue)term.Values[d]).Items())
            {
                if (Location(item) is not (var i, var j)) return null;
                if (i >= 0 && i < o.Height && j >= 0 && j < o.Width) counts[o[i, j]]++;
            }
            each[d] = Most(counts);
            for (var c = 0; c < counts.Length; c++) overall[c] += counts[c];
        }
        return (each, Enumerable.Repeat(Most(overall), _outputs.Length).ToArray());
    }

    /// <summary>The colour counted most (the smallest of equals), or -1 where none is counted.</summary>
    private static int Most(ReadOnlySpan<int> counts)
    {
        var most = -1;
        for (var c = 0; c < counts.Length; c++)
            if (counts[c] > 0 && (most < 0 || counts[c] > counts[most])) most = c;
        return most;
    }

    /// <summary>
    /// A patch as a lower layer filled with <paramref name="colours"/> (one per demonstration): the changed cells it sets
    /// right, and those it sets wrong, where at least as many of its cells are right as wrong; null where it would set a
    /// cell that keeps its colour wrong (no later piece sets those), or sets nothing wrong or nothing right. Asked only of a
    /// patch <see cref="Commonest"/> found every item of to be a cell.
    /// </summary>
    private (ulong[] Right, ulong[] Wrong)? Layer(Term term, int[] colours)
    {
        var right = new ulong[_all.Length];
        var wrong = new ulong[_all.Length];
        var (agreeing, disagreeing) = (0, 0);
        for (var d = 0; d < _outputs.Length; d++)
        {
            var o = _outputs[d];
            foreach (var item in ((FrozenSetValue)term.Values[d]).Items())
            {
                var (i, j) = Location(item)!.Value;
                if (i < 0 || i >= o.Height || j < 0 || j >= o.Width) continue;
                var b = _bitOf[d][i * o.Width + j];
                if (o[i, j] == colours[d])
                {
                    agreeing++;
                    if (b >= 0) right[b >> 6] |= 1UL << b;
                }
                else if (b < 0) return null;
                else
                {
                    disagreeing++;
                    wrong[b >> 6] |= 1UL << b;
                }
            }
        }
        return disagreeing > 0 && agreeing >= disagreeing && Sets(right) ? (right, wrong) : null;
    }

    /// <summary>Whether every changed cell is set by a piece.</summary>
    private bool Complete(ulong[] covers) => covers.AsSpan().SequenceEqual(_all);

    /// <summary>
    /// Returns a piece that sets every changed cell, as a solution alone; keeps one that sets some, where no
    /// piece before it sets those alone (pieces alike on the demonstrations may differ on the test inputs,
    /// but the first has the fewest calls, and all of them would crowd the sets).
    /// </summary>
    private Piece? Keep(Piece piece)
    {
        if (piece.Overwritten is null && Complete(piece.Covers)) return piece;
        var key = Convert.ToBase64String(MemoryMarshal.AsBytes(piece.Covers.AsSpan()));
        if (!_coverages.Add(piece.Overwritten is null ? key : key + "/" + Convert.ToBase64String(MemoryMarshal.AsBytes(piece.Overwritten.AsSpan())))) return null;
        var index = _pieces.Count;
        _pieces.Add(piece);
        // A lower layer only starts a set: later pieces go over it.
        if (piece.Overwritten is null)
            for (var b = 0; b < _setting.Length; b++)
                if ((piece.Covers[b >> 6] >> b & 1) != 0) _setting[b].Add(index);
        return null;
    }

    /// <summary>
    /// The changed cells an object sets where each of its cells is the output's (those on the input's background
    /// alone, where <paramref name="onlyBackground"/>); null where one is not, or it sets none.
    /// </summary>
    private ulong[]? Painted(Term term, bool onlyBackground)
    {
        var covers = new ulong[_all.Length];
        for (var d = 0; d < _outputs.Length; d++)
        {
            var o = _outputs[d];
            foreach (var item in ((FrozenSetValue)term.Values[d]).Items())
            {
                if (item is not Cell c) return null;
                if (c.I < 0 || c.I >= o.Height || c.J < 0 || c.J >= o.Width || onlyBackground && !Background(d, c.I, c.J)) continue;
                if (o[c.I, c.J] != c.Color) return null;
                Set(covers, d, c.I * o.Width + c.J);
            }
        }
        return Sets(covers) ? covers : null;
    }

    /// <summary>
    /// The changed cells a patch (or an object's cells) sets, and the one colour the outputs hold under it on
    /// each demonstration (-1 where none of it lands on the grid); null where the colours under it differ, or it sets none.
    /// Where <paramref name="onlyBackground"/>, the cells on the input's background alone.
    /// </summary>
    private (ulong[] Covers, int[] Colours)? Filled(Term term, bool onlyBackground)
    {
        var covers = new ulong[_all.Length];
        var colours = new int[_outputs.Length];
        for (var d = 0; d < _outputs.Length; d++)
        {
            var o = _outputs[d];
            colours[d] = -1;
            foreach (var item in ((FrozenSetValue)term.Values[d]).Items())
            {
                if (Location(item) is not (var i, var j)) return null;
                if (i < 0 || i >= o.Height || j < 0 || j >= o.Width || onlyBackground && !Background(d, i, j)) continue;
                if (colours[d] >= 0 && o[i, j] != colours[d]) return null;
                colours[d] = o[i, j];
                Set(covers, d, i * o.Width + j);
            }
        }
        return Sets(covers) ? (covers, colours) : null;
    }

    private bool Background(int demonstration, int i, int j) => _inputs[demonstration][i, j] == _backgrounds[demonstration];

    /// <summary>Where a patch's item lies: an index pair, or a cell of an object; null for anything else.</summary>
    private static (int I, int J)? Location(Value item) => item switch
    {
        Pair p => (p.A, p.B),
        Cell c => (c.I, c.J),
        _ => null,
    };

    private void Set(ulong[] covers, int demonstration, int cell)
    {
        var b = _bitOf[demonstration][cell];
        if (b >= 0) covers[b >> 6] |= 1UL << b;
    }

    private static bool Sets(ulong[] covers) => covers.Any(w => w != 0);

    /// <summary>
    /// Sets of two or three pieces that together set every changed cell, not returned before, the fewest
    /// calls first: each set grows from a piece by the pieces that set the first cell still unset, pairs before threes, in a
    /// bounded number of steps (pieces can be many, and most sets of them cover nothing new).
    /// </summary>
    public IReadOnlyList<Piece[]> Covers(int most)
    {
        var found = new List<Piece[]>();
        var steps = MaxSteps;
        // Pairs from every piece before any three: grown three deep from the first pieces, the steps ran out before a pair
        // of later ones was looked at (31aa019c: 718 pieces, the lower layer and its cover among the last).
        for (var size = 2; size <= MaxPieces; size++)
            for (var a = 0; a < _pieces.Count && found.Count < 4 * most && steps > 0; a++)
                Grow([a], size, found, 4 * most, ref steps);
        return found.OrderBy(s => s.Sum(p => p.Patch.Calls + (p.Colour?.Calls ?? 0))).ThenBy(s => s.Length).Take(most).ToList();
    }

    private void Grow(List<int> chosen, int size, List<Piece[]> found, int most, ref int steps)
    {
        steps--;
        var left = (ulong[])_all.Clone();
        foreach (var k in chosen)
            for (var w = 0; w < left.Length; w++) left[w] &= ~_pieces[k].Covers[w];
        var first = FirstSet(left);
        if (first < 0)
        {
            var set = chosen.Order().ToArray();
            if (set.Length > 1 && _covers.Add(string.Join(',', set))) found.Add(set.Select(k => _pieces[k]).ToArray());
            return;
        }
        if (chosen.Count == size) return;
        // A lower layer's wrong cells are set over it by pieces checked against every cell, not the input's background alone.
        var overwritten = _pieces[chosen[0]].Overwritten is { } wrong && (wrong[first >> 6] >> first & 1) != 0;
        foreach (var next in _setting[first])
        {
            if (found.Count >= most || steps <= 0) return;
            if (overwritten && _pieces[next].OnBackground) continue;
            chosen.Add(next);
            Grow(chosen, size, found, most, ref steps);
            chosen.RemoveAt(chosen.Count - 1);
        }
    }

    private static int FirstSet(ulong[] bits)
    {
        for (var w = 0; w < bits.Length; w++)
            if (bits[w] != 0) return w * 64 + BitOperations.TrailingZeroCount(bits[w]);
        return -1;
    }
}
