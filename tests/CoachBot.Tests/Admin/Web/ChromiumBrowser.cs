using CoachBot.Tests.Fakes;
using Microsoft.Playwright;

namespace CoachBot.Tests.Admin.Web;

/// <summary>
/// The system's Chromium (Debian's <c>chromium</c> package) driven by Playwright: never a downloaded browser. Launched
/// on first use and shared by a test class; every test gets its own context (cookies) with JavaScript off, since the
/// admin page needs none.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    /// <summary>Where the browser is: <c>COACHBOT_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("COACHBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>True when the browser can be launched.</summary>
    public static bool IsInstalled => File.Exists(ExecutablePath);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A page in a fresh context (no cookies) on <paramref name="host"/>; disposing it closes both.</summary>
    public async Task<BrowserSession> OpenAsync(TestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var context = await NewContextAsync(host.Client.BaseAddress!);
        return new BrowserSession(host, context, await context.NewPageAsync());
    }

    /// <summary>A fresh context on <paramref name="baseUrl"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl, bool javaScriptEnabled = false)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _playwright ??= await Playwright.CreateAsync();
        _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true });
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public Task InitializeAsync() => Task.CompletedTask; // launched on first use: skipped tests never start it

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A browser page on a running host; disposing it closes the page's context and stops the host.</summary>
public sealed class BrowserSession(TestHost host, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public TestHost Host => host;

    public IPage Page => page;

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        await host.DisposeAsync();
    }
}

/// <summary>A test that needs <see cref="ChromiumBrowser"/>: skipped, with the reason shown, where Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!ChromiumBrowser.IsInstalled)
        {
            Skip = $"Chromium is not installed at {ChromiumBrowser.ExecutablePath} (apt-get install chromium; .ci/run installs it): browser test skipped.";
        }
    }
}

/// <summary>
/// The browser tests run alone: Chromium takes both cores of a small machine for a few seconds, which would push the
/// timing-sensitive tests of other classes (slow-grade deadlines, channel answers) past their deadlines.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser (not parallel)";
}
