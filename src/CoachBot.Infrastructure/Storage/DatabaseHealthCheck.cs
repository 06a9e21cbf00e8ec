using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Infrastructure.Storage;

/// <summary>Readiness: the database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CoachBotDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);

            // CanConnect first: on SQLite it asks whether the file exists, where opening a connection would create an empty one.
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "cannot connect");
            }

            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The description is served by /readyz: the exception (which may name hosts) goes to the health-check log only.
            return new HealthCheckResult(context.Registration.FailureStatus, "query failed", ex);
        }
    }
}
