using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="IGradeCache"/> on EF Core, and the "forget me" eraser for the grades it holds. Thread-safe
/// (register as a singleton).
/// </summary>
/// <param name="contexts">The context factory.</param>
/// <param name="time">The clock.</param>
public sealed class EfGradeCache(IDbContextFactory<CoachBotDbContext> contexts, TimeProvider time) : IGradeCache, ILearnerDataEraser
{
    /// <inheritdoc />
    public async Task<GradeResult?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.GradeCache.AsNoTracking().Where(g => g.Key == key).Select(g => g.GradeJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : StorageJson.Deserialize<GradeDocument>(json).ToGradeResult();
    }

    /// <inheritdoc />
    public async Task SetAsync(string key, GradeResult grade, string? ownerKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grade);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.GradeCache.Add(new GradeCacheEntity
        {
            Key = key,
            Grader = grade.Grader,
            GradeJson = StorageJson.Serialize(GradeDocument.From(grade)),
            OwnerKey = ownerKey,
            CreatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two turns graded the same answer at once: the first grade stays, both are equivalent.
            if (!await ExistsAsync(key, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <inheritdoc />
    public async Task<int> EraseAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.GradeCache.Where(g => g.OwnerKey == turn.UserKey).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.GradeCache.AnyAsync(g => g.Key == key, cancellationToken);
    }
}
