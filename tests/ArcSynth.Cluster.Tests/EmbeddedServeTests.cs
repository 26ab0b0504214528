using System.Net;

namespace ArcSynth.Cluster.Tests;

/// <summary><c>arcsynth serve</c> as a process on the embedded default (no database): its API and the Hangfire Dashboard answer a local client.</summary>
public sealed class EmbeddedServeTests
{
    [Fact]
    public async Task Serve_without_a_database_answers_the_api_and_the_hangfire_dashboard_locally()
    {
        var home = Directory.CreateTempSubdirectory("arcsynth-serve-").FullName;
        try
        {
            using (var serve = NodeProcess.Start("serve", "--urls", "http://127.0.0.1:0", "--home", home))
            {
                // "arcsynth: serving on http://127.0.0.1:PORT; ..."
                var line = await serve.WaitForLineAsync(l => l.Contains("serving on"), TimeSpan.FromSeconds(60), "'serving on'");
                var address = line[(line.IndexOf("serving on ", StringComparison.Ordinal) + "serving on ".Length)..].Split(';', ',')[0];
                using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/runs")).StatusCode);
                var dashboard = await http.GetAsync("/hangfire");
                Assert.True(dashboard.StatusCode == HttpStatusCode.OK, $"/hangfire answered {(int)dashboard.StatusCode}:\n{serve.Output}");
                Assert.Contains("ArcSynth jobs", await dashboard.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
