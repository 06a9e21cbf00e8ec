using System.Net;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Set activation through the API.</summary>
public sealed class AssignmentsApiTests : AdminApiTest
{
    [Fact]
    public async Task PutAnAssignment_IsListed_AndBadScopesOrSetsAreRefused()
    {
        await using var host = await StartAsync();

        var put = await ReadAsync(await SendAsync(host, HttpMethod.Put, "/api/admin/assignments", content: Json(new { scope = "place", key = "msteams:19:x@thread.tacv2", setId = SeedSet })), HttpStatusCode.OK);
        Assert.Equal(("place", "key:config-0"), ((string?)put["scope"], (string?)put["assignedBy"]));

        var listed = Assert.Single((await ReadAsync(await GetAsync(host, "/api/admin/assignments"), HttpStatusCode.OK)).AsArray())!;
        Assert.Equal(("place", "msteams:19:x@thread.tacv2", SeedSet), ((string?)listed["scope"], (string?)listed["key"], (string?)listed["setId"]));
        var scope = await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, "/api/admin/assignments", content: Json(new { scope = "galaxy", setId = SeedSet })), HttpStatusCode.BadRequest);
        Assert.NotNull(scope["errors"]!["scope"]);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, "/api/admin/assignments", content: Json(new { scope = "team", setId = SeedSet })), HttpStatusCode.BadRequest);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, "/api/admin/assignments", content: Json(new { scope = "default", setId = "nope" })), HttpStatusCode.NotFound);
    }
}
