using System.Text.Json;
using ArcSynth.Dsl.Values;
using ArcSynth.Executor.Batch;
using ArcSynth.Executor.Running;
using ArcSynth.Tasks.Json;

namespace ArcSynth.Synthesis.Loop;

/// <summary>
/// A program's outputs on a task as stored with it: <c>{"train": [grid|null, ...], "test": [...]}</c>,
/// grids as lists of rows, null where it gave no grid. Read back, they rebuild the program's result
/// without running it again.
/// </summary>
public static class ProgramOutputs
{
    public static string ToJson(ProgramOnTask result)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            Write(w, "train", result.Train);
            Write(w, "test", result.Test);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, string name, IReadOnlyList<ExampleOutcome> outcomes)
    {
        w.WriteStartArray(name);
        foreach (var o in outcomes)
            if (o.Output is { } grid) GridJson.Write(w, grid);
            else w.WriteNullValue();
        w.WriteEndArray();
    }

    /// <summary>The outcomes the JSON records (Ok with the grid, or an error saying it gave none).</summary>
    public static (IReadOnlyList<ExampleOutcome> Train, IReadOnlyList<ExampleOutcome> Test) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (Outcomes(document.RootElement.GetProperty("train")), Outcomes(document.RootElement.GetProperty("test")));
    }

    private static List<ExampleOutcome> Outcomes(JsonElement list) =>
        list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null
            ? new ExampleOutcome(ExampleStatus.Error, null, "no grid")
            : new ExampleOutcome(ExampleStatus.Ok, Grid(e), null)).ToList();

    private static Grid Grid(JsonElement rows)
    {
        var h = rows.GetArrayLength();
        var w = h == 0 ? 0 : rows[0].GetArrayLength();
        var cells = new int[h * w];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
            foreach (var cell in row.EnumerateArray())
                cells[i++] = cell.GetInt32();
        return new Grid(h, w, cells);
    }
}
