namespace ArcSynth.Model.Sampling;

/// <summary>Draws one token from logits: disallowed tokens removed, temperature applied, then the smallest set holding top-p of the mass.</summary>
public static class TokenChoice
{
    /// <summary>The drawn token; -1 when the mask allows none. <paramref name="logits"/> is overwritten.</summary>
    public static int Draw(Span<float> logits, ReadOnlySpan<bool> allowed, float temperature, float topP, Random random)
    {
        var max = float.NegativeInfinity;
        var any = -1;
        for (var i = 0; i < logits.Length; i++)
            if (allowed[i])
            {
                max = MathF.Max(max, logits[i]);
                any = i;
            }
        if (any < 0) return -1;
        if (temperature <= 0f)
        {
            // Greedy: the first allowed token with the largest logit.
            for (var i = 0; i < logits.Length; i++) if (allowed[i] && logits[i] == max) return i;
        }
        var total = 0.0;
        for (var i = 0; i < logits.Length; i++)
            total += logits[i] = allowed[i] ? MathF.Exp((logits[i] - max) / temperature) : 0f;
        // Nucleus: keep the most probable tokens until they hold topP of the mass (ties by id, so draws are reproducible).
        var order = new List<int>();
        for (var i = 0; i < logits.Length; i++) if (logits[i] > 0f) order.Add(i);
        var values = logits.ToArray();
        order.Sort((a, b) => values[b] != values[a] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        var kept = 0;
        var mass = 0.0;
        while (kept < order.Count && (kept == 0 || mass < topP * total)) mass += values[order[kept++]];
        var u = random.NextDouble() * mass;
        for (var k = 0; k < kept; k++)
        {
            u -= values[order[k]];
            if (u <= 0) return order[k];
        }
        return order[kept - 1];
    }
}
