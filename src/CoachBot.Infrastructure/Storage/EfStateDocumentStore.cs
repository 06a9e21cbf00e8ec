using System.Security.Cryptography;
using CoachBot.Core.State;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="IStateDocumentStore"/> on EF Core with optimistic concurrency. Every write stores a new random
/// eTag. A conditional write is a single <c>UPDATE … WHERE Key = @key AND ETag = @expected</c>: the database
/// decides the winner atomically, and zero affected rows means someone else wrote (or deleted) first.
/// Thread-safe (register as a singleton).
/// </summary>
/// <param name="contexts">The context factory.</param>
/// <param name="time">The clock (for <c>UpdatedAt</c>).</param>
public sealed class EfStateDocumentStore(IDbContextFactory<CoachBotDbContext> contexts, TimeProvider time) : IStateDocumentStore
{
    /// <summary>The eTag value that matches any stored document (and a missing one).</summary>
    public const string AnyETag = "*";

    /// <summary>How many times an unconditional write retries after losing an insert race.</summary>
    private const int MaxWriteAttempts = 5;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StateDocument>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StateDocuments.AsNoTracking()
            .Where(d => distinct.Contains(d.Key))
            .Select(d => new { d.Key, d.Json, d.ETag })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            result[row.Key] = new StateDocument(row.Json, row.ETag);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(json);
        var eTag = NewETag();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        if (expectedETag == StateDocument.Absent)
        {
            // Create only: the primary key decides a race between two first writes of one key.
            db.StateDocuments.Add(new StateDocumentEntity { Key = key, Json = json, ETag = eTag, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return eTag;
            }
            catch (DbUpdateException)
            {
                if (await ExistsAsync(key, cancellationToken))
                {
                    throw new StateConflictException(key); // another writer created it first
                }

                throw;
            }
        }

        if (expectedETag is not null && expectedETag != AnyETag)
        {
            // Conditional: never inserts (a missing document matches no eTag).
            var updated = await db.StateDocuments
                .Where(d => d.Key == key && d.ETag == expectedETag)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Json, json).SetProperty(d => d.ETag, eTag).SetProperty(d => d.UpdatedAt, now), cancellationToken);
            return updated == 1 ? eTag : throw new StateConflictException(key);
        }

        // Unconditional: update if present, else insert; an insert that loses a race with a concurrent
        // insert of the same key fails on the primary key and is retried as an update.
        for (var attempt = 1; ; attempt++)
        {
            var updated = await db.StateDocuments
                .Where(d => d.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Json, json).SetProperty(d => d.ETag, eTag).SetProperty(d => d.UpdatedAt, now), cancellationToken);
            if (updated > 0)
            {
                return eTag;
            }

            db.StateDocuments.Add(new StateDocumentEntity { Key = key, Json = json, ETag = eTag, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return eTag;
            }
            catch (DbUpdateException) when (attempt < MaxWriteAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <inheritdoc />
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return 0;
        }

        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StateDocuments.Where(d => distinct.Contains(d.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StateDocuments.AnyAsync(d => d.Key == key, cancellationToken);
    }

    private static string NewETag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
