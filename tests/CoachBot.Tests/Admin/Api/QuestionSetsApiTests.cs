using System.Net;
using System.Text.Json.Nodes;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Versions through the API: import, edit with If-Match, stale edits, rollback, history, create, export.</summary>
public sealed class QuestionSetsApiTests : AdminApiTest
{
    private const string Sets = "/api/admin/question-sets";

    [Fact]
    public async Task ImportingTheSeedDocumentAgain_SaysNothingChanged_AndStoresNothing()
    {
        await using var host = await StartAsync();
        var markdown = await SeedMarkdownAsync();

        var response = await SendAsync(host, HttpMethod.Post, $"{Sets}/import?setId={SeedSet}", content: Text(markdown, "text/markdown"));

        var import = await ReadAsync(response, HttpStatusCode.OK);
        Assert.Contains("nothing to import", (string?)import["message"], StringComparison.Ordinal);
        Assert.Empty(import["changes"]!.AsArray());
        Assert.False((bool)import["stored"]!);
        Assert.Equal(1, (int)import["version"]!);
        Assert.Equal(new[] { 1 }, await VersionsAsync(host, SeedSet));
    }

    [Fact]
    public async Task EditWithIfMatch_MakesV2_StaleEditIs409_RollbackToV1MakesV3WithV1Content()
    {
        await using var host = await StartAsync();
        var v1Response = await GetAsync(host, $"{Sets}/{SeedSet}");
        var v1 = await ReadAsync(v1Response, HttpStatusCode.OK);
        Assert.Equal("\"1\"", v1Response.Headers.ETag?.Tag);
        var original = v1["questions"]![0]!;

        var edit = await SendAsync(host, HttpMethod.Put, $"{Sets}/{SeedSet}/questions/q1", content: Json(new { text = "Why does security earn customer trust?", type = "concept" }), ifMatch: "\"1\"");
        var v2 = await ReadAsync(edit, HttpStatusCode.OK);
        Assert.Equal(2, (int)v2["set"]!["version"]!);
        Assert.Equal("\"2\"", edit.Headers.ETag?.Tag);
        Assert.Equal("Why does security earn customer trust?", (string?)v2["set"]!["questions"]![0]!["text"]);

        var stale = await SendAsync(host, HttpMethod.Put, $"{Sets}/{SeedSet}/questions/q1", content: Json(new { text = "A stale edit", type = "concept" }), ifMatch: "\"1\"");
        var conflict = await ReadProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("conflict", (string?)conflict["code"]);
        Assert.Contains("the latest is v2", (string?)conflict["detail"], StringComparison.Ordinal);
        Assert.Equal(new[] { 2, 1 }, await VersionsAsync(host, SeedSet));
        var latest = await ReadAsync(await GetAsync(host, $"{Sets}/{SeedSet}"), HttpStatusCode.OK);
        Assert.Equal("Why does security earn customer trust?", (string?)latest["questions"]![0]!["text"]);

        var rollback = await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/{SeedSet}/rollback/1", ifMatch: "\"2\""), HttpStatusCode.OK);
        Assert.Equal(3, (int)rollback["set"]!["version"]!);
        var v3 = await ReadAsync(await GetAsync(host, $"{Sets}/{SeedSet}?version=3"), HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(original, v3["questions"]![0]), v3["questions"]![0]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(v1["models"], v3["models"]));

        var versions = await ReadAsync(await GetAsync(host, $"{Sets}/{SeedSet}/versions"), HttpStatusCode.OK);
        Assert.Equal([3, 2, 1], versions.AsArray().Select(v => (int)v!["version"]!));
        Assert.Equal("rolled back to v1", (string?)versions[0]!["note"]);
        Assert.Equal("key:config-0", (string?)versions[0]!["createdBy"]);
    }

    [Fact]
    public async Task ReplacingWithoutAVersion_Is428_AndABodyVersionCountsLikeIfMatch()
    {
        await using var host = await StartAsync();
        var set = await ReadAsync(await GetAsync(host, $"{Sets}/{SeedSet}"), HttpStatusCode.OK);

        await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, $"{Sets}/{SeedSet}/questions/q2", content: Json(new { text = "No version" })), HttpStatusCode.PreconditionRequired);
        set.AsObject().Remove("version");
        set["title"] = "Customer trust, edited";
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, $"{Sets}/{SeedSet}", content: Json(set.ToJsonString())), HttpStatusCode.PreconditionRequired);
        Assert.Equal(new[] { 1 }, await VersionsAsync(host, SeedSet));

        set["version"] = 1;
        var saved = await ReadAsync(await SendAsync(host, HttpMethod.Put, $"{Sets}/{SeedSet}", content: Json(set.ToJsonString())), HttpStatusCode.OK);
        Assert.Equal(2, (int)saved["set"]!["version"]!);
        Assert.Equal("Customer trust, edited", (string?)saved["set"]!["title"]);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, $"{Sets}/{SeedSet}", content: Json(set.ToJsonString())), HttpStatusCode.Conflict);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, $"{Sets}/{SeedSet}/questions/q2", content: Json(new { text = "Old", version = 1 })), HttpStatusCode.Conflict);
        Assert.Equal(new[] { 2, 1 }, await VersionsAsync(host, SeedSet));
    }

    [Fact]
    public async Task ExportJson_ImportsBackAsNothingChanged_AndADryRunOfAChangeStoresNothing()
    {
        await using var host = await StartAsync();
        var export = await GetAsync(host, $"{Sets}/{SeedSet}/export?format=json");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{SeedSet}.json", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var json = await export.Content.ReadAsStringAsync();

        var same = await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/import?dryRun=true", content: Json(json)), HttpStatusCode.OK);
        Assert.Contains("nothing to import", (string?)same["message"], StringComparison.Ordinal);
        Assert.Empty(same["changes"]!.AsArray());

        var changed = JsonNode.Parse(json)!;
        changed["title"] = "Customer trust (revised)";
        var dryRun = await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/import?dryRun=true", content: Json(changed.ToJsonString())), HttpStatusCode.OK);
        Assert.True((bool)dryRun["dryRun"]!);
        Assert.False((bool)dryRun["stored"]!);
        Assert.Equal(2, (int)dryRun["version"]!);
        Assert.Contains(dryRun["changes"]!.AsArray(), c => ((string?)c)!.StartsWith("title:", StringComparison.Ordinal));
        Assert.Equal(new[] { 1 }, await VersionsAsync(host, SeedSet));

        var stored = await SendAsync(host, HttpMethod.Post, $"{Sets}/import", content: Json(changed.ToJsonString()));
        Assert.True((bool)(await ReadAsync(stored, HttpStatusCode.Created))["stored"]!);
        Assert.Equal($"{Sets}/{SeedSet}?version=2", stored.Headers.Location?.OriginalString);
        Assert.Equal(new[] { 2, 1 }, await VersionsAsync(host, SeedSet));
    }

    [Fact]
    public async Task ExportYaml_HasTheYamlTypeAndImportsBackUnchanged()
    {
        await using var host = await StartAsync();
        var export = await GetAsync(host, $"{Sets}/{SeedSet}/export?format=yaml");
        Assert.Equal("application/yaml", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{SeedSet}.yaml", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var yaml = await export.Content.ReadAsStringAsync();
        var same = await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/import?dryRun=true", content: Text(yaml, "application/yaml")), HttpStatusCode.OK);
        Assert.Empty(same["changes"]!.AsArray());
        await ReadProblemAsync(await GetAsync(host, $"{Sets}/{SeedSet}/export?format=xml"), HttpStatusCode.BadRequest);
        await ReadProblemAsync(await GetAsync(host, $"{Sets}/no-such-set/export"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreatingASet_Is201WithLocation_AndTheSameIdAgainIs409()
    {
        await using var host = await StartAsync();
        var body = Json(new
        {
            id = "api-basics",
            title = "API basics",
            models = new[] { new { slug = "clarity", name = "Clarity" } },
            questions = new[] { new { id = "q1", text = "What makes an API easy to use?", type = "concept" } },
        });

        var created = await SendAsync(host, HttpMethod.Post, Sets, content: body);

        var change = await ReadAsync(created, HttpStatusCode.Created);
        Assert.Equal($"{Sets}/api-basics", created.Headers.Location?.OriginalString);
        Assert.Equal(1, (int)change["set"]!["version"]!);
        var read = await ReadAsync(await GetAsync(host, created.Headers.Location!.OriginalString), HttpStatusCode.OK);
        Assert.Equal("What makes an API easy to use?", (string?)read["questions"]![0]!["text"]);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, Sets, content: Json(await body.ReadAsStringAsync())), HttpStatusCode.Conflict);
        var list = await ReadAsync(await GetAsync(host, Sets), HttpStatusCode.OK);
        Assert.Equal(["amazon-customer-trust", "api-basics"], list.AsArray().Select(s => (string?)s!["id"]).Order());
    }

    [Fact]
    public async Task Questions_CanBeAddedDisabledAndEnabled_EachAsANewVersion()
    {
        await using var host = await StartAsync();

        var added = await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/{SeedSet}/questions", content: Json(new { text = "How do you measure trust?", type = "trade-off" })), HttpStatusCode.OK);
        Assert.Equal(2, (int)added["set"]!["version"]!);
        var disabled = await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/{SeedSet}/questions/q5/disable", ifMatch: "\"2\""), HttpStatusCode.OK);
        Assert.Equal(3, (int)disabled["set"]!["version"]!);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/{SeedSet}/questions/q5/enable", ifMatch: "\"2\""), HttpStatusCode.Conflict);
        await ReadAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/{SeedSet}/questions/q5/enable"), HttpStatusCode.OK);

        var questions = await ReadAsync(await GetAsync(host, $"{Sets}/{SeedSet}/questions"), HttpStatusCode.OK);
        var q5 = questions.AsArray().Single(q => (string?)q!["id"] == "q5")!;
        Assert.Equal("trade-off", (string?)q5["type"]);
        Assert.True((bool)q5["enabled"]!);
        Assert.Equal(new[] { 4, 3, 2, 1 }, await VersionsAsync(host, SeedSet));
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/{SeedSet}/questions/q99/disable"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await GetAsync(host, $"{Sets}/no-such-set/questions"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await GetAsync(host, $"{Sets}/{SeedSet}?version=9"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schema_IsTheImportersJsonSchema_AsSchemaJson_AlsoPublishedWithoutAKey()
    {
        await using var host = await StartAsync();

        var response = await GetAsync(host, $"{Sets}/schema");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(CoachBot.Core.QuestionSets.QuestionSetSchema.Json, body);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)JsonNode.Parse(body)!["$schema"]);
        var published = await host.Client.GetAsync(new Uri(CoachBot.Core.QuestionSets.QuestionSetSchema.PublishedPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(body, await published.Content.ReadAsStringAsync());
    }
}
