using CoachBot.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Infrastructure;

/// <summary>Registration of the ASP.NET Core data-protection key ring in the CoachBot database.</summary>
public static class KeyRingServiceCollectionExtensions
{
    /// <summary>The application name every instance protects with, so that they all share one set of purposes.</summary>
    public const string ApplicationName = "CoachBot";

    /// <summary>
    /// Registers ASP.NET Core data protection (admin sign-in cookies, antiforgery tokens, TempData) with its key ring in
    /// the <c>DataProtectionKeys</c> table of the CoachBot database, on whichever provider <see cref="StorageServiceCollectionExtensions.AddCoachBotStorage"/>
    /// chose, and the application name <see cref="ApplicationName"/>: every instance on one database, and every restart,
    /// reads the same keys. Keys are stored as the default file store keeps them, unencrypted at rest.
    /// </summary>
    /// <remarks>
    /// The key manager reads the table lazily (at the latest when the host's data-protection service starts, after the
    /// storage layer's migrator has run in <c>StartingAsync</c>), so the table exists before it is first read.
    /// It resolves the context from a scope: a scoped <see cref="CoachBotDbContext"/> is leased from the pooled factory
    /// (a <see cref="PostgresCoachBotDbContext"/> on PostgreSQL) and returned to the pool with the scope.
    /// </remarks>
    /// <param name="services">A service collection with <see cref="StorageServiceCollectionExtensions.AddCoachBotStorage"/> already applied.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCoachBotDataProtection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<CoachBotDbContext>();
        return services;
    }
}
