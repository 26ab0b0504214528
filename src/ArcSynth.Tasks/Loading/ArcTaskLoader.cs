using System.Runtime.InteropServices;
using System.Text.Json;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Model;

namespace ArcSynth.Tasks.Loading;

/// <summary>
/// Reads ARC task files (ARC-AGI-1 and ARC-AGI-2 share the format) and validates them against ARC's
/// rules: train and test present and non-empty, every grid rectangular, 1 to 30 per side, colours
/// 0 to 9. Errors name the file, the pair, the grid and the row (and value) at fault.
/// </summary>
public static class ArcTaskLoader
{
    /// <summary>The largest height and width of an ARC grid.</summary>
    public const int MaxSide = 30;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Loads one task file; throws <see cref="ArcTaskFormatException"/> when it is not a valid task.</summary>
    public static ArcTask LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArcTaskFormatException(path, $"cannot be read: {e.Message}", e);
        }
        return Parse(bytes, Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>
    /// Parses a task from UTF-8 JSON held in memory (a leading byte order mark is skipped);
    /// <paramref name="source"/> names it in error messages.
    /// </summary>
    public static ArcTask Parse(ReadOnlyMemory<byte> json, string id, string source)
    {
        if (json.Span.StartsWith(Utf8Bom)) json = json[Utf8Bom.Length..];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArcTaskFormatException(source, $"malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {Reason(e)}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ArcTaskFormatException(source, "the task must be a JSON object with 'train' and 'test'");
            return new ArcTask(id, Examples(root, "train", source), Examples(root, "test", source), source);
        }
    }

    /// <summary>
    /// Every *.json task in a folder (or the one file given), sorted by id; throws the error of the
    /// first invalid file (by id). A path that does not exist is a <see cref="DirectoryNotFoundException"/>.
    /// </summary>
    public static IReadOnlyList<ArcTask> LoadFolder(string folder)
    {
        var (tasks, errors) = TryLoadFolder(folder);
        return errors.Count == 0 ? tasks : throw errors[0];
    }

    /// <summary>
    /// Every *.json task in a folder (not its subfolders), or the one file given, sorted by id, with
    /// the errors of the invalid files (also by id), so that a caller can report them and go on.
    /// A path that does not exist is a <see cref="DirectoryNotFoundException"/>.
    /// </summary>
    public static (IReadOnlyList<ArcTask> Tasks, IReadOnlyList<ArcTaskFormatException> Errors) TryLoadFolder(string folderOrFile)
    {
        if (File.Exists(folderOrFile)) return TryLoad([folderOrFile]);
        if (!Directory.Exists(folderOrFile)) throw new DirectoryNotFoundException($"no task folder or file at '{folderOrFile}'");
        return TryLoad(Directory.GetFiles(folderOrFile, "*.json").Order(StringComparer.Ordinal).ToArray());
    }

    private static (IReadOnlyList<ArcTask>, IReadOnlyList<ArcTaskFormatException>) TryLoad(string[] files)
    {
        var tasks = new ArcTask?[files.Length];
        var errors = new ArcTaskFormatException?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            try { tasks[i] = LoadFile(files[i]); }
            catch (ArcTaskFormatException e) { errors[i] = e; }
        });
        return (tasks.OfType<ArcTask>().ToList(), errors.OfType<ArcTaskFormatException>().ToList());
    }

    /// <summary>JsonException's message without the position it appends (the caller gives it once, 1-based).</summary>
    private static string Reason(JsonException e)
    {
        var at = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? e.Message : e.Message[..at];
    }

    private static List<ArcExample> Examples(JsonElement root, string split, string source)
    {
        if (!root.TryGetProperty(split, out var list)) throw new ArcTaskFormatException(source, $"'{split}' is missing");
        if (list.ValueKind != JsonValueKind.Array) throw new ArcTaskFormatException(source, $"'{split}' must be a list of pairs");
        if (list.GetArrayLength() == 0) throw new ArcTaskFormatException(source, $"'{split}' has no pairs");
        var examples = new List<ArcExample>();
        var index = 0;
        foreach (var pair in list.EnumerateArray())
        {
            var where = $"{split}[{index}]";
            if (pair.ValueKind != JsonValueKind.Object || !pair.TryGetProperty("input", out var input))
                throw new ArcTaskFormatException(source, $"{where} must be an object with an 'input' grid");
            var output = pair.TryGetProperty("output", out var o) && o.ValueKind != JsonValueKind.Null ? ReadGrid(o, $"{where}.output", source) : null;
            if (output is null && split == "train") throw new ArcTaskFormatException(source, $"{where} has no 'output' grid");
            examples.Add(new ArcExample(ReadGrid(input, $"{where}.input", source), output));
            index++;
        }
        return examples;
    }

    private static Grid ReadGrid(JsonElement e, string where, string source)
    {
        if (e.ValueKind != JsonValueKind.Array) throw new ArcTaskFormatException(source, $"{where} must be a list of rows");
        var h = e.GetArrayLength();
        if (h < 1 || h > MaxSide) throw new ArcTaskFormatException(source, $"{where} has {h} rows; ARC grids have 1 to {MaxSide}");
        var w = -1;
        int[] cells = [];
        var i = 0;
        foreach (var row in e.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array) throw new ArcTaskFormatException(source, $"{where} row {i} must be a list of colours");
            var n = row.GetArrayLength();
            if (w < 0)
            {
                if (n < 1 || n > MaxSide) throw new ArcTaskFormatException(source, $"{where} row 0 has {n} cells; ARC grids have 1 to {MaxSide} columns");
                w = n;
                cells = new int[h * w];
            }
            else if (n != w)
            {
                throw new ArcTaskFormatException(source, $"{where} row {i} has {n} cells, row 0 has {w}");
            }
            if (!TryReadDigits(JsonMarshal.GetRawUtf8Value(row), cells.AsSpan(i * w, w)))
            {
                var j = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    if (cell.ValueKind != JsonValueKind.Number || !cell.TryGetInt32(out var v) || v is < 0 or > 9)
                        throw new ArcTaskFormatException(source, $"{where} row {i} column {j} is {cell.GetRawText()}; colours are integers 0 to 9");
                    cells[i * w + j] = v;
                    j++;
                }
            }
            i++;
        }
        return new Grid(h, w, cells);
    }

    /// <summary>
    /// Reads a row of single-digit colours straight from its JSON text (already checked by the
    /// parser), which is nearly every row of every ARC file: false for anything else (a number of
    /// more than one digit, a sign, a fraction, any other value), which the element-by-element
    /// checks then name.
    /// </summary>
    private static bool TryReadDigits(ReadOnlySpan<byte> row, Span<int> into)
    {
        if (row.Length < 2 || row[0] != (byte)'[' || row[^1] != (byte)']') return false;
        var n = 0;
        foreach (var b in row[1..^1])
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                if (n == into.Length) return false;
                into[n++] = b - '0';
            }
            else if (b is not ((byte)',' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')) return false;
        }
        return n == into.Length;
    }
}
