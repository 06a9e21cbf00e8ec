using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>Helpers shared by the EF stores.</summary>
internal static class DbContextFactoryExtensions
{
    /// <summary>How many times an upsert that lost an insert race is retried (as an update).</summary>
    private const int MaxUpsertAttempts = 4;

    /// <summary>
    /// Inserts or updates one row in a short-lived context. <paramref name="find"/> loads the tracked row (or
    /// <c>null</c>), <paramref name="create"/> makes a new one with its key set, <paramref name="apply"/> copies
    /// every non-key value. When a concurrent writer inserts the same key first, the insert fails with a
    /// unique violation; the upsert is then retried, finds the row and updates it.
    /// </summary>
    public static async Task UpsertAsync<TEntity>(
        this IDbContextFactory<CoachBotDbContext> factory,
        Func<CoachBotDbContext, CancellationToken, Task<TEntity?>> find,
        Func<TEntity> create,
        Action<TEntity> apply,
        CancellationToken cancellationToken)
        where TEntity : class
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var entity = await find(db, cancellationToken);
            var inserting = entity is null;
            if (entity is null)
            {
                entity = create();
                db.Add(entity);
            }

            apply(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (inserting && attempt < MaxUpsertAttempts)
            {
                // Most likely another writer inserted the same key in between: retry, which updates it.
            }
        }
    }
}
