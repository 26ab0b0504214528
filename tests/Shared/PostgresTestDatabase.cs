using Npgsql;

namespace ArcSynth.Tests.Shared;

/// <summary>
/// A fresh, empty PostgreSQL database for one test, created on the server ARCSYNTH_TEST_DB names
/// (its role may create databases) and dropped afterwards, so tests never see each other's rows.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name, string connectionString) =>
        (_admin, _name, ConnectionString) = (admin, name, connectionString);

    public string ConnectionString { get; }

    /// <summary>Creates the database on <paramref name="server"/> (a connection string whose role may create databases; default ARCSYNTH_TEST_DB's).</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string? server = null)
    {
        var admin = server ?? TestServices.PostgresConnectionString;
        var name = "arcsynth_t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(admin, name, connectionString);
    }

    /// <summary>Runs one statement in this database.</summary>
    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    /// <summary>The value of one query in this database, as <typeparamref name="T"/>.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Makes the database refuse connections and drops the open ones (as a server going down does), or lets it accept them again.</summary>
    public async Task SetReachableAsync(bool reachable)
    {
        await ExecuteAsync(_admin, $"ALTER DATABASE {_name} ALLOW_CONNECTIONS {(reachable ? "true" : "false")}");
        if (!reachable) await TerminateConnectionsAsync();
    }

    /// <summary>
    /// Drops the database. Not WITH (FORCE): that must end every backend in it, and an autovacuum worker there
    /// (as after a restart) is not this role's to end, so the drop failed now and then ("must be a member of the
    /// role whose process is being terminated"). A plain drop asks autovacuum to stop itself, and waits up to
    /// 5 s for the connections this role's ended to go.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            await TerminateConnectionsAsync();
            try
            {
                await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name}");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 3)
            {
                // A connection came or stayed beyond the drop's own wait: end it too, and drop again.
            }
        }
    }

    /// <summary>Ends this role's connections to the database (the only ones a test opens).</summary>
    private Task TerminateConnectionsAsync() => ExecuteAsync(_admin,
        $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_name}' AND usename = current_user AND pid <> pg_backend_pid()");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
