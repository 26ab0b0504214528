namespace ArcSynth.Server;

/// <summary>
/// This node's name in the cluster: its Hangfire server's name (the dashboard's Servers page lists it),
/// and the name the steps it stores record. Unique per process, lower case (as Hangfire writes server names).
/// </summary>
public sealed record NodeIdentity(string Name)
{
    /// <summary>A new name: the machine, the process and a few random characters (two nodes in one process differ too).</summary>
    public static NodeIdentity ForThisProcess() =>
        new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant());
}
