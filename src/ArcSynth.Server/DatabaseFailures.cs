using System.Data.Common;
using ArcSynth.Storage;

namespace ArcSynth.Server;

/// <summary>Tells a database that cannot be reached now (worth retrying) from every other failure.</summary>
internal static class DatabaseFailures
{
    /// <summary>Whether <paramref name="e"/> or what it wraps (Hangfire's client wraps its storage's errors) says the database cannot be reached now.</summary>
    public static bool IsUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is StoreUnavailableException or DbException { IsTransient: true } or TimeoutException) return true;
        return false;
    }
}
