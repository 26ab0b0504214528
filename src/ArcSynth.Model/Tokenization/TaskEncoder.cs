using ArcSynth.Dsl.Values;

namespace ArcSynth.Model.Tokenization;

/// <summary>What encoding a task gave: the tokens, and how many demonstration pairs the budget cut.</summary>
public sealed record EncodedTask(IReadOnlyList<int> Tokens, int CutPairs);

/// <summary>
/// Tasks as tokens: <c>&lt;task&gt;</c>, each demonstration as <c>&lt;input&gt; grid &lt;output&gt; grid</c>, then
/// <c>&lt;test&gt; grid</c> for the input to solve when one is given (the sampler conditions on the
/// demonstrations alone, so it passes none). A grid is written dense (<c>&lt;grid&gt; nH nW</c>, then
/// each row's colours and <c>&lt;row&gt;</c>: 3 + H(W+1) tokens) or sparse (<c>&lt;sparse&gt; nH nW</c> and
/// the background colour, then colour, row and column of every other cell: 4 + 3k tokens), whichever
/// is shorter, in the spirit of CodeIt's sparse text. Nothing is dropped silently: when the budget
/// does not hold every pair, the last demonstrations are left out, a <c>&lt;cut&gt;</c> token says so,
/// and <see cref="EncodedTask.CutPairs"/> counts them.
/// </summary>
public sealed class TaskEncoder(Vocabulary vocabulary)
{
    public EncodedTask Encode(IReadOnlyList<(Grid Input, Grid Output)> demonstrations, Grid? test, int budget)
    {
        var testTokens = new List<int>();
        if (test is not null)
        {
            testTokens.Add(vocabulary.Id("<test>"));
            Grid(test, testTokens);
        }
        var tokens = new List<int> { vocabulary.Id("<task>") };
        var kept = 0;
        foreach (var (input, output) in demonstrations)
        {
            var pair = new List<int> { vocabulary.Id("<input>") };
            Grid(input, pair);
            pair.Add(vocabulary.Id("<output>"));
            Grid(output, pair);
            // Room is kept for the test input and for a <cut> marker.
            if (tokens.Count + pair.Count + testTokens.Count + 1 > budget) break;
            tokens.AddRange(pair);
            kept++;
        }
        var cut = demonstrations.Count - kept;
        if (cut > 0) tokens.Add(vocabulary.Id("<cut>"));
        tokens.AddRange(testTokens);
        return new EncodedTask(tokens, cut);
    }

    /// <summary>Appends the tokens of one grid, dense or sparse, whichever is shorter.</summary>
    public void Grid(Grid g, List<int> tokens)
    {
        var counts = new int[10];
        foreach (var v in g.Cells) counts[v]++;
        var background = Array.IndexOf(counts, counts.Max());
        var sparse = 4 + 3 * (g.Cells.Length - counts[background]);
        var dense = 3 + g.Height * (g.Width + 1);
        tokens.Add(vocabulary.Id(sparse < dense ? "<sparse>" : "<grid>"));
        tokens.Add(vocabulary.Id($"n{g.Height}"));
        tokens.Add(vocabulary.Id($"n{g.Width}"));
        if (sparse < dense)
        {
            tokens.Add(vocabulary.Id($"c{background}"));
            for (var i = 0; i < g.Height; i++)
                for (var j = 0; j < g.Width; j++)
                    if (g[i, j] != background)
                    {
                        tokens.Add(vocabulary.Id($"c{g[i, j]}"));
                        tokens.Add(vocabulary.Id($"p{i}"));
                        tokens.Add(vocabulary.Id($"p{j}"));
                    }
            return;
        }
        for (var i = 0; i < g.Height; i++)
        {
            for (var j = 0; j < g.Width; j++) tokens.Add(vocabulary.Id($"c{g[i, j]}"));
            tokens.Add(vocabulary.Id("<row>"));
        }
    }

    /// <summary>Reads one grid back from <paramref name="tokens"/> at <paramref name="at"/>, moving past it.</summary>
    public Grid ReadGrid(IReadOnlyList<int> tokens, ref int at)
    {
        var kind = vocabulary.Token(tokens[at++]);
        var h = int.Parse(vocabulary.Token(tokens[at++])[1..]);
        var w = int.Parse(vocabulary.Token(tokens[at++])[1..]);
        var cells = new int[h * w];
        if (kind == "<sparse>")
        {
            Array.Fill(cells, int.Parse(vocabulary.Token(tokens[at++])[1..]));
            while (at < tokens.Count && vocabulary.Token(tokens[at]) is ['c', _])
            {
                var c = int.Parse(vocabulary.Token(tokens[at++])[1..]);
                var i = int.Parse(vocabulary.Token(tokens[at++])[1..]);
                var j = int.Parse(vocabulary.Token(tokens[at++])[1..]);
                cells[i * w + j] = c;
            }
            return new Grid(h, w, cells);
        }
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++) cells[i * w + j] = int.Parse(vocabulary.Token(tokens[at++])[1..]);
            at++; // <row>
        }
        return new Grid(h, w, cells);
    }
}
