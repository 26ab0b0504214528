using System.CommandLine;
using ArcSynth.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth serve --urls URL [--db CONNECTION]</c>: the API, the dashboards and a Hangfire server.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';').", Required = true };
        var credential = new Option<string?>("--hangfire-credential")
        {
            Description = $"USER:PASSWORD that lets other machines into the Hangfire Dashboard at /hangfire (HTTP Basic; default: ${ServerOptions.HangfireCredentialVariable}; " +
                          "without it, local requests only).",
        };
        var node = new NodeOptions();
        var command = new Command("serve",
            "The service: REST API under /api (OpenAPI at /openapi/v1.json), the dashboard at /, the Hangfire\n" +
            "Dashboard at /hangfire (local requests only, unless --hangfire-credential), and a Hangfire server\n" +
            "running CodeIt loops (start now, on a cron schedule, pause, resume, cancel). Checkpoints live in the\n" +
            "home folder; state in its SQLite file (with Hangfire in memory), or with --db in PostgreSQL, where\n" +
            "Hangfire.PostgreSql (schema 'hangfire') lets 'arcsynth worker' processes share the sampling. Schema\n" +
            "migrations (the store's, and Hangfire.PostgreSql's install scripts) run at start; a database newer\n" +
            "than this ArcSynth is refused.")
        {
            urls,
            credential,
        };
        node.AddTo(command);
        command.SetAction((parse, cancellationToken) => NodeOptions.GuardAsync(error, async () =>
        {
            var secret = parse.GetValue(credential) ?? (Environment.GetEnvironmentVariable(ServerOptions.HangfireCredentialVariable) is { Length: > 0 } v ? v : null);
            if (secret is not null && !secret.Contains(':', StringComparison.Ordinal))
                throw new UsageException("--hangfire-credential must be USER:PASSWORD");
            var options = node.Resolve(parse, parse.GetValue(urls)!) with { HangfireCredential = secret };
            await using var app = await ArcSynthServer.CreateAsync(options, cancellationToken: cancellationToken);
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            output.WriteLine($"arcsynth: serving on {string.Join(", ", addresses)}; dashboard at /, API under /api, Hangfire Dashboard at {ArcSynthServer.HangfireDashboardPath}");
            await app.WaitForShutdownAsync(cancellationToken);
        }));
        return command;
    }
}
