namespace ArcSynth.Cluster.Tests;

/// <summary>
/// Reads the YAML subset the compose file is written in: nested mappings by indentation, block
/// lists of scalars or mappings, flow lists of quoted scalars, comments. Enough to check the file
/// against the code; anything outside the subset is an error naming the line.
/// </summary>
internal static class SimpleYaml
{
    public static Dictionary<string, object?> Parse(string text, string file)
    {
        var lines = text.Split('\n').Select((l, i) => (Text: StripComment(l).TrimEnd(), Number: i + 1)).Where(l => l.Text.Trim().Length > 0).ToList();
        var at = 0;
        var result = Block(lines, ref at, 0, file);
        return result as Dictionary<string, object?> ?? throw new FormatException($"{file}: the top level is not a mapping");
    }

    private static object Block(List<(string Text, int Number)> lines, ref int at, int indent, string file)
    {
        if (lines[at].Text.TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            var list = new List<object?>();
            while (at < lines.Count && Indent(lines[at].Text) == indent && lines[at].Text.TrimStart().StartsWith("- ", StringComparison.Ordinal))
                list.Add(Scalar(lines[at++].Text.TrimStart()[2..]));
            return list;
        }
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (at < lines.Count && Indent(lines[at].Text) == indent)
        {
            var (text, number) = lines[at];
            var colon = text.IndexOf(':');
            if (colon < 0) throw new FormatException($"{file}:{number}: expected 'key: value'");
            var key = text[..colon].Trim();
            var value = text[(colon + 1)..].Trim();
            at++;
            if (value.Length > 0) map[key] = Scalar(value);
            else if (at < lines.Count && Indent(lines[at].Text) > indent) map[key] = Block(lines, ref at, Indent(lines[at].Text), file);
            else map[key] = null;
        }
        if (at < lines.Count && Indent(lines[at].Text) > indent) throw new FormatException($"{file}:{lines[at].Number}: unexpected indentation");
        return map;
    }

    private static object Scalar(string value) =>
        value.StartsWith('[') && value.EndsWith(']')
            ? value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (object?)Unquote(v)).ToList()
            : Unquote(value);

    private static string Unquote(string value) => value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static string StripComment(string line) => line.TrimStart().StartsWith('#') ? "" : line;
}
