using System.Net;
using Microsoft.Extensions.Options;

namespace CoachBot.Tests.Admin.Api;

/// <summary>
/// Every admin route (read from the host's endpoints, so a new route joins by itself) × every kind of caller: only
/// the configured key and a created, unrevoked key get through; everyone else gets a 401 ProblemDetails.
/// </summary>
public sealed class ApiKeyAuthenticationTests : AdminApiTest
{
    public enum Caller
    {
        Anonymous,
        BadKey,
        RevokedDbKey,
        ConfiguredKey,
        CreatedDbKey,
    }

    [Theory]
    [InlineData(Caller.Anonymous)]
    [InlineData(Caller.BadKey)]
    [InlineData(Caller.RevokedDbKey)]
    [InlineData(Caller.ConfiguredKey)]
    [InlineData(Caller.CreatedDbKey)]
    public async Task EveryRoute_OnlyValidKeysGetThrough(Caller caller)
    {
        await using var host = await StartAsync();
        var created = await CreateKeyAsync(host, "script");
        var revoked = await CreateKeyAsync(host, "old-script");
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(host, HttpMethod.Delete, $"/api/admin/api-keys/{revoked.Id}")).StatusCode);
        var key = caller switch
        {
            Caller.Anonymous => null,
            Caller.BadKey => "cb_not-a-key-anyone-was-ever-given-0000000000",
            Caller.RevokedDbKey => revoked.Key,
            Caller.ConfiguredKey => ConfiguredKey,
            _ => created.Key,
        };
        var valid = caller is Caller.ConfiguredKey or Caller.CreatedDbKey;

        var routes = AdminRoutes(host);
        Assert.True(routes.Count >= 28, $"only {routes.Count} admin routes found");
        var wrong = new List<string>();
        foreach (var (method, path) in routes)
        {
            var content = method == HttpMethod.Get || method == HttpMethod.Delete ? null : Json("{}");
            var response = await SendAsync(host, method, path, key, content);
            var status = (int)response.StatusCode;
            if (valid && (status is 401 or 403 or 429 || status >= 500))
            {
                wrong.Add($"{method} {path}: {status}");
            }
            else if (!valid)
            {
                if (status != 401 || response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                {
                    wrong.Add($"{method} {path}: {status} {response.Content.Headers.ContentType} {response.Headers.WwwAuthenticate}");
                }
                else
                {
                    await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task FailedSignIns_PastTheLimit_Get429WithRetryAfter_EvenForAValidKey()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Admin:FailedSignInsPerMinute"] = "3" });

        for (var i = 0; i < 3; i++)
        {
            await ReadProblemAsync(await GetAsync(host, "/api/admin/question-sets", $"wrong-key-{i}"), HttpStatusCode.Unauthorized);
        }

        foreach (var key in new[] { "wrong-key-3", ConfiguredKey })
        {
            var response = await GetAsync(host, "/api/admin/question-sets", key);
            var problem = await ReadProblemAsync(response, HttpStatusCode.TooManyRequests);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 60);
            Assert.Contains("try again in", (string?)problem["detail"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AValidKey_BelowTheLimit_IsNotThrottled()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Admin:FailedSignInsPerMinute"] = "3" });

        await ReadProblemAsync(await GetAsync(host, "/api/admin/question-sets", "wrong-key"), HttpStatusCode.Unauthorized);
        for (var i = 0; i < 5; i++)
        {
            await ReadAsync(await GetAsync(host, "/api/admin/question-sets"), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task AShortConfiguredKey_StopsTheStart_NamingTheEntryNotTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?> { ["Admin:ApiKeys:1"] = "short-secret-key" }));

        Assert.Contains("Admin:ApiKeys:1 is 16 characters long", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 32 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret-key", error.Message, StringComparison.Ordinal);
    }
}
