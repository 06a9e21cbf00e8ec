using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// Used by the EF Core tools only (<c>dotnet ef migrations add … --context PostgresCoachBotDbContext
/// --output-dir Migrations/Postgres</c>): a PostgreSQL context. The connection is never opened to generate migrations.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresCoachBotDbContext>
{
    public PostgresCoachBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresCoachBotDbContext>()
            .UseNpgsql("Host=localhost;Database=coachbot")
            .Options;
        return new PostgresCoachBotDbContext(options);
    }
}
