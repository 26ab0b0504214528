using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace ArcSynth.Server.Scheduling;

/// <summary>
/// Where Hangfire's own log goes: the console, warnings and errors, for the whole process. Hangfire keeps
/// its log provider process-wide and its types take their loggers once; a provider on a host's logger
/// factory would die with that host, and break the next host of the process (a test runs several: it did,
/// with ObjectDisposedException from Hangfire.PostgreSql's installer).
/// </summary>
internal static class HangfireLogging
{
    private static readonly Lazy<ILogProvider> Shared = new(() => new AspNetCoreLogProvider(
        LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning))));

    public static ILogProvider Provider => Shared.Value;
}
