using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="CoachBotDbContext"/> on PostgreSQL: the same model, its own type only so that it carries its own
/// migrations (<c>Migrations/Postgres</c>) and model snapshot. The stores never see this type: they take
/// <see cref="IDbContextFactory{TContext}"/> of <see cref="CoachBotDbContext"/>.
/// </summary>
/// <param name="options">The context options (Npgsql and the connection).</param>
public sealed class PostgresCoachBotDbContext(DbContextOptions<PostgresCoachBotDbContext> options) : CoachBotDbContext(options);
