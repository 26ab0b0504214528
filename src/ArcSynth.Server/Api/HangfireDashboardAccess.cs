using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace ArcSynth.Server.Api;

/// <summary>
/// Who may open the Hangfire Dashboard at /hangfire: requests from this machine (Hangfire's own
/// <see cref="LocalRequestsOnlyAuthorizationFilter"/>), and, when <see cref="ServerOptions.HangfireCredential"/>
/// is set, any request that presents it with HTTP Basic authentication (a browser asks for it).
/// </summary>
internal sealed class HangfireDashboardAccess(string? credential) : IDashboardAuthorizationFilter
{
    private static readonly LocalRequestsOnlyAuthorizationFilter Local = new();

    private readonly byte[]? _expected = credential is null ? null : Encoding.UTF8.GetBytes("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)));

    public bool Authorize(DashboardContext context)
    {
        if (Local.Authorize(context)) return true;
        if (_expected is null) return false;
        var http = context.GetHttpContext();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString()), _expected)) return true;
        // Refused (401): a browser asks for the credential.
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Hangfire Dashboard\", charset=\"UTF-8\"";
        return false;
    }
}
