using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArcSynth.Model.Checkpoints;

/// <summary>
/// The safetensors file format (what Hugging Face's <c>safetensors</c> reads): an 8-byte
/// little-endian header length, a JSON header naming each tensor's dtype, shape and byte range, then
/// the raw little-endian data. Only F32 tensors are written or read here.
/// </summary>
public static class Safetensors
{
    /// <summary>One tensor: its name, shape and values.</summary>
    public sealed record Entry(string Name, int[] Shape, ReadOnlyMemory<float> Values);

    public static void Write(string path, IEnumerable<Entry> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 }) header["__metadata__"] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        var list = tensors.ToList();
        long offset = 0;
        foreach (var t in list)
        {
            if (t.Shape.Aggregate(1L, (a, b) => a * b) != t.Values.Length)
                throw new ArgumentException($"tensor {t.Name}: shape [{string.Join(", ", t.Shape)}] does not hold {t.Values.Length} values");
            var end = offset + 4L * t.Values.Length;
            header[t.Name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray(t.Shape.Select(s => (JsonNode?)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, end),
            };
            offset = end;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        stream.Write(length);
        stream.Write(json);
        for (var i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
        foreach (var t in list)
        {
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors data is little-endian");
            stream.Write(MemoryMarshal.AsBytes(t.Values.Span));
        }
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every tensor of the file and its metadata; errors name the file and what is wrong.</summary>
    public static (IReadOnlyDictionary<string, Entry> Tensors, IReadOnlyDictionary<string, string> Metadata) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short for a safetensors file");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{path}: header length {headerLength} runs past the end of the file");
        JsonObject header;
        try
        {
            header = JsonNode.Parse(bytes.AsSpan(8, (int)headerLength)) as JsonObject ?? throw new InvalidDataException($"{path}: the header is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the header is not valid JSON: {e.Message}", e);
        }
        var dataStart = 8 + (long)headerLength;
        var tensors = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (k, v) in node!.AsObject()) metadata[k] = v!.GetValue<string>();
                continue;
            }
            var dtype = node?["dtype"]?.GetValue<string>();
            if (dtype != "F32") throw new InvalidDataException($"{path}: tensor {name} has dtype {dtype}; only F32 is read");
            var shape = node!["shape"]!.AsArray().Select(s => s!.GetValue<int>()).ToArray();
            var offsets = node["data_offsets"]!.AsArray().Select(o => o!.GetValue<long>()).ToArray();
            var count = shape.Aggregate(1L, (a, b) => a * b);
            if (offsets.Length != 2 || offsets[1] - offsets[0] != 4 * count || dataStart + offsets[1] > bytes.Length)
                throw new InvalidDataException($"{path}: tensor {name}: byte range [{string.Join(", ", offsets)}] does not match shape [{string.Join(", ", shape)}] within the file");
            var values = new float[count];
            MemoryMarshal.Cast<byte, float>(bytes.AsSpan((int)(dataStart + offsets[0]), (int)(4 * count))).CopyTo(values);
            tensors[name] = new Entry(name, shape, values);
        }
        return (tensors, metadata);
    }
}
