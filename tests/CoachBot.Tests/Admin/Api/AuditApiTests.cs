using System.Net;
using System.Text.Json.Nodes;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Every change through the API is audited with the key's name as the actor and the set versions before and after.</summary>
public sealed class AuditApiTests : AdminApiTest
{
    private const string Set = "trust-copy";

    [Fact]
    public async Task EachChange_IsAudited_WithTheKeyAsActor_AndVersionsBeforeAndAfter()
    {
        await using var host = await StartAsync();
        var (_, key) = await CreateKeyAsync(host, "ci-bot");
        var markdown = await SeedMarkdownAsync();
        var sets = "/api/admin/question-sets";

        await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{sets}/import?setId={Set}", key, Text(markdown, "text/markdown")), HttpStatusCode.Created);
        await ReadAsync(await SendAsync(host, HttpMethod.Put, $"{sets}/{Set}/questions/q1", key, Json(new { text = "Edited?" }), "\"1\""), HttpStatusCode.OK);
        await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{sets}/{Set}/questions/q2/disable", key), HttpStatusCode.OK);
        await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{sets}/{Set}/rollback/1", key), HttpStatusCode.OK);
        await ReadAsync(await SendAsync(host, HttpMethod.Put, "/api/admin/assignments", key, Json(new { scope = "default", setId = Set })), HttpStatusCode.OK);

        var entries = (await ReadAsync(await GetAsync(host, $"/api/admin/audit?target={Set}", key), HttpStatusCode.OK)).AsArray();

        Assert.Equal(
            [("set.activate", null, null), ("set.rollback", 3, 4), ("question.disable", 2, 3), ("question.edit", 1, 2), ("set.import", null, 1)],
            entries.Select(e => ((string?)e!["action"], (int?)e["beforeVersion"], (int?)e["afterVersion"])));
        Assert.All(entries, e => Assert.Equal(("key:ci-bot", "ci-bot", "api"), ((string?)e!["actorId"], (string?)e["actorName"], (string?)e["via"])));
        var all = (await ReadAsync(await GetAsync(host, "/api/admin/audit?take=200"), HttpStatusCode.OK)).AsArray();
        Assert.Contains(all, e => (string?)e!["action"] == "apikey.create" && (string?)e["actorId"] == "key:config-0");
        var paged = (await ReadAsync(await GetAsync(host, $"/api/admin/audit?target={Set}&skip=1&take=2"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(["set.rollback", "question.disable"], paged.Select(e => (string?)e!["action"]));
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=201", "take")]
    [InlineData("skip=-1", "skip")]
    public async Task AnOutOfRangePage_Is400NamingTheParameter(string query, string field)
    {
        await using var host = await StartAsync();

        var problem = await ReadProblemAsync(await GetAsync(host, $"/api/admin/audit?{query}"), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }
}
