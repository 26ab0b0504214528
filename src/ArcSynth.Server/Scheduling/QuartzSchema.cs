using ArcSynth.Storage.Sql;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// The tables Quartz 4's ADO.NET job store reads and writes on PostgreSQL (prefix <c>qrtz_</c>),
/// created at start as versioned migrations beside the store's own (version kept in
/// <c>quartz_schema_version</c>). Written from Quartz.NET's documented table layout: jobs, triggers
/// and their four kinds, calendars, paused trigger and job groups, fired triggers, cluster
/// check-ins and row locks, with the columns 4.x added (pause details, retry and continuation
/// policies, preferred nodes, progress). Quartz checks the tables and columns when it starts.
/// Times are ticks (BIGINT); job data is serialized JSON (BYTEA). Execution history is not kept.
/// </summary>
internal static class QuartzSchema
{
    private const string TriggerKey = "sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL";

    private const string PauseDetails = "pause_reason TEXT, paused_by TEXT, paused_at BIGINT";

    private const string OfTrigger =
        "PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, trigger_name, trigger_group) " +
        "REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE";

    /// <summary>Append, never edit a published step.</summary>
    private static IReadOnlyList<Func<SqlDialect, string[]>> Steps { get; } =
    [
        _ =>
        [
            "CREATE TABLE qrtz_job_details (sched_name TEXT NOT NULL, job_name TEXT NOT NULL, job_group TEXT NOT NULL, description TEXT, " +
            "job_class_name TEXT NOT NULL, is_durable BOOLEAN NOT NULL, is_nonconcurrent BOOLEAN NOT NULL, is_update_data BOOLEAN NOT NULL, " +
            "requests_recovery BOOLEAN NOT NULL, job_data BYTEA, PRIMARY KEY (sched_name, job_name, job_group))",
            $"CREATE TABLE qrtz_triggers ({TriggerKey}, job_name TEXT NOT NULL, job_group TEXT NOT NULL, description TEXT, " +
            "next_fire_time BIGINT, prev_fire_time BIGINT, priority INTEGER, trigger_state TEXT NOT NULL, trigger_type TEXT NOT NULL, " +
            "start_time BIGINT NOT NULL, end_time BIGINT, calendar_name TEXT, misfire_instr SMALLINT, misfire_orig_fire_time BIGINT, misfire_threshold BIGINT, " +
            "execution_group TEXT, preferred_node TEXT, preferred_node_auto BOOLEAN NOT NULL DEFAULT FALSE, retry_policy TEXT, retry_attempt INTEGER, " +
            "continues_trigger_name TEXT, continues_trigger_group TEXT, continuation_condition INTEGER, overlap_policy INTEGER, fixed_delay BOOLEAN, " +
            $"{PauseDetails}, job_data BYTEA, PRIMARY KEY (sched_name, trigger_name, trigger_group), " +
            "FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group))",
            $"CREATE TABLE qrtz_simple_triggers ({TriggerKey}, repeat_count BIGINT NOT NULL, repeat_interval BIGINT NOT NULL, times_triggered BIGINT NOT NULL, {OfTrigger})",
            $"CREATE TABLE qrtz_simprop_triggers ({TriggerKey}, str_prop_1 TEXT, str_prop_2 TEXT, str_prop_3 TEXT, int_prop_1 INTEGER, int_prop_2 INTEGER, " +
            $"long_prop_1 BIGINT, long_prop_2 BIGINT, dec_prop_1 NUMERIC, dec_prop_2 NUMERIC, bool_prop_1 BOOLEAN, bool_prop_2 BOOLEAN, time_zone_id TEXT, {OfTrigger})",
            $"CREATE TABLE qrtz_cron_triggers ({TriggerKey}, cron_expression TEXT NOT NULL, time_zone_id TEXT, {OfTrigger})",
            $"CREATE TABLE qrtz_blob_triggers ({TriggerKey}, blob_data BYTEA, {OfTrigger})",
            "CREATE TABLE qrtz_calendars (sched_name TEXT NOT NULL, calendar_name TEXT NOT NULL, calendar BYTEA NOT NULL, PRIMARY KEY (sched_name, calendar_name))",
            $"CREATE TABLE qrtz_paused_trigger_grps (sched_name TEXT NOT NULL, trigger_group TEXT NOT NULL, {PauseDetails}, PRIMARY KEY (sched_name, trigger_group))",
            $"CREATE TABLE qrtz_paused_job_grps (sched_name TEXT NOT NULL, job_group TEXT NOT NULL, {PauseDetails}, PRIMARY KEY (sched_name, job_group))",
            "CREATE TABLE qrtz_fired_triggers (sched_name TEXT NOT NULL, entry_id TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, " +
            "instance_name TEXT NOT NULL, fired_time BIGINT NOT NULL, sched_time BIGINT NOT NULL, priority INTEGER NOT NULL, state TEXT NOT NULL, " +
            "job_name TEXT, job_group TEXT, is_nonconcurrent BOOLEAN, requests_recovery BOOLEAN, execution_group TEXT, " +
            "progress INTEGER, progress_message TEXT, interrupt_requested_time BIGINT, PRIMARY KEY (sched_name, entry_id))",
            "CREATE TABLE qrtz_scheduler_state (sched_name TEXT NOT NULL, instance_name TEXT NOT NULL, last_checkin_time BIGINT NOT NULL, " +
            "checkin_interval BIGINT NOT NULL, quartz_version TEXT, PRIMARY KEY (sched_name, instance_name))",
            "CREATE TABLE qrtz_locks (sched_name TEXT NOT NULL, lock_name TEXT NOT NULL, PRIMARY KEY (sched_name, lock_name))",
            // The lookups the job store makes on every scheduling pass.
            "CREATE INDEX qrtz_triggers_next_fire ON qrtz_triggers (sched_name, trigger_state, next_fire_time)",
            "CREATE INDEX qrtz_triggers_job ON qrtz_triggers (sched_name, job_name, job_group)",
            "CREATE INDEX qrtz_fired_triggers_instance ON qrtz_fired_triggers (sched_name, instance_name)",
        ],
    ];

    /// <summary>Creates or upgrades Quartz's tables; a newer version than this code knows is refused.</summary>
    public static Task ApplyAsync(SqlDialect dialect, CancellationToken cancellationToken) =>
        Migrations.ApplyAsync(dialect, "quartz_schema_version", "job store schema", Steps, cancellationToken);
}
