using System.Text.RegularExpressions;
using CoachBot.Tests.Fakes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoachBot.Tests.Admin.Web;

/// <summary>
/// The admin page in a real browser (headless Chromium, JavaScript off) on the real host: what an admin does with
/// a mouse and with the keyboard alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminWebBrowserTests(ChromiumBrowser chromium) : LoopbackTest, IClassFixture<ChromiumBrowser>
{
    /// <summary>Where the dashboard screenshot is written (the test output folder); docs/admin-dashboard.png is a copy.</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "admin-dashboard.png");

    [ChromiumFact]
    public async Task SignIn_ImportTheSeedDocument_EditAQuestion_AndSeeTheNewVersion()
    {
        await using var session = await chromium.OpenAsync(await TestHost.StartAsync(Db, AdminWebClient.Settings()));
        var page = session.Page;
        await page.GotoAsync("/admin/import");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/sign-in\\?returnUrl=%2Fadmin%2Fimport$"));
        await page.GetByLabel("API key").FillAsync(AdminWebClient.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import a document", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Document file").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "content", "amazon-security-customer-trust.md"));
        await page.GetByLabel("Set id (optional)").FillAsync("trust-web");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        await Expect(page.Locator("#preview-message")).ToContainTextAsync("Dry run: this would store");
        await Expect(page.Locator("#count-questions")).ToHaveTextAsync("4");
        await Expect(page.Locator("#count-models")).ToHaveTextAsync("4");
        await Expect(page.Locator("#count-criteria")).ToHaveTextAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import trust-web v1" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/sets/trust-web$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported \"Amazon-Specific Preparation - Customer Trust Focus\" (trust-web) v1.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit question q2" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit question q2" })).ToBeVisibleAsync();
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync("Tell me about a time security made a customer's experience better.");
        await page.GetByLabel("Scale Thinking").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("(trust-web) v2: question q2 edited.");
        await Expect(page.Locator("#latest-version")).ToHaveTextAsync("v2");
        var v2 = page.Locator("#versions-table tbody tr").First;
        await Expect(v2.Locator("th")).ToHaveTextAsync("v2");
        await Expect(v2).ToContainTextAsync("key:config-0");
        await Expect(v2).ToContainTextAsync("question q2 edited");
        await Expect(page.Locator("#questions-table")).ToContainTextAsync("Tell me about a time security made a customer's experience better.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Roll back to v1" })).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task Dashboard_RendersTheChart_OneLinePerMentalModel()
    {
        await using var session = await chromium.OpenAsync(await TestHost.StartAsync(Db, AdminWebClient.Settings()));
        await GradedAnswers.SeedAsync(session.Host, Connector.ServiceUrl);
        var page = session.Page;
        await SignInAsync(page);

        await page.GetByLabel("Window").SelectOptionAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var chart = page.Locator("svg#trend-chart");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAttributeAsync("role", "img");
        var lines = chart.Locator("g.series path.line");
        await Expect(lines).ToHaveCountAsync(4);
        foreach (var line in await lines.AllAsync())
        {
            var box = await line.BoundingBoxAsync();
            Assert.True(box is { Width: > 100 }, "every model's line is drawn across the days");
        }

        await Expect(chart.Locator("circle.point")).ToHaveCountAsync(4 * GradedAnswers.Days);
        await Expect(page.Locator(".legend li")).ToHaveTextAsync([
            new Regex("^\\s*Customer-First Security"),
            new Regex("^\\s*Scale Thinking"),
            new Regex("^\\s*Innovation Enablement"),
            new Regex("^\\s*Quantified Impact"),
        ]);
        await Expect(page.Locator("#trend-table tbody tr")).ToHaveCountAsync(GradedAnswers.Days);
        await Expect(page.Locator("#participation-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#participation-table")).ToContainTextAsync(GradedAnswers.ChannelName);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        Assert.True(new FileInfo(ScreenshotPath).Length > 10_000, "the screenshot has content");
    }

    [ChromiumFact]
    public async Task SignIn_AndMoveAround_WithTheKeyboardAlone()
    {
        await using var session = await chromium.OpenAsync(await TestHost.StartAsync(Db, AdminWebClient.Settings()));
        var page = session.Page;
        await page.GotoAsync("/admin");

        var key = page.GetByLabel("API key");
        await Expect(key).ToBeFocusedAsync(); // autofocus: the form is ready to type into
        await page.Keyboard.TypeAsync(AdminWebClient.ApiKey);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        Assert.True(await skip.BoundingBoxAsync() is { X: >= 0, Y: >= 0 }, "the skip link is on screen when focused");
        foreach (var expected in new[] { "CoachBot admin", "Dashboard", "Question sets" })
        {
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = expected, Exact = true })).ToBeFocusedAsync();
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question sets", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("API key").FillAsync(AdminWebClient.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }
}
