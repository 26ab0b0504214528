namespace ArcSynth.Storage;

/// <summary>The store's database cannot be reached now (down, restarting, network); a later call may succeed.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
