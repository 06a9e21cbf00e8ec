using CoachBot.Core.Admin;
using CoachBot.Core.QuestionSets;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="IQuestionSetStore"/> on EF Core: one row per set version, the whole set as JSON.
/// Thread-safe (register as a singleton).
/// </summary>
/// <param name="contexts">The context factory.</param>
/// <param name="time">The clock (for <c>CreatedAt</c>).</param>
public sealed class EfQuestionSetStore(IDbContextFactory<CoachBotDbContext> contexts, TimeProvider time) : IQuestionSetStore
{
    /// <inheritdoc />
    public async Task<QuestionSet?> GetLatestAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.QuestionSetVersions.AsNoTracking()
            .Where(v => v.SetId == id)
            .OrderByDescending(v => v.Version)
            .Select(v => v.ContentJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : StorageJson.Deserialize<QuestionSetDocument>(json).ToQuestionSet();
    }

    /// <inheritdoc />
    public async Task<QuestionSet?> GetVersionAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.QuestionSetVersions.AsNoTracking()
            .Where(v => v.SetId == id && v.Version == version)
            .Select(v => v.ContentJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : StorageJson.Deserialize<QuestionSetDocument>(json).ToQuestionSet();
    }

    /// <inheritdoc />
    /// <remarks>The set is stored with <see cref="QuestionSet.Version"/> = 1, whatever version it carries.
    /// A concurrent add of the same id is resolved by the primary key: one wins, the other returns <c>false</c>.</remarks>
    public Task<bool> AddIfMissingAsync(QuestionSet set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        return TryAddVersionAsync(set with { Version = 1 }, AdminActor.System.Id, "created at start", cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuestionSet>> GetAllLatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.QuestionSetVersions.AsNoTracking()
            .Where(v => v.Version == db.QuestionSetVersions.Where(o => o.SetId == v.SetId).Max(o => o.Version))
            .OrderBy(v => v.SetId)
            .Select(v => v.ContentJson)
            .ToListAsync(cancellationToken);
        return [.. latest.Select(json => StorageJson.Deserialize<QuestionSetDocument>(json).ToQuestionSet())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuestionSetVersionInfo>> GetVersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.QuestionSetVersions.AsNoTracking()
            .Where(v => v.SetId == id)
            .OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.Title, v.ContentJson, v.CreatedAt, v.CreatedBy, v.Note })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new QuestionSetVersionInfo(
            r.Version, r.Title, StorageJson.Deserialize<QuestionSetDocument>(r.ContentJson).Questions.Count, r.CreatedAt, r.CreatedBy, r.Note))];
    }

    /// <inheritdoc />
    /// <remarks>The primary key (set id, version) makes the insert the arbiter: of two concurrent saves of the same version, one fails.</remarks>
    public async Task<bool> TryAddVersionAsync(QuestionSet set, string createdBy, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(createdBy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.QuestionSetVersions.AnyAsync(v => v.SetId == set.Id && v.Version >= set.Version, cancellationToken))
        {
            return false;
        }

        db.QuestionSetVersions.Add(new QuestionSetVersionEntity
        {
            SetId = set.Id,
            Version = set.Version,
            Title = set.Title,
            ContentJson = StorageJson.Serialize(QuestionSetDocument.From(set)),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
            Note = note,
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (await check.QuestionSetVersions.AnyAsync(v => v.SetId == set.Id && v.Version == set.Version, cancellationToken))
            {
                return false; // lost the race for this version
            }

            throw;
        }
    }
}
