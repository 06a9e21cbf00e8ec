using System.Net;
using CoachBot.Infrastructure;
using CoachBot.Tests.Fakes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Tests.Admin.Web;

/// <summary>
/// The data-protection key ring is in the database: a session cookie and a form's antiforgery token made by one
/// instance are accepted by another on the same database, and by a new instance after a restart. Each host would
/// otherwise keep keys of its own (see <see cref="MachineLocalKeyRing"/>), as separate machines or containers do.
/// </summary>
public sealed class AdminWebKeyRingTests : LoopbackTest
{
    private const string SetPage = "/admin/sets/amazon-customer-trust";
    private const string EditPage = SetPage + "/questions/q1";
    private const string SignInPage = "/admin/sign-in";

    [Fact]
    public async Task ASignInOnOneInstance_IsValidOnAnother_AndSoAreTheFormsItRendered()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        using var onA = new AdminWebClient(a);
        using var onB = new AdminWebClient(b, onA.Cookies); // the same browser, its requests balanced over both instances

        var signInForm = AdminWebClient.Token(await onB.GetPageAsync(SignInPage));
        using var signIn = await onA.PostFormWithTokenAsync(SignInPage, [new("Input.ApiKey", AdminWebClient.ApiKey)], signInForm);
        Assert.Equal("/admin", signIn.Headers.Location?.OriginalString); // B's form accepted by A, which opened the session

        Assert.Contains("Key <strong>config-0</strong>", await onB.GetPageAsync("/admin"), StringComparison.Ordinal); // A's session, on B
        var editForm = AdminWebClient.Token(await onA.GetPageAsync(EditPage));
        using var saved = await onB.PostFormWithTokenAsync(EditPage, AdminWebClient.QuestionForm("Edited on A's form, saved on B?", expectedVersion: 1), editForm);
        Assert.Equal(SetPage, saved.Headers.Location?.OriginalString);
        Assert.Contains("v2: question q1 edited.", await onA.GetPageAsync(SetPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASession_SurvivesARestart_AndSoDoesAFormOpenBeforeIt()
    {
        var cookies = new CookieContainer();
        string token;
        await using (var before = await StartAsync())
        {
            using var client = new AdminWebClient(before, cookies);
            using var signIn = await client.SignInAsync();
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            token = AdminWebClient.Token(await client.GetPageAsync(EditPage));
        }

        await using var after = await StartAsync();
        using var again = new AdminWebClient(after, cookies);

        Assert.Contains("Key <strong>config-0</strong>", await again.GetPageAsync("/admin"), StringComparison.Ordinal);
        using var saved = await again.PostFormWithTokenAsync(EditPage, AdminWebClient.QuestionForm("Saved after a restart?", expectedVersion: 1), token);
        Assert.Equal(SetPage, saved.Headers.Location?.OriginalString);
        Assert.Contains("Saved after a restart?", await again.GetPageAsync(SetPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheKeyRing_IsInTheDataProtectionKeysTable_UnderTheApplicationNameCoachBot()
    {
        await using var host = await StartAsync();
        using var client = new AdminWebClient(host);

        using var signIn = await client.SignInAsync();

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var keys = await Db.QueryAsync("SELECT \"Xml\" FROM \"DataProtectionKeys\"");
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.StartsWith("<key id=", k[0], StringComparison.Ordinal));
        Assert.Equal(
            KeyRingServiceCollectionExtensions.ApplicationName,
            host.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
    }

    [Fact]
    public async Task HostStart_OnAnEmptyDatabase_CreatesTheFirstKeyOnlyAfterTheMigrationMadeItsTable()
    {
        // No migration before the start: the migrator (StartingAsync) must run before data protection's own hosted
        // service reads the key ring (StartAsync) and, finding it empty, stores the first key.
        await using var host = await TestHost.StartAsync(Db, AdminWebClient.Settings(), initialize: false);

        Assert.Single(await Db.QueryAsync("SELECT \"Id\" FROM \"DataProtectionKeys\""));
    }

    private async Task<TestHost> StartAsync() => await TestHost.StartAsync(Db, AdminWebClient.Settings());
}
