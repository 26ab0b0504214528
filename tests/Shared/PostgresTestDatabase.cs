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
        if (!reachable) await ExecuteAsync(_admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_name}'");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
