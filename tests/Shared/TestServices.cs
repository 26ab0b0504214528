namespace ArcSynth.Tests.Shared;

/// <summary>
/// The services some tests need, as ./test.sh exports them: PostgreSQL (ARCSYNTH_TEST_DB, an Npgsql
/// connection string) and Chromium (ARCSYNTH_TEST_CHROMIUM, or whatever `chromium` is on PATH). On CI
/// (CI=true) a missing service is a failure; elsewhere its tests are skipped with the reason.
/// </summary>
internal static class TestServices
{
    private static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ARCSYNTH_TEST_DB") is { Length: > 0 } db ? db
            : throw new InvalidOperationException("ARCSYNTH_TEST_DB is not set: run ./test.sh, which starts PostgreSQL and sets it");

    /// <summary>The PostgreSQL server that fault tests may restart (no other test uses it), and its cluster as pg_ctlcluster names it.</summary>
    public static (string ConnectionString, string Cluster) RestartablePostgres =>
        (Environment.GetEnvironmentVariable("ARCSYNTH_TEST_RESTARTABLE_DB") is { Length: > 0 } db ? db
            : throw new InvalidOperationException("ARCSYNTH_TEST_RESTARTABLE_DB is not set: run ./test.sh, which starts a second PostgreSQL cluster and sets it"),
         Environment.GetEnvironmentVariable("ARCSYNTH_TEST_RESTARTABLE_CLUSTER") is { Length: > 0 } cluster ? cluster : "15 faults");

    public static string ChromiumPath =>
        FindChromium() ?? throw new InvalidOperationException("no Chromium: ARCSYNTH_TEST_CHROMIUM is not set and 'chromium' is not on PATH; run ./test.sh, which installs it");

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run (always on CI).</summary>
    public static string? PostgresSkipReason =>
        OnCi || Environment.GetEnvironmentVariable("ARCSYNTH_TEST_DB") is { Length: > 0 } ? null
            : "PostgreSQL tests need ARCSYNTH_TEST_DB (./test.sh starts PostgreSQL and sets it)";

    /// <summary>Why tests that restart PostgreSQL are skipped here, or null when they run (always on CI).</summary>
    public static string? RestartablePostgresSkipReason =>
        OnCi || Environment.GetEnvironmentVariable("ARCSYNTH_TEST_RESTARTABLE_DB") is { Length: > 0 } ? null
            : "tests that restart PostgreSQL need ARCSYNTH_TEST_RESTARTABLE_DB (./test.sh starts a second cluster and sets it)";

    /// <summary>Why browser tests are skipped here, or null when they run (always on CI).</summary>
    public static string? ChromiumSkipReason =>
        OnCi || FindChromium() is not null ? null
            : "browser tests need Chromium (./test.sh installs Debian's chromium and sets ARCSYNTH_TEST_CHROMIUM)";

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("ARCSYNTH_TEST_CHROMIUM") is { Length: > 0 } path) return path;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A test that needs PostgreSQL: skipped without it, except on CI where it then fails.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestServices.PostgresSkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A test that restarts PostgreSQL (its own cluster): skipped without it, except on CI where it then fails.</summary>
internal sealed class RestartablePostgresFactAttribute : FactAttribute
{
    public RestartablePostgresFactAttribute()
    {
        if (TestServices.RestartablePostgresSkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A test that needs Chromium: skipped without it, except on CI where it then fails.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (TestServices.ChromiumSkipReason is { } reason) Skip = reason;
    }
}
