using System.Text.Json;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Tasks.Json;

/// <summary>Writes grids as ARC's JSON does: a list of rows of integers.</summary>
public static class GridJson
{
    public static void Write(Utf8JsonWriter w, Grid grid)
    {
        w.WriteStartArray();
        for (var i = 0; i < grid.Height; i++)
        {
            w.WriteStartArray();
            foreach (var v in grid.Row(i)) w.WriteNumberValue(v);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
