using System.Net;
using System.Text;
using ArcSynth.Server.Api;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ArcSynth.Server.Tests;

/// <summary>Who may open the Hangfire Dashboard: this machine always; another one only with the credential the server was given.</summary>
public sealed class HangfireDashboardAccessTests : IDisposable
{
    private readonly InMemoryStorage _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void A_local_request_is_let_in_without_a_credential()
    {
        Assert.True(new HangfireDashboardAccess(credential: null).Authorize(Request("127.0.0.1", authorization: null)));
        Assert.True(new HangfireDashboardAccess("admin:s3cret").Authorize(Request("::1", authorization: null)));
    }

    [Fact]
    public void A_remote_request_is_refused_without_the_credential_and_let_in_with_it()
    {
        var remote = Request("203.0.113.7", authorization: null);
        Assert.False(new HangfireDashboardAccess(credential: null).Authorize(remote));

        var access = new HangfireDashboardAccess("admin:s3cret");
        var without = Request("203.0.113.7", authorization: null);
        Assert.False(access.Authorize(without));
        // Refused with a challenge, so that a browser asks for the credential.
        Assert.StartsWith("Basic", without.GetHttpContext().Response.Headers.WWWAuthenticate.ToString());
        Assert.False(access.Authorize(Request("203.0.113.7", Basic("admin:wrong"))));
        Assert.True(access.Authorize(Request("203.0.113.7", Basic("admin:s3cret"))));
    }

    private static string Basic(string credential) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credential));

    private DashboardContext Request(string from, string? authorization)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = IPAddress.Parse(from);
        http.Connection.LocalIpAddress = IPAddress.Parse("198.51.100.1");
        if (authorization is not null) http.Request.Headers.Authorization = authorization;
        return new Hangfire.Dashboard.AspNetCoreDashboardContext(_storage, new DashboardOptions(), http);
    }
}
