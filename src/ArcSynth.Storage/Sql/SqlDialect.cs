using System.Data.Common;

namespace ArcSynth.Storage.Sql;

/// <summary>
/// What differs between the databases the store runs on: how a connection opens and how an
/// auto-numbered key is declared. Everything else (the schema, the queries) is shared SQL that
/// SQLite and PostgreSQL both read. Disposing it closes what it holds open (PostgreSQL's pool).
/// </summary>
public abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>A name for messages, e.g. "SQLite file /home/x/.arcsynth/arcsynth.db".</summary>
    public abstract string Describe { get; }

    /// <summary>The column type of an auto-numbered 64-bit primary key.</summary>
    public abstract string IdentityKey { get; }

    /// <summary>
    /// A statement that, run first in the migration transaction, makes concurrent migrations wait
    /// for each other until it ends; null where the database already serializes them (SQLite's one writer).
    /// </summary>
    public virtual string? MigrationLock => null;

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="e"/> is a unique constraint refusing a second row with the same key.</summary>
    public abstract bool IsUniqueViolation(DbException e);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Where a process's state lives: the PostgreSQL database of <paramref name="connectionString"/>, else (null) the SQLite file of the home folder.</summary>
    public static SqlDialect For(string? connectionString, string home) =>
        connectionString is { } db ? new Postgres.PostgresDialect(db) : new Sqlite.SqliteDialect(Synthesis.Loop.HomeFolder.Database(home));
}
