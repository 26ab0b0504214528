using System.Text.Json;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ArcSynth.Dsl.Registry;
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
    public async Task After_a_small_real_run_the_overview_charts_its_points_and_a_task_shows_its_grids()
    {
        await using var server = await ServiceHarness.StartAsync();
        var runId = await server.StartRunAsync(ServiceHarness.SmallRun("training", tasks: 8, iterations: Iterations));
        await server.WaitForStatusAsync(runId, "Completed");
        // A task for which the loop kept programs (those that gave grids), and its best program.
        var programs = await server.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/programs");
        var taskId = programs[0].GetProperty("taskId").GetString()!;
        var task = await server.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/tasks/{taskId}");
        var (train, test) = (task.GetProperty("train").GetArrayLength(), task.GetProperty("test").GetArrayLength());
        await using var browser = await BrowserAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(server.Address.ToString());
        // The run's targets are training tasks: two series (on demonstrations, on test outputs), one point per iteration.
        await Assertions.Expect(page.Locator("#chart circle.point")).ToHaveCountAsync(2 * Iterations);
        await Assertions.Expect(page.Locator("#chart g.series")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(page.Locator("#run-phase")).ToContainTextAsync($"arc-agi-1/training · {Iterations}/{Iterations} iterations");
        await Assertions.Expect(page.Locator("#tasks tbody tr")).ToHaveCountAsync(8);
        var tooltip = await page.Locator("#chart g[data-series='training · test'] circle.point title").Last.TextContentAsync();
        Assert.Matches($"training · test, iteration {Iterations - 1}: [0-8] of 8", tooltip);
        await ScreenshotAsync(page, "overview");

        await page.Locator("#tasks a", new() { HasText = taskId }).ClickAsync();
        // The address, not the load event: WaitForURLAsync also waited for "load", which once never came within 20 s
        // on a clean-clone run (only "networkidle" fired); the assertions below wait for the page's content anyway.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/task\.html\?run=\d+&task={taskId}$"));
        // Every demonstration and test pair: an input and an expected output, drawn cell by cell.
        await Assertions.Expect(page.Locator("#train svg.grid")).ToHaveCountAsync(2 * train);
        await Assertions.Expect(page.Locator("#test svg.grid")).ToHaveCountAsync(2 * test);
        var rows = task.GetProperty("train")[0].GetProperty("input").GetArrayLength();
        await Assertions.Expect(page.Locator("#train svg.grid").First).ToHaveAttributeAsync("data-rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cells = rows * task.GetProperty("train")[0].GetProperty("input")[0].GetArrayLength();
        Assert.Equal(cells, await page.Locator("#train svg.grid").First.Locator("rect").CountAsync());
        // The best program: its text, and beside each expected output the one it produced (or none).
        var best = page.Locator("#programs .program-block").First;
        await Assertions.Expect(best.Locator("pre.program")).ToContainTextAsync("def ");
        await Assertions.Expect(best.Locator(".pair")).ToHaveCountAsync(train + test);
        await ScreenshotAsync(page, "task");

        var shown = await best.Locator("pre.program").TextContentAsync();
        await best.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#program-text")).ToHaveTextAsync(shown!);
        await Assertions.Expect(page.Locator("#program-facts")).ToContainTextAsync(taskId);
        await Assertions.Expect(page.Locator("#lineage tbody tr")).Not.ToHaveCountAsync(0);
        await ScreenshotAsync(page, "program");
    }

    [ChromiumFact]
    public async Task A_program_that_is_wrong_has_its_differing_cells_marked()
    {
        await using var server = await ServiceHarness.StartAsync();
        var runId = await server.StartRunAsync(ServiceHarness.SmallRun("evaluation", tasks: 4, iterations: 1));
        await server.WaitForStatusAsync(runId, "Completed");
        // A program that does not solve its task's demonstrations: some output differs or is missing.
        var wrong = (await server.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/programs")).EnumerateArray()
            .First(p => p.GetProperty("exact").GetInt32() < p.GetProperty("pairs").GetInt32());
        var taskId = wrong.GetProperty("taskId").GetString();
        await using var browser = await BrowserAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(new Uri(server.Address, $"task.html?run={runId}&task={taskId}").ToString());
        var blocks = page.Locator("#programs .program-block");
        await Assertions.Expect(blocks.First.Locator("pre.program")).ToContainTextAsync("def ");
        var marked = await blocks.Locator("rect.diff").CountAsync() + await blocks.Locator(".no-output").CountAsync();
        Assert.True(marked > 0, $"no differing cell or missing output marked on the page of {taskId}");
        await ScreenshotAsync(page, "task-differences");
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
        await page.SelectOptionAsync("select[name=tasks]", "arc-agi-1/evaluation");
        await page.FillAsync("input[name=targetLimit]", "4");
        await page.FillAsync("input[name=iterations]", "100");
        await page.ClickAsync("#start-form button[type=submit]");
        await Assertions.Expect(page.Locator("#run-select option")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#run-phase")).ToContainTextAsync("arc-agi-1/evaluation · 0/100 iterations");
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

    [ChromiumFact]
    public async Task A_hostile_primitive_submitted_on_the_primitives_page_shows_why_it_was_refused_and_a_sound_one_is_listed()
    {
        await using var server = await ServiceHarness.StartAsync();
        await using var browser = await BrowserAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(server.Address.ToString());
        await page.ClickAsync("header a[href='primitives.html']");
        await Assertions.Expect(page.Locator("#primitives tbody tr")).ToHaveCountAsync(PrimitiveRegistry.BuiltIn.All.Count);
        await Assertions.Expect(page.Locator("#primitives tbody tr[data-name=hmirror]")).ToContainTextAsync("built-in");

        await page.FillAsync("input[name=fileName]", "reader.cs");
        await page.FillAsync("textarea[name=source]", PrimitiveSources.GridToGrid("reader", """return Int.Of(System.IO.File.ReadAllText("/etc/hostname").Length);""", "reads a file"));
        await page.ClickAsync("#submit-form button[type=submit]");
        await Assertions.Expect(page.Locator("#submit-result")).ToContainTextAsync("The primitive was refused");
        await Assertions.Expect(page.Locator("#submit-result ul.reasons li").First).ToHaveTextAsync(new Regex(@"^reader\.cs:9:\d+: .*System\.IO"));
        await Assertions.Expect(page.Locator("#primitives tbody tr[data-name=reader]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "primitives-refused");

        // A sound one, chosen with the file input: its name and source fill the form.
        var folder = Directory.CreateTempSubdirectory("arcsynth-upload-");
        try
        {
            var file = Path.Combine(folder.FullName, "asis.cs");
            await File.WriteAllTextAsync(file, PrimitiveSources.GridToGrid("asis", "return grid;", "the grid as it is"));
            await page.SetInputFilesAsync("input[name=file]", file);
            await Assertions.Expect(page.Locator("input[name=fileName]")).ToHaveValueAsync("asis.cs");
            await page.ClickAsync("#submit-form button[type=submit]");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await Assertions.Expect(page.Locator("#submit-result .accepted")).ToContainTextAsync("accepted asis(grid: Grid) -> Grid");
        await Assertions.Expect(page.Locator("#primitives tbody tr").First).ToHaveAttributeAsync("data-name", "asis");
        await Assertions.Expect(page.Locator("#primitives tbody tr[data-name=asis]")).ToContainTextAsync("submitted");
        await Assertions.Expect(page.Locator("#registry-version")).ToContainTextAsync("(+asis)");
        await ScreenshotAsync(page, "primitives");
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
