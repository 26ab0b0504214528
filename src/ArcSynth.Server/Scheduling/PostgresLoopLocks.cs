using Microsoft.Extensions.Logging;
using Npgsql;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// The loop locks of a cluster on PostgreSQL: a session-level advisory lock per run, on a connection of
/// its own that the holder keeps open. PostgreSQL lets the lock go when that session ends, so a node
/// killed mid-run holds nothing once its connection closes. (Hangfire.PostgreSql's own distributed lock is
/// a row that is never renewed and that the next taker deletes as stale after a fixed timeout: wrong both
/// for a loop that holds it for hours and for a holder that died.) The holder checks its session every
/// second; when it broke (a database restart) the lock is reported lost.
/// </summary>
internal sealed class PostgresLoopLocks(string connectionString, ILogger<PostgresLoopLocks> logger) : ILoopLocks
{
    /// <summary>The first key of every run's lock ("ArcR" in ASCII), apart from the store's migration lock; the second is the run's id.</summary>
    private const int Space = 0x41726352;

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    // Not pooled: a pooled connection outlives its user, and its session (with the lock) with it.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public async Task<LoopLock?> TryTakeAsync(long runId, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, @run)", connection);
            take.Parameters.AddWithValue("space", Space);
            take.Parameters.AddWithValue("run", checked((int)runId));
            if (await take.ExecuteScalarAsync(cancellationToken) is true)
            {
                var lost = new CancellationTokenSource();
                var released = new CancellationTokenSource();
                var watch = WatchAsync(runId, connection, lost, released.Token);
                return new LoopLock(lost.Token, async () =>
                {
                    await released.CancelAsync();
                    await watch;
                    // Closing the session lets the lock go.
                    await connection.DisposeAsync();
                    lost.Dispose();
                    released.Dispose();
                });
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private async Task WatchAsync(long runId, NpgsqlConnection connection, CancellationTokenSource lost, CancellationToken released)
    {
        try
        {
            while (true)
            {
                await Task.Delay(CheckEvery, released);
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(released);
            }
        }
        catch (Exception) when (released.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning("run {RunId}: its loop lock went with its database session ({Message})", runId, e.Message);
            await lost.CancelAsync();
        }
    }
}
