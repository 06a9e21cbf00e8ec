using CoachBot.Infrastructure.Scheduling;
using CoachBot.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure;

/// <summary>The readiness checks of the infrastructure, tagged <see cref="Tag"/>.</summary>
public static class ReadinessHealthChecks
{
    /// <summary>The tag of every check that decides readiness (<c>/readyz</c>).</summary>
    public const string Tag = "ready";

    /// <summary>A check taking longer than this is unhealthy: a probe must answer even when the database hangs.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds <c>database</c> (a trivial query answers), <c>migrations</c> (none pending) and <c>scheduler</c> (Quartz
    /// started and not in standby, or disabled by <c>Scheduling:Enabled=false</c>). Requires the storage and scheduling
    /// registrations.
    /// </summary>
    public static IHealthChecksBuilder AddCoachBotReadinessChecks(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddCheck<DatabaseHealthCheck>("database", tags: [Tag], timeout: Timeout)
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Tag], timeout: Timeout)
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Tag], timeout: Timeout);
    }
}
