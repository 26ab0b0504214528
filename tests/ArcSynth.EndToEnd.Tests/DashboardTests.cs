using System.Text.Json;
using System.Net.Http.Json;
using ArcSynth.Tests.Shared;
using Microsoft.Playwright;

namespace ArcSynth.EndToEnd.Tests;

/// <summary>
/// The dashboard in Debian's Chromium driven by Playwright, after a small real run on real ARC
/// tasks. Screenshots are kept under TestResults/screenshots/ at the repository root.
/// </summary>
public sealed class DashboardTests
{
    private const int Iterations = 2;

    [ChromiumFact]
    public async Task After_a_run_the_overview_charts_its_points_and_a_task_shows_its_grids()
    {
        await using var server = await ServiceHarness.StartAsync();
        var runId = await server.StartRunAsync(perFolder: 8, iterations: Iterations);
        await server.WaitForStatusAsync(runId, "Completed");
        await using var browser = await BrowserAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(server.Address.ToString());
        // Four series (training and evaluation, on demonstrations and on test), one point per iteration.
        await Assertions.Expect(page.Locator("#chart circle.point")).ToHaveCountAsync(4 * Iterations);
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(page.Locator("#tasks tbody tr")).ToHaveCountAsync(16);
        var tooltip = await page.Locator("#chart g[data-series='training · test'] circle.point title").Last.TextContentAsync();
        Assert.Matches($"training · test, iteration {Iterations}: [1-8] of 8", tooltip);
        await ScreenshotAsync(page, "overview");

        await page.Locator("#tasks a", new() { HasText = "00d62c1b" }).ClickAsync();
        await page.WaitForURLAsync("**/task.html?run=*&task=00d62c1b");
        // 5 demonstrations and 1 test pair, each an input and an expected output.
        await Assertions.Expect(page.Locator("#train svg.grid")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#test svg.grid")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#train svg.grid").First).ToHaveAttributeAsync("data-rows", "6");
        // The best program solves the task: its 6 outputs match the expected grids cell for cell.
        var best = page.Locator("#programs .program-block").First;
        await Assertions.Expect(best.Locator("pre.program")).ToContainTextAsync("def ");
        var outputs = best.Locator(".pair figure:first-child svg.grid");
        await Assertions.Expect(outputs).ToHaveCountAsync(6);
        Assert.All(await outputs.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.differing)"), d => Assert.Equal("0", d));
        Assert.Equal(0, await best.Locator("rect.diff").CountAsync());
        await ScreenshotAsync(page, "task-solved");

        await best.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#program-text")).ToContainTextAsync("return O");
        await Assertions.Expect(page.Locator("#lineage tbody tr")).Not.ToHaveCountAsync(0);
        await ScreenshotAsync(page, "program");
    }

    [ChromiumFact]
    public async Task A_program_that_is_wrong_has_its_differing_cells_marked()
    {
        await using var server = await ServiceHarness.StartAsync();
        var runId = await server.StartRunAsync(perFolder: 8, iterations: 1);
        await server.WaitForStatusAsync(runId, "Completed");
        // A task the seeds do not solve: its best program's outputs differ from the expected ones somewhere.
        var unsolved = (await server.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/tasks")).EnumerateArray()
            .First(t => !t.GetProperty("solvedDemonstrations").GetBoolean()).GetProperty("taskId").GetString();
        await using var browser = await BrowserAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(new Uri(server.Address, $"task.html?run={runId}&task={unsolved}").ToString());
        var best = page.Locator("#programs .program-block").First;
        await Assertions.Expect(best.Locator("pre.program")).ToContainTextAsync("def ");
        var marked = await best.Locator("rect.diff").CountAsync() + await best.Locator(".no-output").CountAsync();
        Assert.True(marked > 0, $"no differing cell or missing output marked for {unsolved}");
        await ScreenshotAsync(page, "task-unsolved");
    }

    [ChromiumFact]
    public async Task A_run_started_from_the_dashboard_can_be_paused_there_and_shows_in_jobs()
    {
        await using var server = await ServiceHarness.StartAsync();
        await using var browser = await BrowserAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(server.Address.ToString());
        await page.FillAsync("input[name=name]", "from the browser");
        await page.FillAsync("input[name=tasksPerFolder]", "40");
        await page.FillAsync("input[name=iterations]", "100");
        await page.ClickAsync("#start-form button[type=submit]");
        await Assertions.Expect(page.Locator("#run-select option")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("Running");
        await page.ClickAsync("#pause");
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("Paused");
        await Assertions.Expect(page.Locator("#resume")).ToBeEnabledAsync();

        await page.FillAsync("input[name=cron]", "0 0 3 * * ?");
        await page.ClickAsync("#start-form button[type=submit]");
        await Assertions.Expect(page.Locator("#start-message")).ToContainTextAsync("scheduled as schedule-");
        await page.ClickAsync("header a[href='jobs.html']");
        await Assertions.Expect(page.Locator("#jobs tbody tr", new() { HasText = "0 0 3 * * ?" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("single process");
        await ScreenshotAsync(page, "jobs");
        await page.Locator("#jobs tbody tr", new() { HasText = "0 0 3 * * ?" }).Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator("#jobs tbody tr", new() { HasText = "0 0 3 * * ?" })).ToHaveCountAsync(0);
    }

    /// <summary>Debian's Chromium, headless; Playwright never downloads a browser of its own here.</summary>
    private static async Task<BrowserSession> BrowserAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestServices.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Timeout = 60_000,
        });
        return new BrowserSession(playwright, browser);
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(Path.GetDirectoryName(ServiceHarness.RepositoryFile("ArcSynth.sln"))!, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    /// <summary>Playwright and its browser, closed together.</summary>
    private sealed class BrowserSession(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync(BrowserNewPageOptions options) => browser.NewPageAsync(options);

        public async ValueTask DisposeAsync()
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
