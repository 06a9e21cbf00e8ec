using System.Net;
using System.Text.RegularExpressions;
using CoachBot.Core.Admin;
using CoachBot.Core.QuestionSets;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Admin.Web;

/// <summary>The admin pages over real HTTP on the real host (no browser): what an admin reads and what their forms store.</summary>
public sealed class AdminWebPagesTests : LoopbackTest
{
    private const string SetPage = "/admin/sets/amazon-customer-trust";
    private const string EditPage = SetPage + "/questions/q1";

    [Fact]
    public async Task EditQuestion_StoresANewVersion_ListedWithWhoAndWhat()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);

        using var saved = await client.PostFormAsync(EditPage, AdminWebClient.QuestionForm("How does security earn customer trust at Amazon?", expectedVersion: 1));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(SetPage, saved.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync(SetPage);
        Assert.Contains("v2: question q1 edited.", page, StringComparison.Ordinal);
        Assert.Contains("How does security earn customer trust at Amazon?", page, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<th scope=""row"">v2</th>\s*<td>[^<]+</td>\s*<td>key:config-0</td>\s*<td>question q1 edited</td>"), page);
        Assert.Contains("Roll back to v1", page, StringComparison.Ordinal);

        var audit = await host.Services.GetRequiredService<AdminService>().Audit.ReadAsync();
        var entry = Assert.Single(audit, e => e.Action == "question.edit");
        Assert.Equal(("key:config-0", AdminVia.Web, 1, 2), (entry.ActorId, entry.Via, entry.BeforeVersion, entry.AfterVersion));
        Assert.Matches(
            new Regex(@"<td>key:config-0</td>\s*<td>Web</td>\s*<th scope=""row""><code>question.edit</code></th>\s*<td>amazon-customer-trust</td>\s*<td>v1 &#x2192; v2</td>"),
            await client.GetPageAsync("/admin/audit?target=amazon"));
    }

    [Fact]
    public async Task EditQuestion_AfterSomeoneElseSaved_SaysSo_KeepsTheInput_AndSavesOnTheLatestNextTime()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);
        var form = await client.GetPageAsync(EditPage);
        Assert.Equal("1", AdminWebClient.Hidden(form, "Input.ExpectedVersion"));
        var sets = host.Services.GetRequiredService<AdminService>().Sets;
        var q1 = (await sets.GetAsync("amazon-customer-trust"))!.FindQuestion("q1")!;
        await sets.UpdateQuestionAsync(new AdminActor("29:other", "Other admin", AdminVia.Chat), "amazon-customer-trust", q1 with { Text = "Their edit of q1?" }, 1);

        using var conflict = await client.PostFormAsync(EditPage, AdminWebClient.QuestionForm("My edit of q1?", expectedVersion: 1));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("was changed by someone else: your edit was made on v1, the latest is v2", html, StringComparison.Ordinal);
        Assert.Contains("My edit of q1?</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Their edit of q1?</dd>", html, StringComparison.Ordinal);
        Assert.Equal("2", AdminWebClient.Hidden(html, "Input.ExpectedVersion"));
        Assert.Equal(2, (await sets.GetAsync("amazon-customer-trust"))!.Version);

        using var again = await client.PostFormAsync(EditPage, AdminWebClient.QuestionForm("My edit of q1?", expectedVersion: 2));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("My edit of q1?", (await sets.GetAsync("amazon-customer-trust"))!.FindQuestion("q1")!.Text);
    }

    [Fact]
    public async Task EditQuestion_WithoutText_SavesNothingAndSaysWhich()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);

        using var response = await client.PostFormAsync(EditPage, AdminWebClient.QuestionForm(string.Empty, expectedVersion: 1));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The question needs a text.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await host.Services.GetRequiredService<AdminService>().Sets.GetAsync("amazon-customer-trust"))!.Version);
    }

    [Fact]
    public async Task TextAdminsTyped_IsHtmlEncodedOnEveryPage()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);
        const string Hostile = "<script>alert('x')</script> & <b>bold</b>?";

        (await client.PostFormAsync(EditPage, AdminWebClient.QuestionForm(Hostile, expectedVersion: 1))).Dispose();

        foreach (var page in new[] { SetPage, EditPage })
        {
            var html = await client.GetPageAsync(page);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;?", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Import_PreviewShowsWhatWouldBeStored_AndOnlyConfirmStoresIt()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);
        var sets = host.Services.GetRequiredService<AdminService>().Sets;

        using var preview = await PostImportAsync(client, File.ReadAllBytes(SeedDocument), "amazon-security-customer-trust.md", "trust-copy");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Dry run: this would store", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"count-questions\">4</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"count-models\">4</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"count-criteria\">5</dd>", html, StringComparison.Ordinal);
        Assert.Contains("4 questions, 4 mental models, 5 success criteria", html, StringComparison.Ordinal);
        Assert.Null(await sets.GetAsync("trust-copy"));

        using var confirm = await client.Http.PostAsync("/admin/import?handler=confirm", new FormUrlEncodedContent(
        [
            new("Confirm.Content", AdminWebClient.Hidden(html, "Confirm.Content")),
            new("Confirm.Format", AdminWebClient.Hidden(html, "Confirm.Format")),
            new("Confirm.Source", AdminWebClient.Hidden(html, "Confirm.Source")),
            new("Confirm.SetId", AdminWebClient.Hidden(html, "Confirm.SetId")),
            new("__RequestVerificationToken", AdminWebClient.Token(html)),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("/admin/sets/trust-copy", confirm.Headers.Location!.OriginalString);
        var stored = await sets.GetAsync("trust-copy");
        Assert.Equal((1, 4, 4), (stored!.Version, stored.Questions.Count, stored.Models.Count));
        Assert.Contains("Imported &quot;Amazon-Specific Preparation - Customer Trust Focus&quot; (trust-copy) v1.", await client.GetPageAsync("/admin/sets/trust-copy"), StringComparison.Ordinal);
        var entry = Assert.Single(await host.Services.GetRequiredService<AdminService>().Audit.ReadAsync(), e => e.Action == "set.import");
        Assert.Equal(("key:config-0", AdminVia.Web), (entry.ActorId, entry.Via));
    }

    [Fact]
    public async Task Import_OfABrokenDocument_ListsEveryProblemWithItsLine_AndStoresNothing()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);
        var before = await host.Services.GetRequiredService<AdminService>().Sets.ListAsync();

        using var response = await PostImportAsync(client, "# Notes\n\nNothing here looks like a study document.\n"u8.ToArray(), "notes.md", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was imported: the document has 2 problems.", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, @"<li class=""error"">\s*<strong>Error</strong>\s*<span class=""where"">line \d+"));
        Assert.DoesNotContain("handler=confirm", html, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await host.Services.GetRequiredService<AdminService>().Sets.ListAsync()).Count);
    }

    [Fact]
    public async Task Import_OfPastedJson_NamesTheLineColumnAndFieldOfEachProblem()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);
        const string Json = """
            {
              "id": "pasted",
              "title": "Pasted set",
              "models": [ { "slug": "trust", "name": "Trust" } ],
              "questions": [
                { "id": "q1", "text": "Why does trust matter?", "type": "essay" }
              ]
            }
            """;

        using var response = await client.PostFormAsync("/admin/import?handler=preview",
            [new("Input.Text", Json), new("Input.Format", "Json"), new("Input.SetId", string.Empty)], "/admin/import");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches(new Regex(@"<span class=""where"">line 6, column \d+</span>\s*<code>questions\[0\]\.type</code>"), html);
        Assert.Null(await host.Services.GetRequiredService<AdminService>().Sets.GetAsync("pasted"));
    }

    [Fact]
    public async Task Rollback_StoresTheEarlierContentAsTheNextVersion()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);
        var sets = host.Services.GetRequiredService<AdminService>().Sets;
        var original = (await sets.GetAsync("amazon-customer-trust"))!.FindQuestion("q2")!.Text;
        (await client.PostFormAsync(SetPage + "/questions/q2", AdminWebClient.QuestionForm("Edited q2?", 1, "ExampleStory"))).Dispose();

        using var rollback = await client.PostFormAsync($"{SetPage}?handler=rollback", [new("version", "1"), new("expectedVersion", "2")], SetPage);

        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        var latest = (await sets.GetAsync("amazon-customer-trust"))!;
        Assert.Equal((3, original), (latest.Version, latest.FindQuestion("q2")!.Text));
        Assert.Contains("rolled back to v1", await client.GetPageAsync(SetPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_DownloadsTheSetAsAJsonFileNamedAfterItsVersion()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);

        using var response = await client.Http.GetAsync($"{SetPage}?handler=export&format=json&version=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("amazon-customer-trust-v1.json", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("How does security relate to customer trust at Amazon?", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await client.Http.GetAsync($"{SetPage}?handler=export&format=json&version=9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Dashboard_DrawsOneLinePerMentalModel_WithTheNumbersAsATable_AndParticipationPerChannel()
    {
        await using var host = await StartAsync();
        var answers = await GradedAnswers.SeedAsync(host, Connector.ServiceUrl);
        using var client = await SignedInAsync(host);

        var html = await client.GetPageAsync("/admin?set=amazon-customer-trust&days=7");

        Assert.Contains($"{answers} graded answers", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, @"<path class=""line"" d=""M[\d. L]+"""));
        Assert.Equal(4 * GradedAnswers.Days, Regex.Count(html, @"<circle class=""point"""));
        Assert.Contains("<title id=\"trend-chart-title\">Class average per mental model, Amazon-Specific Preparation - Customer Trust Focus</title>", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"trend-chart-desc\">Line chart of the daily class average score (0 to 100) of each of 4 mental models", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("id=\"trend-table\"", StringComparison.Ordinal)..html.IndexOf("</table>", html.IndexOf("id=\"trend-table\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Equal(GradedAnswers.Days, Regex.Count(table, @"<th scope=""row"">\d{4}-\d{2}-\d{2}</th>"));
        Assert.Matches(new Regex(@"<th scope=""row"">Interview study</th>\s*<td class=""num"">9</td>\s*<td class=""num"">3</td>"), html);
        Assert.Matches(new Regex(@"<th scope=""row"">1:1 practice</th>\s*<td class=""num"">10</td>\s*<td class=""num"">2</td>"), html);
    }

    [Fact]
    public async Task Dashboard_WithoutAnswers_SaysSoInsteadOfAnEmptyChart()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);

        var html = await client.GetPageAsync("/admin");

        Assert.Contains("No graded answers for this set in the last 30 days yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg id=\"trend-chart\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channels_ListsEachPlaceWithItsScheduleAndNextPost()
    {
        await using var host = await StartAsync();
        await GradedAnswers.SeedAsync(host, Connector.ServiceUrl);
        using var client = await SignedInAsync(host);

        var html = await client.GetPageAsync("/admin/channels");

        Assert.Contains("<h2 id=\"place-0\">Interview study</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">active</span>", html, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<th scope=""row"">09:00</th>\s*<td>Europe/Berlin</td>\s*<td>weekdays</td>\s*<td><a href=""/admin/sets/amazon-customer-trust"">amazon-customer-trust</a></td>\s*<td>active</td>\s*<td>(Mon|Tue|Wed|Thu|Fri) \d{4}-\d{2}-\d{2} 09:00 local \(\d{4}-\d{2}-\d{2} 0[78]:00 UTC\)</td>"), html);
    }

    [Fact]
    public async Task UnknownSetsQuestionsAndAddresses_Get404WithAFriendlyPage()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);

        using var set = await client.Http.GetAsync("/admin/sets/no-such-set");
        Assert.Equal(HttpStatusCode.NotFound, set.StatusCode);
        Assert.Contains("There is no question set &quot;no-such-set&quot;.", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var question = await client.Http.GetAsync(SetPage + "/questions/q99");
        Assert.Equal(HttpStatusCode.NotFound, question.StatusCode);
        Assert.Contains("has no question &quot;q99&quot;", await question.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var nothing = await client.Http.GetAsync("/admin/sets/amazon-customer-trust/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        Assert.Contains("There is nothing at this address.", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", nothing.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static string SeedDocument => Path.Combine(AppContext.BaseDirectory, "content", "amazon-security-customer-trust.md");

    private async Task<TestHost> StartAsync() => await TestHost.StartAsync(Db, AdminWebClient.Settings());

    private static async Task<AdminWebClient> SignedInAsync(TestHost host)
    {
        var client = new AdminWebClient(host);
        using var response = await client.SignInAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PostImportAsync(AdminWebClient client, byte[] document, string fileName, string? setId)
    {
        var token = AdminWebClient.Token(await client.GetPageAsync("/admin/import"));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(document), "Input.File", fileName },
            { new StringContent("auto"), "Input.Format" },
            { new StringContent(setId ?? string.Empty), "Input.SetId" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.Http.PostAsync("/admin/import?handler=preview", form);
    }
}
