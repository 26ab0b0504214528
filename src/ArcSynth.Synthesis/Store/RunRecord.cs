namespace ArcSynth.Synthesis.Store;

/// <summary>A run: its configuration as JSON, the primitive registry version it used, and where it stands.</summary>
public sealed record RunRecord(long Id, string Name, string ConfigJson, string RegistryVersion, RunStatus Status, DateTimeOffset CreatedAt);
