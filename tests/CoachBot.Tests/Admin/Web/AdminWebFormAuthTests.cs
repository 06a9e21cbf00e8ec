using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using CoachBot.Tests.Fakes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Admin.Web;

/// <summary>
/// Every /admin form handler that changes something, refused on the real host: anonymous (even with a valid API key as
/// a bearer header), from a session whose key was revoked, and from a signed-in admin without a valid antiforgery token.
/// Each refusal leaves every set version and the audit log as they were; the same form with a session and its token is
/// accepted (so the refusals are not down to a form that would have failed anyway). The handlers come from the running
/// host's endpoints: a new form handler fails <see cref="EveryFormHandlerOfTheAdminPages_IsInTheMatrix"/> until it is added here.
/// </summary>
public sealed class AdminWebFormAuthTests : LoopbackTest
{
    private const string Seed = "amazon-customer-trust";
    private const string SetPage = "/admin/sets/" + Seed;

    /// <summary>Handlers open without a session by design (and tested in <see cref="AdminWebAuthTests"/>).</summary>
    private static readonly string[] Anonymous = ["POST /admin/sign-in"];

    private const string ImportJson = """
        {
          "id": "form-auth",
          "title": "Form auth",
          "models": [ { "slug": "trust", "name": "Trust" } ],
          "questions": [ { "id": "q1", "text": "Why does trust matter?", "type": "concept", "targetModels": ["trust"] } ]
        }
        """;

    /// <summary>Every changing form handler: where it posts, what a real form sends, and what it does when accepted.</summary>
    private static readonly Dictionary<string, FormCase> Forms = new(StringComparer.Ordinal)
    {
        ["POST /admin/sets/{id}/questions/{qid}"] = QuestionForm("Changed by a refused form?", enabled: true),
        ["POST /admin/sets/{id}/questions/{qid} (disable)"] = QuestionForm("How does security relate to customer trust at Amazon?", enabled: false),
        ["POST /admin/sets/{id}?handler=Rollback"] = new(
            SetPage + "?handler=rollback",
            SetPage,
            [new("version", "1"), new("expectedVersion", "2")],
            HttpStatusCode.Redirect,
            Effect.StoresAVersion,
            Setup: async admin =>
            {
                var q1 = (await admin.Sets.GetAsync(Seed))!.FindQuestion("q1")!;
                Assert.True((await admin.Sets.UpdateQuestionAsync(AdminActor.System, Seed, q1 with { Text = "v2 text of q1?" }, 1)).Succeeded);
            }),
        ["POST /admin/import?handler=Preview"] = new(
            "/admin/import?handler=preview",
            "/admin/import",
            [new("Input.Text", ImportJson), new("Input.Format", "Json"), new("Input.SetId", string.Empty)],
            HttpStatusCode.OK,
            Effect.None),
        ["POST /admin/import?handler=Confirm"] = new(
            "/admin/import?handler=confirm",
            "/admin/import",
            [new("Confirm.Content", Convert.ToBase64String(Encoding.UTF8.GetBytes(ImportJson))), new("Confirm.Format", "Json"), new("Confirm.Source", "form-auth.json"), new("Confirm.SetId", string.Empty)],
            HttpStatusCode.Redirect,
            Effect.StoresAVersion),
        ["POST /admin/sign-out"] = new(
            "/admin/sign-out",
            "/admin/sign-out",
            [],
            HttpStatusCode.Redirect,
            Effect.EndsTheSession),
    };

    public static TheoryData<string> FormKeys => [.. Forms.Keys];

    private enum Effect
    {
        None,
        StoresAVersion,
        EndsTheSession,
    }

    [Fact]
    public async Task EveryFormHandlerOfTheAdminPages_IsInTheMatrix()
    {
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        var loader = host.Services.GetRequiredService<PageLoader>();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pages = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .DistinctBy(x => x.Page!.Id)
            .ToList();
        Assert.True(pages.Count >= 9, $"only {pages.Count} pages found: the enumeration is broken");
        foreach (var (endpoint, page) in pages)
        {
            var compiled = await loader.LoadAsync(page!, endpoint.Metadata);
            var route = "/" + compiled.AttributeRouteInfo!.Template;
            foreach (var handler in compiled.HandlerMethods.Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            {
                var key = $"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is { } name ? $"?handler={name}" : string.Empty)}";
                found.Add(key);
                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                Assert.True(anonymous == Anonymous.Contains(key), $"{key}: allows anonymous = {anonymous}");
                Assert.True(anonymous || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == CoachBot.Admin.Web.AdminCookie.Policy), $"{key} does not require the admin policy");
            }
        }

        var covered = Forms.Keys.Select(k => k.Split(" (", 2)[0]).Concat(Anonymous).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(covered.Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(FormKeys))]
    public async Task AChangingForm_IsRefused_Anonymous_AfterItsKeyWasRevoked_AndWithoutAValidToken_AndChangesNothing(string form)
    {
        var spec = Forms[form];
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings());
        var admin = host.Services.GetRequiredService<AdminService>();
        if (spec.Setup is not null)
        {
            await spec.Setup(admin);
        }

        // (a) Anonymous, with the antiforgery token an anonymous visitor gets from the sign-in page, and then also with
        // a valid admin API key as a bearer header (the pages take keys only at sign-in).
        using (var anonymous = new AdminWebClient(host))
        {
            var token = AdminWebClient.Token(await anonymous.GetPageAsync("/admin/sign-in"));
            var before = await SnapshotAsync(admin);
            using var response = await anonymous.Http.PostAsync(spec.Path, Form(spec, token));
            AssertSentToSignIn(form, "anonymous", response);
            using var withKey = new HttpRequestMessage(HttpMethod.Post, spec.Path) { Content = Form(spec, token) };
            withKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminWebClient.ApiKey);
            using var keyed = await anonymous.Http.SendAsync(withKey);
            AssertSentToSignIn(form, "anonymous with an API key header", keyed);
            Assert.Equal(before, await SnapshotAsync(admin));
        }

        // (b) A session whose stored key was revoked after the form was opened (AdminSessionEvents checks every request).
        var created = (await admin.Access.CreateApiKeyAsync(AdminActor.System, "revoked laptop")).Value!;
        using (var revoked = new AdminWebClient(host))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await revoked.SignInAsync(created.Key)).StatusCode);
            var token = AdminWebClient.Token(await revoked.GetPageAsync(spec.FormPage));
            Assert.True((await admin.Access.RevokeApiKeyAsync(AdminActor.System, created.Record.Id)).Succeeded);
            var before = await SnapshotAsync(admin);
            using var response = await revoked.Http.PostAsync(spec.Path, Form(spec, token));
            AssertSentToSignIn(form, "revoked key", response);
            Assert.Contains(SetCookies(response), c => c.StartsWith("coachbot-admin=;", StringComparison.Ordinal)); // the cookie is deleted
            Assert.Equal(before, await SnapshotAsync(admin));
        }

        // (c) A signed-in admin: no token, a token of another session, a token from before signing in.
        using var signedIn = new AdminWebClient(host);
        var preSignInToken = AdminWebClient.Token(await signedIn.GetPageAsync("/admin/sign-in"));
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SignInAsync()).StatusCode);
        using var other = new AdminWebClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync()).StatusCode);
        var otherToken = AdminWebClient.Token(await other.GetPageAsync(spec.FormPage));
        foreach (var (what, token) in new[] { ("no token", (string?)null), ("another session's token", otherToken), ("the token from before signing in", preSignInToken) })
        {
            var before = await SnapshotAsync(admin);
            using var response = await signedIn.Http.PostAsync(spec.Path, Form(spec, token));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{form}, {what}: {(int)response.StatusCode}");
            Assert.Contains("The form was not accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync(admin));
            await signedIn.GetPageAsync("/admin/sets"); // still signed in
        }

        // The control: the same form with the session's own token is accepted and has its effect.
        var unchanged = await SnapshotAsync(admin);
        using var accepted = await signedIn.PostFormAsync(spec.Path, spec.Fields, spec.FormPage);
        Assert.True(accepted.StatusCode == spec.Accepted, $"{form} with a session and its token: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        var after = await SnapshotAsync(admin);
        switch (spec.Effect)
        {
            case Effect.StoresAVersion:
                Assert.NotEqual(unchanged, after);
                Assert.Contains((await admin.Audit.ReadAsync(0, 1000)), e => e.ActorId == "key:config-0" && e.Via == AdminVia.Web);
                break;
            case Effect.EndsTheSession:
                Assert.Equal(unchanged, after);
                Assert.Equal(HttpStatusCode.Redirect, (await signedIn.Http.GetAsync("/admin/sets")).StatusCode);
                break;
            default:
                Assert.Equal(unchanged, after);
                break;
        }
    }

    /// <summary>The question page's form for q1 of the seeded set at v1 (disabling it when <paramref name="enabled"/> is false).</summary>
    private static FormCase QuestionForm(string text, bool enabled) => new(
        SetPage + "/questions/q1",
        SetPage + "/questions/q1",
        [new("Input.Text", text), new("Input.Type", "Concept"), new("Input.Enabled", enabled ? "true" : "false"), new("Input.ExpectedVersion", "1")],
        HttpStatusCode.Redirect,
        Effect.StoresAVersion);

    private static void AssertSentToSignIn(string form, string who, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{form}, {who}: {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        Assert.StartsWith("/admin/sign-in?returnUrl=", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(FormCase spec, string? token) =>
        new(token is null ? spec.Fields : [.. spec.Fields, new("__RequestVerificationToken", token)]);

    /// <summary>Every version of every set (as exported) and every audit entry.</summary>
    private static async Task<string> SnapshotAsync(AdminService admin)
    {
        var text = new StringBuilder();
        foreach (var set in await admin.Sets.ListAsync())
        {
            foreach (var version in (await admin.Sets.GetVersionsAsync(set.Id)).Value!)
            {
                text.AppendLine($"{set.Id} {version}");
                text.AppendLine((await admin.Sets.ExportAsync(set.Id, version.Version, QuestionSetFormat.Json)).Value);
            }
        }

        foreach (var entry in await admin.Audit.ReadAsync(0, 1000))
        {
            text.AppendLine(entry.ToString());
        }

        return text.ToString();
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private sealed record FormCase(
        string Path,
        string FormPage,
        KeyValuePair<string, string>[] Fields,
        HttpStatusCode Accepted,
        Effect Effect,
        Func<AdminService, Task>? Setup = null);
}
