using Hangfire.Server;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// Whether this node's Hangfire server runs, known without asking the database: a process of that server
/// that notes the time every second. /api/health reads it (the database's own state it learns from the store).
/// </summary>
internal sealed class HangfireServerLiveness : IBackgroundProcess
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private long _lastTicks;

    /// <summary>Whether the server noted the time in the last 5 s.</summary>
    public bool IsRunning => DateTime.UtcNow.Ticks - Interlocked.Read(ref _lastTicks) < 5 * Every.Ticks;

    public void Execute(BackgroundProcessContext context)
    {
        Interlocked.Exchange(ref _lastTicks, DateTime.UtcNow.Ticks);
        context.StoppingToken.WaitHandle.WaitOne(Every);
    }
}
