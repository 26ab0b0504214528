using System.Data.Common;
using ArcSynth.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Storage.Sqlite;

/// <summary>
/// The embedded default: one SQLite file. Write-ahead logging so that a reader (report, dashboard)
/// never blocks the loop and a killed process leaves the last committed transaction intact.
/// </summary>
public sealed class SqliteDialect(string path) : SqlDialect
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();

    public override string Describe => $"SQLite file {path}";

    public override string IdentityKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>SQLITE_CONSTRAINT_UNIQUE, and SQLITE_CONSTRAINT_PRIMARYKEY for a key given twice.</summary>
    public override bool IsUniqueViolation(DbException e) => e is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}
