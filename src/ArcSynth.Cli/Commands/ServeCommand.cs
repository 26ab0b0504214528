using System.CommandLine;
using ArcSynth.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArcSynth.Cli.Commands;

/// <summary><c>arcsynth serve --urls URL [--db CONNECTION]</c>: the API, the dashboard and the scheduler.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';').", Required = true };
        var node = new NodeOptions();
        var command = new Command("serve",
            "The service: REST API under /api (OpenAPI at /openapi/v1.json), the dashboard at /, and Quartz\n" +
            "running CodeIt loops (start now, on a cron schedule, pause, resume, cancel). Checkpoints live in the\n" +
            "home folder; state in its SQLite file (with an in-memory scheduler), or with --db in PostgreSQL,\n" +
            "where Quartz's clustered store lets 'arcsynth worker' processes share the sampling. Schema\n" +
            "migrations run at start; a database newer than this ArcSynth is refused.")
        {
            urls,
        };
        node.AddTo(command);
        command.SetAction((parse, cancellationToken) => NodeOptions.GuardAsync(error, async () =>
        {
            var options = node.Resolve(parse, parse.GetValue(urls)!);
            await using var app = await ArcSynthServer.CreateAsync(options, cancellationToken: cancellationToken);
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            output.WriteLine($"arcsynth: serving on {string.Join(", ", addresses)}; dashboard at /, API under /api");
            await app.WaitForShutdownAsync(cancellationToken);
        }));
        return command;
    }
}
