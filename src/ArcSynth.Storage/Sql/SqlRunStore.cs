using System.Data.Common;
using System.Text.Json;
using ArcSynth.Primitives.Library;
using ArcSynth.Synthesis.Store;

namespace ArcSynth.Storage.Sql;

/// <summary>
/// The run store in plain SQL over ADO.NET, shared by every <see cref="SqlDialect"/>. Each write
/// is one transaction, so a process killed at any moment leaves every step either whole or absent.
/// It also keeps the accepted primitives' sources, so every process on one database loads the same ones.
/// </summary>
public sealed class SqlRunStore : IRunStore, IPrimitiveStore
{
    private readonly SqlDialect _dialect;

    private SqlRunStore(SqlDialect dialect) => _dialect = dialect;

    /// <summary>Opens the store, applying schema migrations first.</summary>
    /// <remarks>The store owns <paramref name="dialect"/> from here on: disposing the store (or a failed open) disposes it.</remarks>
    public static async Task<SqlRunStore> OpenAsync(SqlDialect dialect, CancellationToken cancellationToken = default)
    {
        try
        {
            await Migrations.ApplyAsync(dialect, cancellationToken);
        }
        catch
        {
            await dialect.DisposeAsync();
            throw;
        }
        return new SqlRunStore(dialect);
    }

    public string Describe => _dialect.Describe;

    public async Task<long> CreateRunAsync(string name, string configJson, string registryVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "INSERT INTO runs (name, config_json, registry_version, status, created_at) VALUES (@name, @config, @registry, @status, @at) RETURNING id",
            ("name", name), ("config", configJson), ("registry", registryVersion), ("status", RunStatus.Running.ToString()), ("at", Now()));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<RunRecord?> GetRunAsync(long runId, CancellationToken cancellationToken = default) =>
        (await QueryAsync(RunsSql + " WHERE id = @id", ReadRun, cancellationToken, ("id", runId))).FirstOrDefault();

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(RunsSql + " ORDER BY id DESC", ReadRun, cancellationToken);

    public async Task<bool> TransitionRunAsync(long runId, RunStatus from, RunStatus to, CancellationToken cancellationToken = default)
    {
        if (!RunTransitions.IsAllowed(from, to)) throw new ArgumentException($"a run cannot go from {from} to {to}", nameof(to));
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "UPDATE runs SET status = @to WHERE id = @id AND status = @from",
            ("to", to.ToString()), ("id", runId), ("from", from.ToString()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> CompleteStepAsync(StepRecord step, IReadOnlyList<ProgramRecord> programs, IReadOnlyList<TaskResultRecord> results, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The step's key first: a second completion of the same step (another node took over a step
        // whose first node was only slow) waits for the first to commit, then writes nothing; nor does
        // a step that ends after its run was paused or cancelled.
        await using (var marker = Command(connection, transaction,
            "INSERT INTO steps (run_id, iteration, phase, shard, state_json, completed_at) " +
            "SELECT @run, @iteration, @phase, @shard, @state, @at WHERE EXISTS (SELECT 1 FROM runs WHERE id = @run AND status = @running) " +
            "ON CONFLICT (run_id, iteration, phase, shard) DO NOTHING",
            ("run", step.RunId), ("iteration", step.Iteration), ("phase", step.Phase), ("shard", step.Shard), ("state", step.StateJson), ("at", Now()),
            ("running", RunStatus.Running.ToString())))
            if (await marker.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        foreach (var p in programs)
        {
            await using var insert = Command(connection, transaction,
                "INSERT INTO programs (run_id, iteration, task_id, text, source, parent_id, exact, pairs, mean_distance, length, in_buffer, priority, outputs_json) " +
                "VALUES (@run, @iteration, @task, @text, @source, @parent, @exact, @pairs, @distance, @length, @buffer, @priority, @outputs)",
                ("run", p.RunId), ("iteration", p.Iteration), ("task", p.TaskId), ("text", p.Text), ("source", p.Source), ("parent", p.ParentId),
                ("exact", p.Exact), ("pairs", p.Pairs), ("distance", p.MeanDistance), ("length", p.Length), ("buffer", p.InBuffer),
                ("priority", p.Priority), ("outputs", p.OutputsJson));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var r in results)
        {
            await using var upsert = Command(connection, transaction,
                "INSERT INTO task_results (run_id, iteration, task_id, split, solved_demonstrations, solved_test, best_program, predictions_json) " +
                "VALUES (@run, @iteration, @task, @split, @demo, @test, @best, @predictions) " +
                "ON CONFLICT (run_id, iteration, task_id) DO UPDATE SET split = excluded.split, solved_demonstrations = excluded.solved_demonstrations, " +
                "solved_test = excluded.solved_test, best_program = excluded.best_program, predictions_json = excluded.predictions_json",
                ("run", r.RunId), ("iteration", r.Iteration), ("task", r.TaskId), ("split", r.Split), ("demo", r.SolvedDemonstrations),
                ("test", r.SolvedTest), ("best", r.BestProgram), ("predictions", r.PredictionsJson));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task<IReadOnlyList<StepRecord>> StepsAsync(long runId, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT run_id, iteration, phase, shard, state_json, completed_at FROM steps WHERE run_id = @run ORDER BY completed_at, iteration, shard",
            r => new StepRecord(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetString(4), FromUnix(r.GetInt64(5))),
            cancellationToken, ("run", runId));

    public async Task SaveIterationAsync(IterationRecord i, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "INSERT INTO iterations (run_id, iteration, samples, valid_share, buffer_size, train_loss, solved_demonstrations, solved_test, tasks, compressed_programs, lines_saved, phase_seconds_json, completed_at, solved_by_sample, solved_after_search, original_solved) " +
            "VALUES (@run, @iteration, @samples, @valid, @buffer, @loss, @demo, @test, @tasks, @compressed, @saved, @phases, @at, @bySample, @afterSearch, @original) " +
            "ON CONFLICT (run_id, iteration) DO NOTHING",
            ("run", i.RunId), ("iteration", i.Iteration), ("samples", i.Samples), ("valid", i.ValidShare), ("buffer", i.BufferSize),
            ("loss", i.TrainLoss), ("demo", i.SolvedDemonstrations), ("test", i.SolvedTest), ("tasks", i.Tasks),
            ("compressed", i.CompressedPrograms), ("saved", i.LinesSaved), ("phases", JsonSerializer.Serialize(i.PhaseSeconds)), ("at", ToUnix(i.CompletedAt)),
            ("bySample", i.SolvedBySample), ("afterSearch", i.SolvedAfterSearch), ("original", i.OriginalSolved));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<IterationRecord>> IterationsAsync(long runId, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT run_id, iteration, samples, valid_share, buffer_size, train_loss, solved_demonstrations, solved_test, tasks, compressed_programs, lines_saved, phase_seconds_json, completed_at, solved_by_sample, solved_after_search, original_solved " +
                   "FROM iterations WHERE run_id = @run ORDER BY iteration",
            r => new IterationRecord(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetDouble(3), r.GetInt32(4), r.GetDouble(5), r.GetInt32(6), r.GetInt32(7),
                r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(11)) ?? [], FromUnix(r.GetInt64(12)),
                r.GetInt32(13), r.GetInt32(14), r.IsDBNull(15) ? null : r.GetInt32(15)),
            cancellationToken, ("run", runId));

    public Task<IReadOnlyList<ProgramRecord>> ProgramsAsync(long runId, string? taskId = null, int? iteration = null, CancellationToken cancellationToken = default) =>
        QueryAsync(ProgramsSql + " WHERE run_id = @run AND (CAST(@task AS TEXT) IS NULL OR task_id = @task) AND (CAST(@iteration AS INTEGER) IS NULL OR iteration = @iteration) ORDER BY id",
            ReadProgram, cancellationToken, ("run", runId), ("task", taskId), ("iteration", iteration));

    public async Task<ProgramRecord?> GetProgramAsync(long programId, CancellationToken cancellationToken = default) =>
        (await QueryAsync(ProgramsSql + " WHERE id = @id", ReadProgram, cancellationToken, ("id", programId))).FirstOrDefault();

    public Task<IReadOnlyList<TaskResultRecord>> TaskResultsAsync(long runId, int? iteration = null, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT run_id, iteration, task_id, split, solved_demonstrations, solved_test, best_program, predictions_json FROM task_results " +
                   "WHERE run_id = @run AND iteration = COALESCE(CAST(@iteration AS INTEGER), (SELECT MAX(iteration) FROM task_results WHERE run_id = @run)) ORDER BY task_id",
            r => new TaskResultRecord(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetBoolean(4),
                r.IsDBNull(5) ? null : r.GetBoolean(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7)),
            cancellationToken, ("run", runId), ("iteration", iteration));

    public async Task<long> AddPrimitiveAsync(string fileName, string source, long checkedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Only a source the submitter's registry had seen (and left out) is replaced; the replacement gets a new
        // sequence number, so every process sees that the store changed.
        await using (var replace = Command(connection, transaction, "DELETE FROM primitives WHERE file_name = @file AND sequence <= @seen",
                         ("file", fileName), ("seen", checkedAt)))
            await replace.ExecuteNonQueryAsync(cancellationToken);
        await using var insert = Command(connection, transaction,
            "INSERT INTO primitives (file_name, source, accepted_at) VALUES (@file, @source, @at) RETURNING sequence",
            ("file", fileName), ("source", source), ("at", Now()));
        long sequence;
        try
        {
            sequence = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            // Stored by another process after the submitter's registry was loaded, committed before or while this one inserts.
            throw new PrimitiveConflictException(fileName, e);
        }
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public Task<IReadOnlyList<StoredPrimitive>> PrimitivesAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT sequence, file_name, source, accepted_at FROM primitives ORDER BY sequence",
            r => new StoredPrimitive(r.GetInt64(0), r.GetString(1), r.GetString(2), FromUnix(r.GetInt64(3))), cancellationToken);

    public async Task<long> PrimitivesVersionAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT COALESCE(MAX(sequence), 0) FROM primitives", r => r.GetInt64(0), cancellationToken)).Single();

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    private const string RunsSql = "SELECT id, name, config_json, registry_version, status, created_at FROM runs";

    private const string ProgramsSql =
        "SELECT id, run_id, iteration, task_id, text, source, parent_id, exact, pairs, mean_distance, length, in_buffer, priority, outputs_json FROM programs";

    private static RunRecord ReadRun(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Enum.Parse<RunStatus>(r.GetString(4)), FromUnix(r.GetInt64(5)));

    private static ProgramRecord ReadProgram(DbDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6),
            r.GetInt32(7), r.GetInt32(8), r.GetDouble(9), r.GetInt32(10), r.GetBoolean(11), r.GetDouble(12), r.GetString(13));

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    // A parameter that may be null is CAST where it is tested: PostgreSQL cannot type a bare null parameter.
    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private static long Now() => ToUnix(DateTimeOffset.UtcNow);

    private static long ToUnix(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnix(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
