using System.Net;
using CoachBot.Core.Admin;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Admin.Web;

/// <summary>Signing in to /admin on the real host: redirects, the session cookie, antiforgery and the throttle.</summary>
public sealed class AdminWebAuthTests : LoopbackTest
{
    private static readonly string[] Pages =
    [
        "/admin",
        "/admin/sets",
        "/admin/sets/amazon-customer-trust",
        "/admin/sets/amazon-customer-trust/questions/q1",
        "/admin/sets/amazon-customer-trust?handler=export&format=json",
        "/admin/import",
        "/admin/channels",
        "/admin/audit?p=2",
        "/admin/sign-out",
    ];

    [Fact]
    public async Task AnonymousGet_OfEveryPage_RedirectsToSignInWithTheReturnUrl()
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        using var client = new AdminWebClient(host);
        foreach (var page in Pages)
        {
            using var response = await client.Http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode}");
            Assert.Equal($"/admin/sign-in?returnUrl={Uri.EscapeDataString(page)}", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task SignIn_WithABadKey_ShowsAnErrorAndSetsNoSessionCookie()
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        using var client = new AdminWebClient(host);

        using var response = await client.SignInAsync("not-the-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That API key is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("coachbot-admin=", StringComparison.Ordinal));
        using var dashboard = await client.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithTheKey_SetsAnHttpOnlyStrictSessionCookie_AndOpensTheReturnUrl()
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        using var client = new AdminWebClient(host);

        using var response = await client.SignInAsync(returnUrl: "/admin/sets");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sets", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(SetCookies(response), c => c.StartsWith("coachbot-admin=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/admin", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie, StringComparison.Ordinal); // a browser-session cookie; the ticket slides for 8 h
        Assert.DoesNotContain(AdminWebClient.ApiKey.ToLowerInvariant(), cookie, StringComparison.Ordinal);

        var sets = await client.GetPageAsync("/admin/sets");
        Assert.Contains("amazon-customer-trust", sets, StringComparison.Ordinal);
        Assert.Contains("Key <strong>config-0</strong>", sets, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/admin")]
    [InlineData("//evil.example/admin")]
    [InlineData("/api/messages")]
    public async Task SignIn_WithAReturnUrlOutsideTheAdminPages_GoesToTheDashboard(string returnUrl)
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        using var client = new AdminWebClient(host);

        using var response = await client.SignInAsync(returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Posts_WithoutTheAntiforgeryToken_Are400()
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        using var client = new AdminWebClient(host);

        using var signIn = await client.Http.PostAsync("/admin/sign-in", new FormUrlEncodedContent([new("Input.ApiKey", AdminWebClient.ApiKey)]));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain(SetCookies(signIn), c => c.StartsWith("coachbot-admin=", StringComparison.Ordinal));
        Assert.Contains("The form was not accepted", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await client.SignInAsync()).Dispose();
        using var edit = await client.Http.PostAsync("/admin/sets/amazon-customer-trust/questions/q1", new FormUrlEncodedContent(
            [new("Input.Text", "Changed without a token"), new("Input.Type", "Concept"), new("Input.Enabled", "true"), new("Input.ExpectedVersion", "1")]));
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Equal(1, (await host.Services.GetRequiredService<AdminService>().Sets.GetAsync("amazon-customer-trust"))!.Version);
    }

    [Fact]
    public async Task SignIn_AfterTooManyFailures_Is429EvenWithTheRightKey_AndSaysHowLongToWait()
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings(("Admin:FailedSignInsPerMinute", "2")));
        using var client = new AdminWebClient(host);
        (await client.SignInAsync("wrong-1")).Dispose();
        (await client.SignInAsync("wrong-2")).Dispose();

        using var blocked = await client.SignInAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {blocked.Headers.RetryAfter}");
        Assert.Contains("Too many failed sign-ins", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(blocked), c => c.StartsWith("coachbot-admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        using var client = new AdminWebClient(host);
        (await client.SignInAsync()).Dispose();

        using var signOut = await client.PostFormAsync("/admin/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("You are signed out.", await client.GetPageAsync("/admin/sign-in"), StringComparison.Ordinal);
        using var dashboard = await client.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task ACreatedKey_SignsIn_AndRevokingItEndsItsSession()
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        var access = host.Services.GetRequiredService<AdminService>().Access;
        var created = (await access.CreateApiKeyAsync(AdminActor.System, "dashboard laptop")).Value!;
        using var client = new AdminWebClient(host);
        (await client.SignInAsync(created.Key)).Dispose();
        Assert.Contains("Key <strong>dashboard laptop</strong>", await client.GetPageAsync("/admin"), StringComparison.Ordinal);

        await access.RevokeApiKeyAsync(AdminActor.System, created.Record.Id);

        using var after = await client.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/admin/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];
}
