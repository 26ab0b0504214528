using System.Text.Json;
using ArcSynth.Dsl.Values;
using ArcSynth.Tasks.Json;

namespace ArcSynth.Cli.Output;

/// <summary>The ARC Prize submission format: <c>{task_id: [{"attempt_1": grid, "attempt_2": grid, ...}, ...]}</c>, one object per test input; a missing attempt is [[0]].</summary>
internal static class SubmissionFile
{
    private static readonly Grid NoPrediction = new(1, 1, [0]);

    public static void Write(string path, IEnumerable<(string TaskId, IReadOnlyList<IReadOnlyList<Grid>> Predictions)> tasks, int attempts)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        foreach (var (taskId, predictions) in tasks)
        {
            w.WriteStartArray(taskId);
            foreach (var perTest in predictions)
            {
                w.WriteStartObject();
                for (var a = 0; a < attempts; a++)
                {
                    w.WritePropertyName($"attempt_{a + 1}");
                    GridJson.Write(w, a < perTest.Count ? perTest[a] : NoPrediction);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
