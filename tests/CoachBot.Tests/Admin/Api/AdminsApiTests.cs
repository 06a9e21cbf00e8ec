using System.Net;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Admins through the API: grant, list, revoke; configured admins and the last admin are refused (409).</summary>
public sealed class AdminsApiTests : AdminApiTest
{
    [Fact]
    public async Task Grant_ListsTheAdmin_RevokeRemovesIt_ConfiguredAdminsAreRefused()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Admin:Users:0"] = "29:owner" });

        var granted = await SendAsync(host, HttpMethod.Post, "/api/admin/admins", content: Json(new { userId = "29:helper" }));
        var admin = await ReadAsync(granted, HttpStatusCode.Created);
        Assert.Equal(("29:helper", "grant", "key:config-0"), ((string?)admin["userId"], (string?)admin["source"], (string?)admin["grantedBy"]));
        await ReadAsync(await SendAsync(host, HttpMethod.Post, "/api/admin/admins", content: Json(new { userId = "29:helper" })), HttpStatusCode.OK);

        var admins = await ReadAsync(await GetAsync(host, "/api/admin/admins"), HttpStatusCode.OK);
        Assert.Equal([("29:owner", "configuration"), ("29:helper", "grant")], admins.AsArray().Select(a => ((string?)a!["userId"], (string?)a["source"])));

        var refused = await ReadProblemAsync(await SendAsync(host, HttpMethod.Delete, $"/api/admin/admins/{Uri.EscapeDataString("29:owner")}"), HttpStatusCode.Conflict);
        Assert.Equal("refused", (string?)refused["code"]);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(host, HttpMethod.Delete, $"/api/admin/admins/{Uri.EscapeDataString("29:helper")}")).StatusCode);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Delete, $"/api/admin/admins/{Uri.EscapeDataString("29:helper")}"), HttpStatusCode.NotFound);
        var problem = await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, "/api/admin/admins", content: Json(new { userId = "two words" })), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]);
    }
}
