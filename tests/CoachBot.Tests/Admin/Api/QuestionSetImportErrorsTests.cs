using System.Net;
using System.Text.Json.Nodes;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Bodies the API refuses, all as ProblemDetails and all storing nothing: bad JSON, bad sets, wrong types, too big.</summary>
public sealed class QuestionSetImportErrorsTests : AdminApiTest
{
    private const string Sets = "/api/admin/question-sets";

    [Fact]
    public async Task MalformedJson_Is400WithTheLine_AndNothingStored()
    {
        await using var host = await StartAsync();
        const string body = "{\n  \"id\": \"broken\",\n  \"title\": \"Broken\",\n  \"models\": [ { \"slug\": \"a\", \"name\": \"A\" } ]\n  \"questions\": []\n}";

        var problem = await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/import", content: Json(body)), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("line 5", e.Key, StringComparison.Ordinal));
        Assert.Contains("Nothing was imported", (string?)problem["detail"], StringComparison.Ordinal);
        await ReadProblemAsync(await GetAsync(host, $"{Sets}/broken"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnInvalidSet_ListsEveryProblemByField_WithItsLine_AndNothingStored()
    {
        await using var host = await StartAsync();
        const string body = """
            {
              "id": "half-done",
              "models": [ { "slug": "clarity", "name": "Clarity" } ],
              "questions": [
                { "id": "q1", "text": "Fine?", "type": "story" },
                { "id": "q2", "text": "" }
              ]
            }
            """;

        foreach (var (method, path) in new[] { (HttpMethod.Post, $"{Sets}/import"), (HttpMethod.Post, Sets) })
        {
            var problem = await ReadProblemAsync(await SendAsync(host, method, path, content: Json(body)), HttpStatusCode.BadRequest);

            var errors = problem["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("title"), errors.ToJsonString());
            Assert.StartsWith("line 5, column", (string?)errors["questions[0].type"]![0], StringComparison.Ordinal);
            Assert.True(errors.ContainsKey("questions[1].text"), errors.ToJsonString());
            Assert.All(problem["problems"]!.AsArray(), p => Assert.True((int)p!["line"]! > 0));
        }

        await ReadProblemAsync(await GetAsync(host, $"{Sets}/half-done"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AWrongTypeInAJsonBody_Is400NamingTheField()
    {
        await using var host = await StartAsync();

        var problem = await ReadProblemAsync(
            await SendAsync(host, HttpMethod.Put, $"{Sets}/{SeedSet}/questions/q1", content: Json("""{ "text": "ok", "enabled": "yes" }"""), ifMatch: "\"1\""),
            HttpStatusCode.BadRequest);

        Assert.StartsWith("line 1, column", (string?)problem["errors"]!["enabled"]![0], StringComparison.Ordinal);
        Assert.Equal(new[] { 1 }, await VersionsAsync(host, SeedSet));
    }

    [Fact]
    public async Task AnUnsupportedContentType_Is415_AfterTheKeyIsChecked()
    {
        await using var host = await StartAsync();

        var problem = await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/import", content: Text("<set/>", "application/xml")), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("text/markdown", (string?)problem["detail"], StringComparison.Ordinal);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/import", key: null, Text("<set/>", "application/xml")), HttpStatusCode.Unauthorized);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, Sets, content: Text("id: x", "application/yaml")), HttpStatusCode.UnsupportedMediaType);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, "/api/admin/api-keys", content: Text("name=x", "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task ABodyOverTheImportersLimit_Is413_AndNothingStored()
    {
        await using var host = await StartAsync();
        var tooBig = "# Big\n" + new string('x', CoachBot.Core.Importing.QuestionSetImporter.MaxBytes);

        var problem = await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, $"{Sets}/import?setId=big", content: Text(tooBig, "text/markdown")), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("1 MB", (string?)problem["detail"], StringComparison.Ordinal);
        await ReadProblemAsync(await GetAsync(host, $"{Sets}/big"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACsvWithoutASet_Is400()
    {
        await using var host = await StartAsync();

        var problem = await ReadProblemAsync(
            await SendAsync(host, HttpMethod.Post, $"{Sets}/import", content: Text("id,text,type\nq1,Why?,concept\n", "text/csv")), HttpStatusCode.BadRequest);

        Assert.Contains("existing set", problem["errors"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
