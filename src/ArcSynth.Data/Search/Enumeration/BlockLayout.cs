using ArcSynth.Dsl.Values;

namespace ArcSynth.Data.Search.Enumeration;

/// <summary>
/// Where every output is the same number of rows and columns of blocks of its input's shape (59341089: four in a
/// row; c48954c1: three by three), which block of each output a grid is. A layout of mirrored and rotated copies
/// of the input takes a dozen calls (hconcat, vconcat), out of the enumeration's reach, but each block is found
/// alone.
/// </summary>
internal sealed class BlockLayout
{
    /// <summary>Blocks at most: more copies than this of a small input are rarely a layout.</summary>
    private const int MaxBlocks = 16;

    private readonly Grid[] _inputs;
    private readonly Grid[] _outputs;

    private BlockLayout(Grid[] inputs, Grid[] outputs, int rows, int columns) =>
        (_inputs, _outputs, Rows, Columns) = (inputs, outputs, rows, columns);

    /// <summary>Blocks down each output.</summary>
    public int Rows { get; }

    /// <summary>Blocks across each output.</summary>
    public int Columns { get; }

    /// <summary>The layout of the outputs, where each is the same whole number of its input's height and width, at least two blocks; null where they are not.</summary>
    public static BlockLayout? Of(Grid[] inputs, Grid[] outputs)
    {
        var (rows, columns) = (0, 0);
        for (var d = 0; d < inputs.Length; d++)
        {
            var (i, o) = (inputs[d], outputs[d]);
            if (o.Height % i.Height != 0 || o.Width % i.Width != 0) return null;
            if (d > 0 && (o.Height / i.Height != rows || o.Width / i.Width != columns)) return null;
            (rows, columns) = (o.Height / i.Height, o.Width / i.Width);
        }
        return rows * columns is >= 2 and <= MaxBlocks ? new BlockLayout(inputs, outputs, rows, columns) : null;
    }

    /// <summary>Whether <paramref name="grids"/> are, on every demonstration, the output's block in block row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public bool IsBlock(Value[] grids, int row, int column)
    {
        for (var d = 0; d < _inputs.Length; d++)
        {
            var (h, w) = (_inputs[d].Height, _inputs[d].Width);
            if (grids[d] is not Grid g || g.Height != h || g.Width != w) return false;
            for (var r = 0; r < h; r++)
                if (!g.Row(r).SequenceEqual(_outputs[d].Row(row * h + r).Slice(column * w, w))) return false;
        }
        return true;
    }

    /// <summary>The one colour the block in block row <paramref name="row"/> and column <paramref name="column"/> is throughout, on every demonstration; null where it is not one.</summary>
    public int? Colour(int row, int column)
    {
        int? colour = null;
        for (var d = 0; d < _inputs.Length; d++)
        {
            var (h, w) = (_inputs[d].Height, _inputs[d].Width);
            colour ??= _outputs[d][row * h, column * w];
            for (var r = 0; r < h; r++)
                if (_outputs[d].Row(row * h + r).Slice(column * w, w).ContainsAnyExcept(colour.Value)) return null;
        }
        return colour;
    }
}
