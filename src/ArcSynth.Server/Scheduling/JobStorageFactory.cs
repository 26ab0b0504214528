using ArcSynth.Storage;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// Hangfire's job storage for a node: with a database, Hangfire.PostgreSql in the schema
/// <see cref="Schema"/> of that database, shared by every node of the cluster; without, Hangfire.InMemory
/// (the SQLite store makes the runs resumable, and the resume sweep starts those left Running).
/// </summary>
internal static class JobStorageFactory
{
    /// <summary>The PostgreSQL schema of Hangfire's tables, apart from the store's.</summary>
    public const string Schema = "hangfire";

    /// <summary>
    /// Creates the storage; on PostgreSQL that creates or upgrades Hangfire's tables with Hangfire.PostgreSql's
    /// own install scripts (<see cref="PostgreSqlStorageOptions.PrepareSchemaIfNecessary"/>), so it reaches the database.
    /// </summary>
    public static async Task<JobStorage> CreateAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        if (options.Database is not { } connectionString) return new InMemoryStorage();
        var settings = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            // A database that cannot be reached at start is a usage error (exit code 2), as for the store.
            AllowDegradedModeWithoutStorage = false,
            // A node that has nothing to do looks for new jobs every second (a run's steps start promptly anywhere).
            QueuePollInterval = TimeSpan.FromSeconds(1),
            // A job's executing node keeps it invisible to the others by renewing its fetch time (every fifth of the
            // timeout); a node killed mid-job stops renewing, and after the timeout another node takes the job.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.InvisibilityTimeout,
            // Hangfire's own locks (job state changes, the delayed and recurring job schedulers) are rows held for a moment;
            // one whose holder lost its connection mid-hold (a database restart) is taken as stale after this, not 10 min.
            DistributedLockTimeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            // The constructor installs the schema synchronously.
            return await Task.Run(() => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, settings), settings), cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            throw new StoreUnavailableException($"cannot prepare Hangfire's schema '{Schema}': {e.Message}", e);
        }
    }
}
