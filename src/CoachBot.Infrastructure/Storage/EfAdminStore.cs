using CoachBot.Core.Admin;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="IAdminStore"/> on EF Core, and the "forget me" eraser for a learner's own set choice.
/// Thread-safe (register as a singleton): every operation uses its own short-lived context.
/// </summary>
/// <param name="contexts">The context factory.</param>
public sealed class EfAdminStore(IDbContextFactory<CoachBotDbContext> contexts) : IAdminStore, ILearnerDataEraser
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AdminGrant>> GetGrantsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.AdminGrants.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.GrantedAt).Select(r => new AdminGrant(r.UserId, r.GrantedBy, r.GrantedAt))];
    }

    /// <inheritdoc />
    public async Task<bool> IsGrantedAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var key = Key(userId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AdminGrants.AnyAsync(g => g.UserIdKey == key, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> AddGrantAsync(AdminGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.AdminGrants.AnyAsync(g => g.UserIdKey == Key(grant.UserId), cancellationToken))
        {
            return false;
        }

        db.AdminGrants.Add(new AdminGrantEntity { UserIdKey = Key(grant.UserId), UserId = grant.UserId, GrantedBy = grant.GrantedBy, GrantedAt = grant.GrantedAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await IsGrantedAsync(grant.UserId, cancellationToken))
            {
                return false; // a concurrent grant of the same user won
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> RemoveGrantAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var key = Key(userId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AdminGrants.Where(g => g.UserIdKey == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntryEntity
        {
            Id = entry.Id,
            At = entry.At,
            ActorId = entry.ActorId,
            ActorName = entry.ActorName,
            Via = entry.Via,
            Action = entry.Action,
            Target = entry.Target,
            BeforeVersion = entry.BeforeVersion,
            AfterVersion = entry.AfterVersion,
            Detail = entry.Detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(int skip, int take, string? targetPrefix = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (targetPrefix is not null)
        {
            query = query.Where(a => a.Target.StartsWith(targetPrefix));
        }

        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AuditEntry(r.Id, r.At, r.ActorId, r.ActorName, r.Via, r.Action, r.Target, r.BeforeVersion, r.AfterVersion, r.Detail))];
    }

    /// <inheritdoc />
    public async Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(new ApiKeyEntity
        {
            Id = key.Id, Name = key.Name, Hash = key.Hash, Prefix = key.Prefix, CreatedBy = key.CreatedBy, CreatedAt = key.CreatedAt, RevokedAt = key.RevokedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyRecord>> GetApiKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.CreatedAt).Select(r => new ApiKeyRecord(r.Id, r.Name, r.Hash, r.Prefix, r.CreatedBy, r.CreatedAt, r.RevokedAt))];
    }

    /// <inheritdoc />
    public async Task<bool> RevokeApiKeyAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, at), cancellationToken) > 0;
    }

    /// <inheritdoc />
    public Task SetAssignmentAsync(SetAssignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return contexts.UpsertAsync(
            (db, ct) => db.SetAssignments.FirstOrDefaultAsync(a => a.Scope == assignment.Scope && a.ScopeKey == assignment.Key, ct),
            () => new SetAssignmentEntity { Scope = assignment.Scope, ScopeKey = assignment.Key },
            row =>
            {
                row.SetId = assignment.SetId;
                row.AssignedBy = assignment.AssignedBy;
                row.AssignedAt = assignment.AssignedAt;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAssignmentAsync(SetScope scope, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SetAssignments.Where(a => a.Scope == scope && a.ScopeKey == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<SetAssignment?> GetAssignmentAsync(SetScope scope, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.SetAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.Scope == scope && a.ScopeKey == key, cancellationToken);
        return row is null ? null : ToAssignment(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SetAssignment>> GetAssignmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.SetAssignments.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Scope).ThenBy(r => r.ScopeKey, StringComparer.Ordinal).Select(ToAssignment)];
    }

    /// <inheritdoc />
    /// <remarks>Deletes the learner's own set choice (<c>use &lt;set&gt;</c>).</remarks>
    public async Task<int> EraseAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SetAssignments.Where(a => a.Scope == SetScope.User && a.ScopeKey == turn.UserKey).ExecuteDeleteAsync(cancellationToken);
    }

    private static SetAssignment ToAssignment(SetAssignmentEntity row) => new(row.Scope, row.ScopeKey, row.SetId, row.AssignedBy, row.AssignedAt);

    private static string Key(string userId) => userId.Trim().ToLowerInvariant();
}
