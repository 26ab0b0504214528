using ArcSynth.Storage.Sql;
using ArcSynth.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Cli.Tests;

/// <summary><c>arcsynth serve</c> refuses what it cannot use with exit code 2 and a message naming it, before it listens.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-serve-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static readonly string Seeds = Path.Combine(Path.GetDirectoryName(ArcSynth.Tests.Shared.TestData.File("handwritten.py"))!, "..", "..", "seeds", "training.py");

    private static string[] Serve(params string[] more) => ["serve", "--urls", "http://127.0.0.1:0", "--seeds", Seeds, .. more];

    [Fact]
    public void A_missing_seeds_file_is_named()
    {
        var run = CliRun.Of("serve", "--urls", "http://127.0.0.1:0", "--seeds", Path.Combine(_folder, "none.py"));
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Contains($"seeds file '{Path.Combine(_folder, "none.py")}' does not exist", run.Error);
    }

    [Fact]
    public void A_hangfire_credential_that_is_not_user_and_password_is_named()
    {
        var run = CliRun.Of(Serve("--home", _folder, "--hangfire-credential", "only-a-password"));
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Contains("--hangfire-credential must be USER:PASSWORD", run.Error);
    }

    [Fact]
    public void A_malformed_or_unreachable_database_is_reported_not_thrown()
    {
        var malformed = CliRun.Of(Serve("--db", "Host=127.0.0.1;Flavour=x"));
        Assert.Equal(CommandLine.UsageError, malformed.ExitCode);
        Assert.Contains("PostgreSQL connection string is not valid", malformed.Error);

        var unreachable = CliRun.Of(Serve("--db", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2"));
        Assert.Equal(CommandLine.UsageError, unreachable.ExitCode);
        Assert.Contains("PostgreSQL database x on 127.0.0.1:1 cannot be reached", unreachable.Error);
    }

    [Fact]
    public async Task A_store_newer_than_the_code_is_refused()
    {
        var path = Path.Combine(_folder, "arcsynth.db"); // the home folder's store
        await (await SqlRunStore.OpenAsync(new SqliteDialect(path))).DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            await using var bump = connection.CreateCommand();
            bump.CommandText = $"UPDATE schema_version SET version = {Migrations.Latest + 1}";
            bump.ExecuteNonQuery();
        }
        var run = CliRun.Of(Serve("--home", _folder));
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Contains($"SQLite file {path} has schema version {Migrations.Latest + 1}, newer than this ArcSynth knows", run.Error);
    }
}
