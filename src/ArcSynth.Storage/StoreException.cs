namespace ArcSynth.Storage;

/// <summary>A store that cannot be used as it is (e.g. a schema newer than this code), with the reason.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
