using System.Text;
using System.Text.Json;
using ArcSynth.Tasks.Json;

namespace ArcSynth.Executor.Checking;

/// <summary>Writes a check line as the JSON object of DESIGN.md's stable interface.</summary>
public static class CheckJson
{
    public static string Format(CheckLine line)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("program", line.Program);
            w.WriteString("task", line.Task);
            w.WriteString("split", line.Split);
            w.WriteNumber("index", line.Index);
            w.WritePropertyName("output");
            if (line.Output is null) w.WriteNullValue();
            else GridJson.Write(w, line.Output);
            if (line.Error is null) w.WriteNull("error");
            else w.WriteString("error", line.Error);
            w.WriteBoolean("correct", line.Correct);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
