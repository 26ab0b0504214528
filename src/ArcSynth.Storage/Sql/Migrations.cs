using System.Data.Common;

namespace ArcSynth.Storage.Sql;

/// <summary>
/// The schema as numbered steps, applied in order at open inside one transaction each. The version
/// reached is kept in <c>schema_version</c>; a database whose version is newer than this code knows
/// is refused rather than misread.
/// </summary>
public static class Migrations
{
    /// <summary>The schema steps; append, never edit a published one.</summary>
    private static IReadOnlyList<Func<SqlDialect, string[]>> Steps { get; } =
    [
        d =>
        [
            $"CREATE TABLE runs (id {d.IdentityKey}, name TEXT NOT NULL, config_json TEXT NOT NULL, registry_version TEXT NOT NULL, status TEXT NOT NULL, created_at BIGINT NOT NULL)",
            "CREATE TABLE steps (run_id BIGINT NOT NULL REFERENCES runs(id), iteration INTEGER NOT NULL, phase TEXT NOT NULL, shard INTEGER NOT NULL, state_json TEXT NOT NULL, completed_at BIGINT NOT NULL, PRIMARY KEY (run_id, iteration, phase, shard))",
            "CREATE TABLE iterations (run_id BIGINT NOT NULL REFERENCES runs(id), iteration INTEGER NOT NULL, samples INTEGER NOT NULL, valid_share DOUBLE PRECISION NOT NULL, buffer_size INTEGER NOT NULL, train_loss DOUBLE PRECISION NOT NULL, solved_demonstrations INTEGER NOT NULL, solved_test INTEGER NOT NULL, tasks INTEGER NOT NULL, compressed_programs INTEGER NOT NULL, lines_saved INTEGER NOT NULL, phase_seconds_json TEXT NOT NULL, completed_at BIGINT NOT NULL, PRIMARY KEY (run_id, iteration))",
            $"CREATE TABLE programs (id {d.IdentityKey}, run_id BIGINT NOT NULL REFERENCES runs(id), iteration INTEGER NOT NULL, task_id TEXT NOT NULL, text TEXT NOT NULL, source TEXT NOT NULL, parent_id BIGINT, exact INTEGER NOT NULL, pairs INTEGER NOT NULL, mean_distance DOUBLE PRECISION NOT NULL, length INTEGER NOT NULL, in_buffer BOOLEAN NOT NULL, priority DOUBLE PRECISION NOT NULL, outputs_json TEXT NOT NULL)",
            "CREATE INDEX programs_by_task ON programs (run_id, task_id)",
            "CREATE TABLE task_results (run_id BIGINT NOT NULL REFERENCES runs(id), iteration INTEGER NOT NULL, task_id TEXT NOT NULL, split TEXT NOT NULL, solved_demonstrations BOOLEAN NOT NULL, solved_test BOOLEAN, best_program TEXT, predictions_json TEXT NOT NULL, PRIMARY KEY (run_id, iteration, task_id))",
        ],
        // Accepted primitive sources, read by every process on the store; the sequence only grows (AUTOINCREMENT, identity).
        d =>
        [
            $"CREATE TABLE primitives (sequence {d.IdentityKey}, file_name TEXT NOT NULL UNIQUE, source TEXT NOT NULL, accepted_at BIGINT NOT NULL)",
        ],
        // What each iteration's guided search added: iterations stored before it count 0 (no search ran).
        _ =>
        [
            "ALTER TABLE iterations ADD COLUMN solved_by_sample INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE iterations ADD COLUMN solved_after_search INTEGER NOT NULL DEFAULT 0",
        ],
        // The forgetting probe's count: null for iterations stored before it, or in runs without a probe.
        _ =>
        [
            "ALTER TABLE iterations ADD COLUMN original_solved INTEGER",
        ],
        // Hangfire replaced Quartz.NET as the job engine (in its own schema): the tables Quartz's job store had on
        // PostgreSQL go, dependent ones first. No such table on SQLite, nor on a database made after the change.
        _ =>
        [
            .. new[]
            {
                "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_cron_triggers", "qrtz_blob_triggers", "qrtz_fired_triggers",
                "qrtz_paused_trigger_grps", "qrtz_paused_job_grps", "qrtz_scheduler_state", "qrtz_locks", "qrtz_calendars",
                "qrtz_triggers", "qrtz_job_details", "quartz_schema_version",
            }.Select(table => $"DROP TABLE IF EXISTS {table}"),
        ],
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int Latest => Steps.Count;

    /// <summary>Brings the database up to <see cref="Latest"/>; throws <see cref="StoreException"/> when it is newer.</summary>
    public static async Task ApplyAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Processes that start together (a server and its workers) migrate one after the other.
        if (dialect.MigrationLock is { } lockStatement) await ExecuteAsync(connection, transaction, lockStatement, cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken);
        var current = await CurrentAsync(connection, transaction, cancellationToken);
        if (current > Latest)
            throw new StoreException($"{dialect.Describe} has schema version {current}, newer than this ArcSynth knows ({Latest}); upgrade ArcSynth or use another database.");
        for (var v = current; v < Latest; v++)
            foreach (var statement in Steps[v](dialect))
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
        if (current < Latest)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM schema_version", cancellationToken);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({Latest})", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> CurrentAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        return await command.ExecuteScalarAsync(cancellationToken) is { } v and not DBNull ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
