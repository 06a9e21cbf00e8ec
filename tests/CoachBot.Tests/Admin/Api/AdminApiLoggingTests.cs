using System.Net;
using CoachBot.Infrastructure.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Keys never reach the logs at Information or above: not the configured key, not a created one, not a rejected one.</summary>
public sealed class AdminApiLoggingTests : AdminApiTest
{
    [Fact]
    public async Task NoLogAtInformationOrAbove_ContainsAKey()
    {
        var logs = new ListLoggerProvider();
        await using var host = await StartAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
            },
            builder => builder.Services.AddSingleton<ILoggerProvider>(logs));
        var (id, created) = await CreateKeyAsync(host, "logged-script");
        const string Rejected = "cb_a-key-that-was-never-issued-000000000000";

        await ReadAsync(await GetAsync(host, "/api/admin/question-sets", created), HttpStatusCode.OK);
        await ReadAsync(await SendAsync(host, HttpMethod.Put, $"/api/admin/question-sets/{SeedSet}/questions/q1", created, Json(new { text = "Logged?" }), "\"1\""), HttpStatusCode.OK);
        await ReadProblemAsync(await GetAsync(host, "/api/admin/question-sets", Rejected), HttpStatusCode.Unauthorized);
        await SendAsync(host, HttpMethod.Delete, $"/api/admin/api-keys/{id}");
        await ReadProblemAsync(await GetAsync(host, "/api/admin/audit", created), HttpStatusCode.Unauthorized);

        var visible = logs.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.Contains(visible, e => e.Message.Contains("/api/admin/question-sets", StringComparison.Ordinal)); // requests are logged...
        Assert.Contains(visible, e => e.EventId == 5101 && e.Level == LogLevel.Warning); // ...and so are rejected keys
        Assert.Contains(visible, e => e.EventId == 5010 && e.Message.Contains("key:logged-script", StringComparison.Ordinal));
        foreach (var secret in new[] { ConfiguredKey, created, Rejected, created[..12] })
        {
            Assert.DoesNotContain(visible, e => e.Message.Contains(secret, StringComparison.Ordinal) || e.Exception?.ToString().Contains(secret, StringComparison.Ordinal) == true);
        }
    }
}
