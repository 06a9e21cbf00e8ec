using System.Net;

namespace CoachBot.Tests.Admin.Api;

/// <summary>API keys through the API: created once with the key, listed without secrets, revoked.</summary>
public sealed class ApiKeysApiTests : AdminApiTest
{
    [Fact]
    public async Task ACreatedKey_IsShownOnce_ListedWithoutSecrets_AndWorksUntilRevoked()
    {
        await using var host = await StartAsync();

        var response = await SendAsync(host, HttpMethod.Post, "/api/admin/api-keys", content: Json(new { name = "nightly import" }));

        var created = await ReadAsync(response, HttpStatusCode.Created);
        var key = (string)created["key"]!;
        Assert.StartsWith("cb_", key, StringComparison.Ordinal);
        Assert.Equal($"/api/admin/api-keys/{created["id"]}", response.Headers.Location?.OriginalString);
        var listing = await (await GetAsync(host, "/api/admin/api-keys", key)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), listing, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listing, StringComparison.OrdinalIgnoreCase);
        var listed = Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(listing)!.AsArray())!;
        Assert.Equal(("nightly import", key[..7], "key:config-0"), ((string?)listed["name"], (string?)listed["prefix"], (string?)listed["createdBy"]));

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(host, HttpMethod.Delete, $"/api/admin/api-keys/{created["id"]}", key)).StatusCode);
        await ReadProblemAsync(await GetAsync(host, "/api/admin/api-keys", key), HttpStatusCode.Unauthorized);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Delete, $"/api/admin/api-keys/{created["id"]}"), HttpStatusCode.NotFound);
        var revoked = Assert.Single((await ReadAsync(await GetAsync(host, "/api/admin/api-keys"), HttpStatusCode.OK)).AsArray())!;
        Assert.NotNull((string?)revoked["revokedAt"]);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, "/api/admin/api-keys", content: Json(new { name = "" })), HttpStatusCode.BadRequest);
    }
}
