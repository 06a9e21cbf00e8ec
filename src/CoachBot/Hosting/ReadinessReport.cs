using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Hosting;

/// <summary>
/// The body of <c>/readyz</c>: the overall status and each check's status, description and duration, e.g.
/// <c>{"status":"Unhealthy","durationMs":4.1,"checks":{"database":{"status":"Healthy","description":"reachable","durationMs":1.2},…}}</c>.
/// Exceptions are left out (they may name hosts or paths); the health-check log has them.
/// </summary>
internal sealed record ReadinessReport(string Status, double DurationMs, IReadOnlyDictionary<string, ReadinessCheck> Checks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ReadinessReport From(HealthReport report) => new(
        report.Status.ToString(),
        Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        report.Entries.ToDictionary(e => e.Key, e => new ReadinessCheck(e.Value.Status.ToString(), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1))));

    /// <summary>The <c>HealthCheckOptions.ResponseWriter</c> of <c>/readyz</c>.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        return context.Response.WriteAsJsonAsync(From(report), Json, context.RequestAborted);
    }
}

/// <summary>One check of <see cref="ReadinessReport"/>.</summary>
internal sealed record ReadinessCheck(string Status, string? Description, double DurationMs);
