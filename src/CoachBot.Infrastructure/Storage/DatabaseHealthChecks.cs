using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// A readiness check that asks the database one question in a short-lived context. An exception is the check's failure
/// status with a fixed description: <c>/readyz</c> serves descriptions, and an exception may name hosts or paths (the
/// health-check log has it).
/// </summary>
internal abstract class DatabaseReadinessCheck(IDbContextFactory<CoachBotDbContext> contexts) : IHealthCheck
{
    /// <summary>The description when the question itself failed.</summary>
    protected abstract string FailedDescription { get; }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var (healthy, description) = await AskAsync(db, cancellationToken);
            return healthy ? HealthCheckResult.Healthy(description) : new HealthCheckResult(context.Registration.FailureStatus, description);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, FailedDescription, ex);
        }
    }

    protected abstract Task<(bool Healthy, string Description)> AskAsync(CoachBotDbContext db, CancellationToken cancellationToken);
}

/// <summary>Readiness: the database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CoachBotDbContext> contexts) : DatabaseReadinessCheck(contexts)
{
    protected override string FailedDescription => "query failed";

    protected override async Task<(bool Healthy, string Description)> AskAsync(CoachBotDbContext db, CancellationToken cancellationToken)
    {
        // CanConnect first: on SQLite it asks whether the file exists, where opening a connection would create an empty one.
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return (false, "cannot connect");
        }

        await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
        return (true, "reachable");
    }
}

/// <summary>Readiness: every migration this build knows is applied (none pending).</summary>
internal sealed class MigrationsHealthCheck(IDbContextFactory<CoachBotDbContext> contexts) : DatabaseReadinessCheck(contexts)
{
    protected override string FailedDescription => "cannot read the migration history";

    protected override async Task<(bool Healthy, string Description)> AskAsync(CoachBotDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0 ? (true, "up to date") : (false, $"{pending} pending");
    }
}
