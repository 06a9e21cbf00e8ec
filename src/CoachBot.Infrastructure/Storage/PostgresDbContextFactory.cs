using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// Hands out the pooled <see cref="PostgresCoachBotDbContext"/>s as <see cref="CoachBotDbContext"/>, the type every
/// store takes, so the stores need not know the provider.
/// </summary>
internal sealed class PostgresDbContextFactory(IDbContextFactory<PostgresCoachBotDbContext> pool) : IDbContextFactory<CoachBotDbContext>
{
    public CoachBotDbContext CreateDbContext() => pool.CreateDbContext();

    public async Task<CoachBotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await pool.CreateDbContextAsync(cancellationToken);
}
