using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// Used by the EF Core tools only (<c>dotnet ef migrations add … --context CoachBotDbContext</c>): a SQLite context.
/// The connection is never opened to generate migrations.
/// </summary>
internal sealed class CoachBotDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CoachBotDbContext>
{
    public CoachBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CoachBotDbContext>()
            .UseSqlite(StorageOptions.DefaultConnectionString)
            .Options;
        return new CoachBotDbContext(options);
    }
}
