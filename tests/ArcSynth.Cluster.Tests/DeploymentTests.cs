using ArcSynth.Server;
using ArcSynth.Synthesis.Loop;
using ArcSynth.Tasks.Loading;
using Npgsql;

namespace ArcSynth.Cluster.Tests;

/// <summary>
/// docker-compose.yml and docker/Dockerfile checked against the code (no Docker engine runs here):
/// the services, the commands and options the nodes run, the variables the code reads, the shared
/// home volume, the database the nodes connect to, the published program and the non-root user.
/// </summary>
public sealed class DeploymentTests
{
    private static readonly string Root = NodeProcess.RepositoryRoot;

    private static Dictionary<string, object?> Compose => SimpleYaml.Parse(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")), "docker-compose.yml");

    private static Dictionary<string, object?> Map(object? node) => Assert.IsType<Dictionary<string, object?>>(node);

    private static List<string> List(object? node) => Assert.IsType<List<object?>>(node).Select(x => Assert.IsType<string>(x)).ToList();

    private static Dictionary<string, object?> Service(string name) => Map(Map(Compose["services"])[name]);

    private static readonly string[] Nodes = ["server", "worker-1", "worker-2"];

    [Fact]
    public void Compose_has_postgres_with_a_volume_and_health_check_one_server_and_two_workers()
    {
        Assert.Equal(["postgres", "server", "worker-1", "worker-2"], Map(Compose["services"]).Keys.Order(StringComparer.Ordinal));
        var postgres = Service("postgres");
        Assert.Contains("pg_isready", string.Join(' ', List(Map(postgres["healthcheck"])["test"])));
        var volumes = Map(Compose["volumes"]).Keys;
        Assert.Contains(List(postgres["volumes"]).Single().Split(':')[0], volumes);
        foreach (var node in Nodes)
            Assert.Equal("service_healthy", Map(Map(Map(Service(node)["depends_on"])["postgres"]))["condition"]);
        Assert.True(File.Exists(Path.Combine(Root, Assert.IsType<string>(Map(Service("server")["build"])["dockerfile"]))));
    }

    [Fact]
    public async Task Every_node_runs_a_command_the_command_line_accepts()
    {
        Assert.Equal("serve", List(Service("server")["command"])[0]);
        foreach (var worker in Nodes[1..]) Assert.Equal(["worker"], List(Service(worker)["command"]));
        foreach (var node in Nodes)
        {
            // The same words with --help: System.CommandLine refuses an unknown command or option with a non-zero exit.
            using var help = NodeProcess.Start([.. List(Service(node)["command"]), "--help"]);
            Assert.True(await help.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, $"{node}: {help.Output}");
        }
    }

    [Fact]
    public void Nodes_read_the_variables_the_code_reads_share_the_home_volume_and_reach_the_compose_database()
    {
        var postgres = Map(Service("postgres")["environment"]);
        foreach (var node in Nodes)
        {
            var environment = Map(Service(node)["environment"]).ToDictionary(e => e.Key, e => Assert.IsType<string>(e.Value));
            Assert.Equal(new HashSet<string> { ArcData.Variable, ServerOptions.DatabaseVariable, HomeFolder.Variable }, environment.Keys.ToHashSet());
            var db = new NpgsqlConnectionStringBuilder(environment[ServerOptions.DatabaseVariable].Replace("${POSTGRES_PASSWORD:-arcsynth}", "arcsynth"));
            Assert.Equal(("postgres", postgres["POSTGRES_USER"], postgres["POSTGRES_DB"]), (db.Host, (object?)db.Username, (object?)db.Database));
            Assert.Equal(postgres["POSTGRES_PASSWORD"], "${POSTGRES_PASSWORD:-" + db.Password + "}");
            var mounts = List(Service(node)["volumes"]).Select(v => v.Split(':')).ToList();
            Assert.Contains(mounts, m => m[0] == "arcsynth-home" && m[1] == environment[HomeFolder.Variable]);
            Assert.Contains(mounts, m => m[^2] == environment[ArcData.Variable] && m[^1] == "ro");
        }
        Assert.Contains("arcsynth-home", Map(Compose["volumes"]).Keys);
    }

    [Fact]
    public void The_dockerfile_builds_in_stages_runs_the_published_command_line_as_a_non_root_user_and_agrees_with_compose()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docker", "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var stages = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("FROM ", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.True(stages.Count >= 2, "a multi-stage build");
        var final = lines[stages[^1]..];
        var user = Assert.Single(final, l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];
        Assert.NotEqual("root", user);
        Assert.True(final.FindIndex(l => l.StartsWith("USER ", StringComparison.Ordinal)) < final.FindIndex(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)));
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
            Assert.True(Path.Exists(Path.Combine(Root, copy.Split(' ')[1])), copy);
        var publish = Assert.Single(lines, l => l.Contains("dotnet publish", StringComparison.Ordinal)).Split(' ').Single(w => w.EndsWith(".csproj", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Root, publish)), publish);
        var dll = Path.GetFileName(Assert.Single(final, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)).Split('"')[^2]);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, dll)), $"{dll} is not what {publish} builds");
        var environment = Map(Service("server")["environment"]);
        var env = string.Join(' ', final.SkipWhile(l => !l.StartsWith("ENV ", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("VOLUME", StringComparison.Ordinal)));
        Assert.Contains($"{HomeFolder.Variable}={environment[HomeFolder.Variable]}", env);
        Assert.Contains($"{ArcData.Variable}={environment[ArcData.Variable]}", env);
        var port = List(Service("server")["command"]).Single(a => a.StartsWith("http", StringComparison.Ordinal)).Split(':')[^1];
        Assert.Contains($"EXPOSE {port}", final);
        Assert.EndsWith($":{port}", List(Service("server")["ports"]).Single());
        Assert.Contains("**/bin/", File.ReadAllLines(Path.Combine(Root, ".dockerignore")));
    }
}
