namespace ArcSynth.Model.Transformer;

/// <summary>Reusable work buffers (transposes, per-row temporaries), grown on demand and never shrunk.</summary>
public sealed class Scratch
{
    private readonly float[][] _buffers = [[], [], [], [], [], [], [], []];

    public float[] Get(int slot, int length)
    {
        if (_buffers[slot].Length < length) _buffers[slot] = new float[length];
        return _buffers[slot];
    }
}
