using System.Net;
using CoachBot.Core.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Every error under /api/admin is a ProblemDetails, and a crash never shows a stack trace (not even in Development).</summary>
public sealed class AdminApiErrorsTests : AdminApiTest
{
    [Fact]
    public async Task AnUnhandledException_IsA500ProblemWithoutDetails_EvenInDevelopment()
    {
        await using var host = await StartAsync(
            new Dictionary<string, string?> { ["environment"] = "Development" },
            builder => builder.Services.AddSingleton<IAdminAnalyticsStore, ExplodingAnalyticsStore>());

        var response = await GetAsync(host, "/api/admin/analytics/participation");

        var problem = await ReadProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.ToJsonString();
        Assert.DoesNotContain(ExplodingAnalyticsStore.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("ExplodingAnalyticsStore", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoutesAndWrongMethods_AreProblems()
    {
        await using var host = await StartAsync();

        await ReadProblemAsync(await GetAsync(host, "/api/admin/no-such-thing"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Delete, "/api/admin/audit"), HttpStatusCode.MethodNotAllowed);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, "/api/admin/assignments", content: Json("{ \"scope\": ")), HttpStatusCode.BadRequest);
    }

    private sealed class ExplodingAnalyticsStore : IAdminAnalyticsStore
    {
        public const string Secret = "database password is hunter2";

        public Task<IReadOnlyList<GradedAnswerPoint>> GetGradedAnswersAsync(string? setId, DateTimeOffset sinceUtc, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);
    }
}
